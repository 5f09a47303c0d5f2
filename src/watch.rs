//! `switchboard watch`: the engine as a service an admin can leave running.
//! It sweeps what is due (R12), delivers the outbox (src/delivery/), then
//! sleeps until the portal's next event instant (the next-event index), the
//! next delivery's retry, or another process's change to the portal
//! (`PRAGMA data_version`), whichever comes first. SIGHUP reloads the
//! config; SIGTERM and SIGINT stop it after the sweep or delivery in hand
//! (every sweep is one transaction, every delivery recorded as it ends).

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use signal_hook::consts::signal::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};

use crate::clock::wall_ms;
use crate::delivery::{Attempted, Deliverer, Settings};
use crate::error::Result;
use crate::i18n;
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
/// delivery attempted.
pub fn run(
    path: &Path,
    mut settings: impl FnMut() -> Result<Settings>,
    mut swept: impl FnMut(Instant, &[SweepEvent]) -> Result<()>,
    mut delivered: impl FnMut(&Attempted) -> Result<()>,
) -> Result<()> {
    let mut deliverer = Deliverer::new(settings()?);
    let signals = Signals::register();
    let mut portal = Portal::open(path)?;
    tracing::info!(
        "watching {}",
        crate::present::escape_control(&portal.location())
    );
    loop {
        let mut retry_soon = false;
        // Everything due now: the system clock's now, or the demo clock's.
        match portal.run(None, None, |s| {
            Ok((s.instant(), std::mem::take(&mut s.swept)))
        }) {
            Ok((now, events)) => {
                if !events.is_empty() {
                    tracing::info!(events = events.len(), "swept");
                    swept(now, &events)?;
                }
            }
            // Another process holding the lock, a clock behind the portal's:
            // said in the log, tried again shortly.
            Err(error) if passing(&error) => {
                retry_soon = true;
                tracing::warn!(
                    code = error.code(),
                    "{}",
                    crate::present::escape_control(&error.to_string())
                );
            }
            Err(error) => return Err(error),
        }
        // After the sweep's commit, outside any transaction: a slow or
        // unreachable server never holds the portal (the outbox's rows are
        // already written).
        match deliverer.deliver_due(
            &mut portal,
            i18n::current(),
            || signals.stopping(),
            &mut delivered,
        ) {
            Ok(_) => {}
            Err(error) if passing(&error) => retry_soon = true,
            Err(error) => return Err(error),
        }
        if signals.stopping() {
            tracing::info!("stopped by a signal");
            return Ok(());
        }
        let seen = portal.data_version()?;
        let info = portal.info()?;
        // A demo clock moves only when someone moves it (and that sweeps):
        // then only a change by another process wakes the watch for events.
        let event_ms = match info.demo_clock {
            Some(_) => None,
            None => accounts::earliest_event(portal.connection())?.map(|at| at.timestamp_millis()),
        };
        let delivery_ms = outbox::next_due_ms(portal.connection())?;
        let longest = if retry_soon { 1_000 } else { MAX_SLEEP_MS };
        let until_ms = [event_ms, delivery_ms, Some(wall_ms() + longest)]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(wall_ms() + longest);
        let wake = sleep_until(&portal, &signals, seen, until_ms, || match settings() {
            Ok(fresh) => {
                deliverer.settings = fresh;
                tracing::info!("config reloaded (SIGHUP)");
            }
            Err(error) => tracing::error!(
                "config not reloaded, the settings in force are kept: {}",
                crate::present::escape_control(&error.to_string())
            ),
        })?;
        tracing::debug!(?wake, "woke");
        if wake == Wake::Stop {
            tracing::info!("stopped by a signal");
            return Ok(());
        }
    }
}

/// Failures a watch outlives: the lock held by another process, a system
/// clock behind the portal's.
fn passing(error: &crate::error::Error) -> bool {
    matches!(error.code(), "busy" | "clock_backwards")
}

fn sleep_until(
    portal: &Portal,
    signals: &Signals,
    seen: i64,
    until_ms: i64,
    mut reload: impl FnMut(),
) -> Result<Wake> {
    loop {
        if signals.stopping() {
            return Ok(Wake::Stop);
        }
        if signals.reload.swap(false, Ordering::Relaxed) {
            reload();
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
