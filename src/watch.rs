//! `switchboard watch`: the engine as a service an admin can leave running.
//! It sweeps what is due (R12), then sleeps until the portal's next event
//! instant (the next-event index) or until another process changes the
//! portal (`PRAGMA data_version`), whichever comes first; SIGHUP reloads the
//! config, SIGTERM and SIGINT stop it between sweeps (every sweep is one
//! transaction, so a stop never leaves half of one).

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use signal_hook::consts::signal::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};

use crate::clock::system_now;
use crate::error::Result;
use crate::lifecycle::Instant;
use crate::store::{Portal, SweepEvent, accounts};

/// How often a sleeping watch looks at its flags and the portal's version.
const TICK: Duration = Duration::from_millis(200);
/// The longest sleep without a sweep, so a system clock that jumps (a
/// suspended laptop) is caught up within a minute.
const MAX_SLEEP: chrono::TimeDelta = chrono::TimeDelta::seconds(60);

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

/// Runs until a stopping signal. `swept` hears of every sweep that applied
/// events; `reload` is called on SIGHUP.
pub fn run(
    path: &Path,
    mut swept: impl FnMut(Instant, &[SweepEvent]) -> Result<()>,
    mut reload: impl FnMut(),
) -> Result<()> {
    let signals = Signals::register();
    let mut portal = Portal::open(path)?;
    tracing::info!(
        "watching {}",
        crate::present::escape_control(&path.display().to_string())
    );
    loop {
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
            // said in the log, tried again at the next wake.
            Err(error) if error.code() == "busy" || error.code() == "clock_backwards" => {
                tracing::warn!(
                    code = error.code(),
                    "{}",
                    crate::present::escape_control(&error.to_string())
                );
            }
            Err(error) => return Err(error),
        }
        let seen = portal.data_version()?;
        let info = portal.info()?;
        // A demo clock moves only when someone moves it (and that sweeps):
        // then only a change by another process wakes the watch.
        let due = match info.demo_clock {
            Some(_) => None,
            None => accounts::earliest_event(portal.connection())?,
        };
        let until = due.map_or(system_now() + MAX_SLEEP, |at| {
            at.min(system_now() + MAX_SLEEP)
        });
        let wake = sleep_until(
            &mut portal,
            &signals,
            seen,
            until,
            info.demo_clock.is_some(),
            &mut reload,
        )?;
        tracing::debug!(?wake, "woke");
        if wake == Wake::Stop {
            tracing::info!("stopped by a signal");
            return Ok(());
        }
    }
}

fn sleep_until(
    portal: &mut Portal,
    signals: &Signals,
    seen: i64,
    until: Instant,
    demo: bool,
    reload: &mut impl FnMut(),
) -> Result<Wake> {
    loop {
        if signals.stopping() {
            return Ok(Wake::Stop);
        }
        if signals.reload.swap(false, Ordering::Relaxed) {
            tracing::info!("reloading the config (SIGHUP)");
            reload();
        }
        if portal.data_version()? != seen {
            return Ok(Wake::Changed);
        }
        if !demo && system_now() >= until {
            return Ok(Wake::Due);
        }
        std::thread::sleep(TICK);
    }
}
