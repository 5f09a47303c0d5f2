//! Signals a long job or the TUI answers: instead of dying where it stands
//! (leaving a half-built file, or a terminal in raw mode), the process notes
//! the signal and stops at its next safe point.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use signal_hook::consts::signal::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::flag;

use crate::error::{Error, Result};

/// The signals that ask a process to stop.
pub const STOPPING: [i32; 4] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT];

/// While alive, the stopping signals set a flag instead of killing the
/// process; dropping it gives the default behaviour back.
pub struct StopRequest {
    raised: Arc<AtomicBool>,
    ids: Vec<signal_hook::SigId>,
}

impl StopRequest {
    pub fn watch() -> StopRequest {
        let raised = Arc::new(AtomicBool::new(false));
        let ids = STOPPING
            .iter()
            .filter_map(|&signal| flag::register(signal, Arc::clone(&raised)).ok())
            .collect();
        StopRequest { raised, ids }
    }

    /// Whether a stopping signal arrived since `watch`.
    pub fn raised(&self) -> bool {
        self.raised.load(Ordering::Relaxed)
    }

    /// A guard under which the process ends on its own if a stop is not
    /// honoured within `grace` (issue 17, item 0): a loop caught in a
    /// library's read of a dead terminal still ends when asked. Dropping
    /// the guard (the work ended in time) disarms it.
    pub fn end_if_not_honoured(&self, grace: std::time::Duration) -> Honoured {
        let raised = Arc::clone(&self.raised);
        let done = Arc::new(AtomicBool::new(false));
        let finished = Arc::clone(&done);
        let _ = std::thread::Builder::new()
            .name("stop-watchdog".into())
            .spawn(move || {
                while !raised.load(Ordering::Relaxed) {
                    if finished.load(Ordering::Relaxed) {
                        return;
                    }
                    std::thread::sleep(std::time::Duration::from_millis(100));
                }
                std::thread::sleep(grace);
                if !finished.load(Ordering::Relaxed) {
                    tracing::warn!("a stop was not honoured in time: leaving at once");
                    // Nothing to give back on a terminal that is gone; the
                    // portal's transactions are atomic whatever happens.
                    std::process::exit(1);
                }
            });
        Honoured { done }
    }
}

/// Disarms `end_if_not_honoured` when dropped.
pub struct Honoured {
    done: Arc<AtomicBool>,
}

impl Drop for Honoured {
    fn drop(&mut self) {
        self.done.store(true, Ordering::Relaxed);
    }
}

/// Whether the terminal on `fd` has hung up (its far side closed: an SSH
/// connection dropped, a terminal window closed). A read would then fail or
/// return nothing for ever.
pub fn terminal_hung_up(fd: i32) -> bool {
    let mut poll = libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one valid pollfd, a zero timeout.
    let ready = unsafe { libc::poll(&mut poll, 1, 0) };
    ready > 0 && poll.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
}

impl Drop for StopRequest {
    fn drop(&mut self) {
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}

thread_local! {
    static BUILDING: std::cell::RefCell<Vec<Arc<AtomicBool>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// While a file is being built (`files::build_then_link`), a stopping signal
/// makes the build fail at its next check, so the half-built file and its
/// companions are removed before the process exits.
pub struct CleanupOnSignal {
    _watch: StopRequest,
}

impl Default for CleanupOnSignal {
    fn default() -> Self {
        Self::new()
    }
}

impl CleanupOnSignal {
    pub fn new() -> CleanupOnSignal {
        let watch = StopRequest::watch();
        BUILDING.with(|b| b.borrow_mut().push(Arc::clone(&watch.raised)));
        CleanupOnSignal { _watch: watch }
    }
}

impl Drop for CleanupOnSignal {
    fn drop(&mut self) {
        BUILDING.with(|b| {
            b.borrow_mut().pop();
        });
    }
}

/// A long build calls this at its safe points: an error once a stopping
/// signal arrived, so the build unwinds and cleans up.
pub fn check_interrupted() -> Result<()> {
    let raised = BUILDING.with(|b| b.borrow().iter().any(|f| f.load(Ordering::Relaxed)));
    if raised {
        return Err(Error::other(
            "interrupted",
            "stopped by a signal before the file was complete: nothing was created; run the command again",
        ));
    }
    Ok(())
}

/// `ulimit -f`: without this, writing past the limit kills the process
/// (SIGXFSZ) with no message; with it the write fails and the error says so.
pub fn report_file_size_limit_as_error() {
    #[cfg(unix)]
    {
        // A handler that does nothing: the write then fails with EFBIG.
        let _ = unsafe {
            signal_hook::low_level::register(signal_hook::consts::signal::SIGXFSZ, || {})
        };
    }
}
