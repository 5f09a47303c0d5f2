//! `switchboard watch`: the engine as a service an admin can leave running.
//! It sweeps what is due (R12), delivers the outbox (src/delivery/), then
//! sleeps until the portal's next event instant (the next-event index), the
//! next delivery's retry, or another process's change to the portal
//! (`PRAGMA data_version`), whichever comes first. SIGHUP reloads the
//! config; SIGTERM and SIGINT stop it within a tick, whatever a server is
//! doing (every sweep is one transaction; a delivery in hand is left to its
//! lease and goes again).

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use signal_hook::consts::signal::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};

use crate::clock::wall_ms;
use crate::delivery::{Attempted, Deliverer, InFlight, Settings};
use crate::error::Result;
use crate::i18n;
use crate::keeper::{Keeper, Kept};
use crate::lifecycle::Instant;
use crate::store::{Portal, SweepEvent, accounts, outbox};

/// How often a sleeping watch looks at its flags and the portal's version.
const TICK: Duration = Duration::from_millis(200);
/// The longest sleep without a sweep, so a system clock that jumps (a
/// suspended laptop) is caught up within a minute.
const MAX_SLEEP_MS: i64 = 60_000;

/// The signals a watch answers, as flags.
struct Signals {
    stop: Arc<AtomicBool>,
    reload: Arc<AtomicBool>,
    ids: Vec<signal_hook::SigId>,
}

impl Signals {
    fn register() -> Signals {
        let stop = Arc::new(AtomicBool::new(false));
        let reload = Arc::new(AtomicBool::new(false));
        let mut ids = Vec::new();
        for signal in [SIGTERM, SIGINT, SIGQUIT] {
            if let Ok(id) = signal_hook::flag::register(signal, Arc::clone(&stop)) {
                ids.push(id);
            }
        }
        if let Ok(id) = signal_hook::flag::register(SIGHUP, Arc::clone(&reload)) {
            ids.push(id);
        }
        Signals { stop, reload, ids }
    }

    fn stopping(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }
}

impl Drop for Signals {
    fn drop(&mut self) {
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}

/// Why a watch woke.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Wake {
    Due,
    Changed,
    Stop,
}

