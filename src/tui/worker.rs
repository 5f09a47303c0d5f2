//! Long work off the UI thread: a clock move with thousands of events runs
//! on a worker with its own connection, in steps (each one transaction, R12a
//! makes the steps add up to one sweep), reporting its progress; Esc stops it
//! between steps, so every event applied is whole and the rest stay due.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread::JoinHandle;

use super::format::Tally;
use crate::clock::{ClockSource, Now};
use crate::error::{Error, Result};
use crate::lifecycle::Instant;
use crate::store::{Location, Portal, accounts, actions};

/// How many accounts' events one step applies, about.
const STEP_ACCOUNTS: usize = 400;

/// Below this many due accounts a clock move runs at once, on the UI thread.
pub const ON_THE_SPOT: usize = 1_000;

/// What the worker says.
#[derive(Debug)]
pub enum Report {
    /// The portal is swept up to `swept_to`; `applied` events so far.
    Step {
        swept_to: Instant,
        applied: usize,
    },
    /// Finished (or stopped) with the clock at `clock`.
    Done {
        clock: Instant,
        tally: Tally,
        stopped: bool,
    },
    Failed(Error),
}

/// A clock move in progress.
pub struct ClockMove {
    pub target: Instant,
    reports: Receiver<Report>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl ClockMove {
    /// Starts moving the demo clock of the portal at `place` to `target`, as
    /// `actor`.
    pub fn start(place: Location, actor: String, target: Instant) -> ClockMove {
        let (tx, reports) = mpsc::channel();
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        // What the worker writes for people (audit details) is in the
        // language the UI speaks.
        let lang = crate::i18n::current();
        let thread = std::thread::spawn(move || {
            crate::i18n::set(lang);
            let report = match run(&place, &actor, target, &flag, &tx) {
                Ok(done) => done,
                Err(e) => Report::Failed(e),
            };
            let _ = tx.send(report);
        });
        ClockMove {
            target,
            reports,
            stop,
            thread: Some(thread),
        }
    }

    /// Asks it to stop after the step in hand.
    pub fn stop(&self) {
        self.stop.store(true, Ordering::Relaxed);
    }

    /// The reports so far, without waiting.
    pub fn reports(&self) -> Vec<Report> {
        let mut out = Vec::new();
        loop {
            match self.reports.try_recv() {
                Ok(report) => out.push(report),
                Err(TryRecvError::Empty) | Err(TryRecvError::Disconnected) => return out,
            }
        }
    }
}

impl Drop for ClockMove {
    /// Quitting mid-move: the step in hand finishes, whole.
    fn drop(&mut self) {
        self.stop();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn run(
    place: &Location,
    actor: &str,
    target: Instant,
    stop: &AtomicBool,
    tx: &Sender<Report>,
) -> Result<Report> {
    let mut portal = Portal::open(place)?;
    let mut tally = Tally::default();
    loop {
        let boundary = accounts::step_boundary(portal.connection(), target, STEP_ACCOUNTS)?;
        let (clock, events) = portal.run_at(
            |_| {
                Ok(Now {
                    instant: boundary,
                    source: ClockSource::Demo,
                })
            },
            Some(actor),
            |s| {
                let clock = actions::set_demo_clock(s)?;
                Ok((clock, std::mem::take(&mut s.swept)))
            },
        )?;
        tally.add(&events);
        let _ = tx.send(Report::Step {
            swept_to: clock,
            applied: tally.total(),
        });
        let stopped = stop.load(Ordering::Relaxed);
        if clock >= target || stopped {
            return Ok(Report::Done {
                clock,
                tally,
                stopped: stopped && clock < target,
            });
        }
    }
}
