//! The demo clock's effects (T4): move it on, here and now or on a worker
//! that reports its progress and can be stopped, or back to the system clock.

use chrono::Duration;

use super::backend::Backend;
use super::reload::{done_then_reload, opened, reload, report};
use crate::clock::{ClockSource, Now, effective_now};
use crate::error::{Error, Result};
use crate::lifecycle::Instant;
use crate::lifecycle::time::advance;
use crate::store::{accounts, actions};
use crate::tui::dialogs::{ClockMenu, Dialog};
use crate::tui::effect::Effect;
use crate::tui::message::Msg;
use crate::tui::state::{App, WorkView};
use crate::tui::worker::{self, ClockMove, Report};

pub fn perform(backend: &mut Backend, app: &App, effect: Effect) -> Result<Vec<Msg>> {
    match effect {
        Effect::AdvanceClock { seconds } => move_clock(backend, app, |now, _| {
            advance(now, Duration::seconds(seconds))
                .map_err(|message| Error::invalid("clock_out_of_range", message))
        }),
        Effect::ClockToNextEvent => move_clock(backend, app, |now, next| {
            next.filter(|n| *n > now)
                .ok_or_else(|| Error::other("no_event", crate::tr!("error-no-next-event")))
        }),
        Effect::OpenClockPicker => Ok(vec![opened(Dialog::ClockMenu(ClockMenu::new(false, None)))]),
        Effect::StopWork => Ok(match &backend.work {
            Some(work) => {
                work.stop();
                vec![Msg::Done(crate::tr!("toast-stopping"))]
            }
            None => Vec::new(),
        }),
        Effect::UnsetClock => unset_clock(backend, app),
        _ => Ok(Vec::new()),
    }
}

/// T4: back to the system clock, when the demo clock is not ahead of it.
fn unset_clock(backend: &mut Backend, app: &App) -> Result<Vec<Msg>> {
    let actor = backend.actor.clone();
    let unset = backend.portal.run_at(
        |_| Ok(crate::clock::system_clock()),
        Some(&actor),
        actions::unset_demo_clock,
    );
    match unset {
        Ok(()) => {
            backend.now_flag = None;
            done_then_reload(backend, app, crate::tr!("toast-system-clock"))
        }
        // Said in the TUI's terms, not the CLI's flags (issue 18, item 5):
        // the menu offers this only when it can be done, so only another
        // process's sweep meanwhile gets here.
        Err(Error::State(crate::lifecycle::StateRefusal::ClockBackwards { .. })) => {
            let until = backend
                .portal
                .info()
                .ok()
                .and_then(|info| info.swept_until)
                .map(|t| crate::tui::format::long_date(app.zone, t))
                .unwrap_or_default();
            Err(Error::other(
                "clock_backwards",
                crate::tr!("error-tui-clock-back", until = until),
            ))
        }
        Err(error) => Err(error),
    }
}

/// T4: moves the demo clock and sweeps up to it; the toast says what happened.
fn move_clock(
    backend: &mut Backend,
    app: &App,
    target: impl FnOnce(Instant, Option<Instant>) -> Result<Instant>,
) -> Result<Vec<Msg>> {
    if backend.work.is_some() {
        return Err(Error::other(
            "busy_moving",
            crate::tr!("error-clock-moving"),
        ));
    }
    let flag = backend.now_flag;
    let next = backend.read(|s| accounts::next_event_instant(s.conn()))?;
    let actor = backend.actor.clone();
    // Thousands of events go to a worker that reports its progress and can
    // be stopped; a few are applied here and now.
    let (base, swept_until) = {
        let info = backend.portal.info()?;
        (
            effective_now(flag, info.demo_clock).instant,
            info.swept_until,
        )
    };
    let goal = target(base, next)?;
    let due = backend.read(|s| accounts::due_count(s.conn(), goal, worker::ON_THE_SPOT))?;
    if due >= worker::ON_THE_SPOT && swept_until.is_none_or(|w| goal >= w) {
        let place = backend.portal.place().clone();
        backend.work = Some(ClockMove::start(place, actor, goal));
        return Ok(vec![Msg::Working(WorkView {
            target: goal,
            swept_to: base,
            applied: 0,
        })]);
    }
    let (clock, events) = backend.portal.run_at(
        |_| {
            Ok(Now {
                instant: goal,
                source: ClockSource::Demo,
            })
        },
        Some(&actor),
        |s| {
            let clock = actions::set_demo_clock(s)?;
            Ok((clock, std::mem::take(&mut s.swept)))
        },
    )?;
    backend.now_flag = None;
    done_then_reload(
        backend,
        app,
        crate::tui::format::describe_sweep(clock, &events),
    )
}

/// Takes the worker's reports: progress for the footer, and at the end the
/// toast and a reload. Returns the messages, and whether it is still working.
pub fn work_reports(backend: &mut Backend, app: &App) -> (Vec<Msg>, bool) {
    let Some(work) = &backend.work else {
        return (Vec::new(), false);
    };
    let mut messages = Vec::new();
    let mut finished = None;
    for report in work.reports() {
        match report {
            Report::Step { swept_to, applied } => {
                messages.push(Msg::Progress { swept_to, applied })
            }
            done => finished = Some(done),
        }
    }
    let Some(done) = finished else {
        return (messages, true);
    };
    backend.work = None;
    backend.now_flag = None;
    messages.push(Msg::WorkEnded);
    match done {
        Report::Done {
            clock,
            tally,
            stopped,
        } => {
            let text = if stopped {
                format!(
                    "{} · {}",
                    crate::tr!("toast-stopped"),
                    tally.describe(clock)
                )
            } else {
                tally.describe(clock)
            };
            messages.extend(reload(backend, app).unwrap_or_default());
            messages.push(Msg::Done(text));
        }
        Report::Failed(error) => messages.extend(report(backend, app, &error)),
        Report::Step { .. } => {}
    }
    backend.changed_elsewhere();
    (messages, false)
}