/// Runs until a stopping signal. `settings` gives the delivery settings at
/// the start (an error stops the watch before it does anything) and again
/// on SIGHUP (an error is logged and the settings in force are kept);
/// `swept` hears of every sweep that applied events, `delivered` of every
/// row attempted or expired.
///
/// One loop on this thread sweeps, takes the next due delivery and starts
/// it on a thread of its own, then waits at most a tick for its outcome,
/// the next instant or a signal: a delivery in hand never delays a sweep
/// nor a stop (issue 17, item 1). A stop leaves an attempt in hand to its
/// lease: the row goes again once the lease ends (at least once).
pub fn run(
    path: &Path,
    mut settings: impl FnMut() -> Result<(Settings, Vec<crate::oauth::Client>)>,
    (mut keeper, ics, metrics): (Keeper, Option<&Path>, Option<&crate::metrics::Metrics>),
    mut swept: impl FnMut(Instant, &[SweepEvent]) -> Result<()>,
    mut delivered: impl FnMut(&Attempted) -> Result<()>,
) -> Result<()> {
    let (first, clients) = settings()?;
    let mut deliverer = Deliverer::new(first);
    keeper.clients = clients;
    let signals = Signals::register();
    let mut portal = Portal::open(path)?;
    tracing::info!(
        "watching {}",
        crate::present::escape_control(&portal.location())
    );
    if let Some(file) = ics {
        crate::ics::check_replaceable(file)?;
    }
    // The calendar last written, without its DTSTAMP lines.
    let mut calendar_kept = String::new();
    let mut in_flight: Option<InFlight> = None;
    // When the next sweep is due (ms): at once, then as the portal says.
    let mut sweep_at_ms = 0;
    let mut seen = portal.data_version()?;
    // When the metrics last counted the portal.
    let mut counted_at: Option<std::time::Instant> = None;
    loop {
        if signals.stopping() {
            tracing::info!("stopped by a signal");
            return Ok(());
        }
        if signals.reload.swap(false, Ordering::Relaxed) {
            match settings() {
                Ok((fresh, clients)) => {
                    deliverer.settings = fresh;
                    keeper.clients = clients;
                    tracing::info!("config reloaded (SIGHUP)");
                }
                Err(error) => tracing::error!(
                    "config not reloaded, the settings in force are kept: {}",
                    crate::present::escape_control(&error.to_string())
                ),
            }
        }
        let version = portal.data_version()?;
        let changed = version != seen;
        if changed || wall_ms() >= sweep_at_ms {
            let applied;
            (sweep_at_ms, applied) = sweep(&mut portal, &mut swept, metrics)?;
            seen = portal.data_version()?;
            if let Some(metrics) = metrics {
                count_for(&mut portal, metrics, &mut counted_at, applied || changed);
            }
            // The calendar reads every account: only at the start, after
            // another process's change, or when the sweep applied events.
            if let Some(file) = ics
                && (calendar_kept.is_empty() || changed || applied)
            {
                keep_calendar(&mut portal, file, &mut calendar_kept);
            }
        }
        // Deliveries: the one in hand, else the next due.
        let mut idle = true;
        match in_flight.take() {
            Some(mut attempt) => {
                match deliverer.poll(&mut portal, &mut attempt, TICK, i18n::current()) {
                    Ok(Some(polled)) => {
                        let done = polled.done;
                        if let Some(metrics) = metrics {
                            metrics.attempted(
                                done.delivery.channel.name(),
                                outcome_name(&done),
                                done.seconds,
                            );
                        }
                        delivered(&done)?;
                        // The next row, taken in the same transaction.
                        for row in &polled.expired {
                            delivered(row)?;
                        }
                        in_flight = polled.next;
                        idle = false;
                    }
                    Ok(None) => in_flight = Some(attempt),
                    Err(error) if passing(&error) => {
                        // The outcome is in; recording it waits for the lock.
                        tracing::warn!(code = error.code(), "delivery not recorded yet");
                        in_flight = Some(attempt);
                    }
                    Err(error) => return Err(error),
                }
            }
            None => match deliverer.start_next(&mut portal, i18n::current()) {
                Ok((expired, started)) => {
                    for row in &expired {
                        delivered(row)?;
                    }
                    idle = expired.is_empty() && started.is_none();
                    in_flight = started;
                }
                Err(error) if passing(&error) => {}
                Err(error) => return Err(error),
            },
        }
        // Grants (issue 20): one check at a time, on its own thread.
        let check_ms = match keeper.step(&mut portal) {
            Ok((kept, next_ms)) => {
                if let Some(kept) = kept {
                    log_kept(&kept);
                    idle = false;
                }
                next_ms
            }
            Err(error) if passing(&error) => None,
            Err(error) => return Err(error),
        };
        if in_flight.is_some() || !idle {
            continue;
        }
        // Nothing in hand: sleep until the next sweep, delivery or grant
        // check, a change by another process, or a signal.
        let delivery_ms = outbox::next_due_ms(portal.connection())?;
        let until_ms = [Some(sweep_at_ms), delivery_ms, check_ms]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(sweep_at_ms);
        if sleep_until(&portal, &signals, seen, until_ms)? == Wake::Stop {
            tracing::info!("stopped by a signal");
            return Ok(());
        }
    }
}

/// Sweeps what is due now; says when the next sweep is due (ms), and
/// whether it applied events.
fn sweep(
    portal: &mut Portal,
    swept: &mut impl FnMut(Instant, &[SweepEvent]) -> Result<()>,
    metrics: Option<&crate::metrics::Metrics>,
) -> Result<(i64, bool)> {
    let applied;
    let started = std::time::Instant::now();
    // Everything due now: the system clock's now, or the demo clock's.
    match portal.run(None, None, |s| {
        Ok((s.instant(), std::mem::take(&mut s.swept)))
    }) {
        Ok((now, events)) => {
            if let Some(metrics) = metrics {
                metrics.swept(wall_ms() as f64 / 1000.0, started.elapsed().as_secs_f64());
            }
            applied = !events.is_empty();
            if applied {
                tracing::info!(events = events.len(), "swept");
                swept(now, &events)?;
            }
        }
        // Another process holding the lock, a clock behind the portal's:
        // said in the log, tried again shortly.
        Err(error) if passing(&error) => {
            let why = crate::present::escape_control(&error.to_string()).into_owned();
            tracing::warn!(code = error.code(), "{why}");
            if let Some(metrics) = metrics {
                metrics.sweep_failed(&why);
            }
            return Ok((wall_ms() + 1_000, false));
        }
        Err(error) => return Err(error),
    }
    let info = portal.info()?;
    // A demo clock moves only when someone moves it (and that sweeps):
    // then only a change by another process wakes the watch for events.
    let event_ms = match info.demo_clock {
        Some(_) => None,
        None => accounts::earliest_event(portal.connection())?.map(|at| at.timestamp_millis()),
    };
    let longest = wall_ms() + MAX_SLEEP_MS;
    Ok((event_ms.map_or(longest, |at| at.min(longest)), applied))
}

