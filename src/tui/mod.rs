//! The terminal UI (TUI.md): the suite's Settings > Social > Accounts page in
//! a terminal. Input becomes a `Msg`, `update` changes state and returns
//! effects, `effects` runs them against the store, `view` draws.

pub mod action;
pub mod app;
pub mod config;
pub mod effects;
pub mod keymap;
pub mod log;
pub mod theme;
pub mod view;

use std::io::{self, IsTerminal};
use std::path::Path;
use std::time::Duration;

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use crossterm::execute;
use ratatui::Terminal;
use ratatui::backend::Backend;

use crate::error::{Error, Result};
use crate::lifecycle::Instant;
use crate::store::{Portal, users};
use app::{App, Msg, update};
use effects::Store;
use view::Zone;

/// Where terminal events come from: the real terminal, or a test's script.
pub trait EventSource {
    /// The next event, or `None` when `timeout` passes first.
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>>;
}

/// The terminal's events, through crossterm.
pub struct TerminalEvents;

impl EventSource for TerminalEvents {
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        if event::poll(timeout)? {
            event::read().map(Some)
        } else {
            Ok(None)
        }
    }
}

/// How often the loop wakes without input: toasts expire and changes made by
/// another process show up (PRAGMA data_version).
pub const TICK: Duration = Duration::from_millis(250);

/// Opens the TUI on a portal, as `user` (else its first active super admin).
pub fn run(db: &Path, user: Option<&str>, now_flag: Option<Instant>) -> Result<()> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return Err(Error::usage(
            "the terminal UI needs a terminal: run it in one, or use a subcommand (see 'switchboard --help')",
        ));
    }
    log::init(log::default_path());
    let portal = Portal::open(db)?;
    let (config, config_problem) = config::load(config::default_path().as_deref());
    let actor = match user {
        Some(email) => users::require_by_email(portal.connection(), email)?.email,
        None => users::super_admins(portal.connection())?
            .into_iter()
            .find(|u| u.active)
            .map(|u| u.email)
            .ok_or_else(|| Error::usage("the portal has no active super admin: pass --as EMAIL"))?,
    };
    let theme = theme::Theme::from_env(
        config.theme,
        std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
    );
    let mut app = App::new(config.keymap, theme);
    if let Some(problem) = config_problem {
        log::write("warn", &problem);
        app.toast_error(problem);
    } else if user.is_none() {
        app.toast(format!(
            "Acting as {actor}: pass --as EMAIL, or press u, to act as someone else"
        ));
    }
    let mut store = Store::new(portal, actor, now_flag);
    log::write("info", &format!("opened {}", db.display()));

    // ratatui's panic hook restores the screen but not mouse reporting:
    // ours, installed first, runs after it and turns the mouse off too.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        previous(info);
    }));
    let mut terminal = ratatui::init();
    let _ = execute!(io::stdout(), EnableMouseCapture);
    let outcome = run_loop(
        &mut terminal,
        &mut app,
        &mut store,
        &mut TerminalEvents,
        Zone::Local,
    );
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    outcome
}

/// Draws one frame and keeps its hit areas for the next mouse event.
pub fn draw_frame<B: Backend>(terminal: &mut Terminal<B>, app: &mut App, zone: Zone) -> Result<()>
where
    B::Error: std::fmt::Display,
{
    let mut hits = app.hits.clone();
    terminal
        .draw(|frame| hits = view::draw(frame, app, zone))
        .map_err(|e| Error::other("terminal", format!("cannot draw on the terminal: {e}")))?;
    app.hits = hits;
    Ok(())
}

/// One terminal event: translated through the keymap, applied by `update`,
/// its effects run against the store.
pub fn handle_event(app: &mut App, store: &mut Store, event: &Event) {
    if let Some(msg) = app.translate(event) {
        for effect in update(app, msg) {
            effects::perform(store, app, effect);
        }
    }
}

/// The event loop, over any backend and any event source.
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    store: &mut Store,
    events: &mut dyn EventSource,
    zone: Zone,
) -> Result<()>
where
    B::Error: std::fmt::Display,
{
    let mut capacity = 0;
    let mut idle_ticks = 0u32;
    loop {
        draw_frame(terminal, app, zone)?;
        if app.quit {
            return Ok(());
        }
        // The first frame, and every resize, tells how many rows fit.
        if app.hits.list_capacity != capacity {
            capacity = app.hits.list_capacity;
            effects::perform(store, app, app::Effect::Reload);
            continue;
        }
        let event = events
            .next(TICK)
            .map_err(|e| Error::other("terminal", format!("cannot read the terminal: {e}")))?;
        match event {
            Some(event) => {
                idle_ticks = 0;
                handle_event(app, store, &event);
            }
            None => {
                update(app, Msg::Tick);
                idle_ticks += 1;
                // Another process changed the portal, or (on the system
                // clock) a minute passed: bring the screen up to date.
                if store.changed_elsewhere() || idle_ticks.is_multiple_of(240) {
                    effects::perform(store, app, app::Effect::Reload);
                }
            }
        }
    }
}