/// The metrics' counts of the portal, again after a change or every
/// `COUNT_EVERY` (they read the accounts due within the week); a failure is
/// logged and tried at the next turn.
fn count_for(
    portal: &mut Portal,
    metrics: &crate::metrics::Metrics,
    counted_at: &mut Option<std::time::Instant>,
    changed: bool,
) {
    const COUNT_EVERY: std::time::Duration = std::time::Duration::from_secs(15);
    if !changed && counted_at.is_some_and(|at| at.elapsed() < COUNT_EVERY) {
        return;
    }
    match portal.read(None, None, |s| {
        crate::store::reads::service_counts(s.conn(), s.instant())
    }) {
        Ok(counts) => {
            metrics.counted(&counts);
            *counted_at = Some(std::time::Instant::now());
        }
        Err(error) => tracing::warn!(code = error.code(), "metrics not counted"),
    }
}

/// The outcome's name in the metrics.
fn outcome_name(done: &crate::delivery::Attempted) -> &'static str {
    use crate::delivery::Outcome;
    match &done.outcome {
        Outcome::Delivered => "delivered",
        Outcome::Expired(_) => "expired",
        Outcome::Failed(_) if done.retry_at_ms.is_some() => "retrying",
        Outcome::Failed(_) => "failed",
    }
}

/// Writes the calendar of the next year's deadlines when it changed; a
/// failure (a full disk) is logged and tried again after the next sweep.
fn keep_calendar(portal: &mut Portal, file: &Path, kept: &mut String) {
    let made = portal.read(None, None, |s| {
        let now = s.instant();
        let until = now + chrono::TimeDelta::days(366);
        let deadlines = crate::store::reads::upcoming(s.conn(), None, now, until)?;
        Ok(crate::ics::calendar(&s.info.name, &deadlines, now))
    });
    let text = match made {
        Ok(text) => text,
        Err(error) => {
            tracing::warn!(code = error.code(), "calendar not written");
            return;
        }
    };
    let without_stamps: String = text
        .split("\r\n")
        .filter(|line| !line.starts_with("DTSTAMP:"))
        .collect();
    if without_stamps == *kept {
        return;
    }
    match crate::ics::replace(file, &text) {
        Ok(()) => *kept = without_stamps,
        Err(error) => tracing::warn!(
            "calendar not written: {}",
            crate::present::escape_control(&error.to_string())
        ),
    }
}

/// What the keeper did, in the log (never a token).
fn log_kept(kept: &Kept) {
    match kept {
        Kept::Renewed(id) => tracing::info!(account = id, "grant refreshed"),
        Kept::Holds(id) => tracing::info!(account = id, "grant still holds"),
        Kept::Revoked(id) => tracing::warn!(
            account = id,
            "grant revoked at the network: disconnected (security, R4)"
        ),
        Kept::Unknown(id, why) => tracing::warn!(
            account = id,
            "grant not checked: {}",
            crate::present::escape_control(why)
        ),
        Kept::Unreadable(id) => tracing::warn!(
            account = id,
            "grant unreadable with this vault key: reconnect the account"
        ),
    }
}

/// Failures a watch outlives: the lock held by another process, a system
/// clock behind the portal's.
fn passing(error: &crate::error::Error) -> bool {
    matches!(error.code(), "busy" | "clock_backwards")
}

fn sleep_until(portal: &Portal, signals: &Signals, seen: i64, until_ms: i64) -> Result<Wake> {
    loop {
        if signals.stopping() {
            return Ok(Wake::Stop);
        }
        // SIGHUP is answered by the loop, at once.
        if signals.reload.load(Ordering::Relaxed) {
            return Ok(Wake::Changed);
        }
        if portal.data_version()? != seen {
            return Ok(Wake::Changed);
        }
        let left = until_ms - wall_ms();
        if left <= 0 {
            return Ok(Wake::Due);
        }
        std::thread::sleep(TICK.min(Duration::from_millis(left as u64)));
    }
}
