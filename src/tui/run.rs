//! The event loop: the terminal's events (or a test's) through `update`,
//! effects through `drive`, a frame drawn after each; and the terminal set
//! up and given back whole.

use std::io::{self, IsTerminal};
use std::path::Path;
use std::time::Duration;

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use crossterm::execute;
use ratatui::Terminal;
use ratatui::backend::Backend as TerminalBackend;

use crate::error::{Error, Result};
use crate::lifecycle::Instant;
use crate::store::{Portal, users};

use super::effect::Effect;
use super::effects::{self, Backend};
use super::message::Msg;
use super::state::App;
use super::tour::Player;
use super::update::update;
use super::view;
use super::{config, drive, theme, tour};

/// Where terminal events come from: the real terminal, or a test's script.
pub trait EventSource {
    /// The next event, or `None` when `timeout` passes first.
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>>;
}

/// The terminal's events, through crossterm.
pub struct TerminalEvents;

impl EventSource for TerminalEvents {
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        // A terminal that hung up reads as "nothing yet" for ever in the
        // event library: asked first, it ends the loop (issue 17, item 0).
        if crate::signals::terminal_hung_up(0) || crate::signals::terminal_hung_up(1) {
            return Err(io::Error::new(
                io::ErrorKind::BrokenPipe,
                crate::tr!("error-terminal-gone"),
            ));
        }
        match event::poll(timeout) {
            Ok(true) => event::read().map(Some),
            Ok(false) => Ok(None),
            // A signal interrupted the wait: the loop checks for it next.
            Err(e) if e.kind() == io::ErrorKind::Interrupted => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// How often the loop wakes without input: toasts expire and changes made by
/// another process show up (PRAGMA data_version).
pub const TICK: Duration = Duration::from_millis(250);

/// What to open the TUI with, beyond the portal.
#[derive(Default)]
pub struct Options {
    /// Record the session as an asciicast.
    pub record: Option<std::path::PathBuf>,
    /// A tour to present: (name for messages, TOML text).
    pub tour: Option<(String, String)>,
}

/// Puts the terminal back: raw mode off, main screen, mouse off, cursor on.
fn restore_terminal() {
    let _ = crossterm::terminal::disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        crossterm::terminal::LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

/// Opens the TUI on a portal, as `user` (else its first active super admin).
pub fn run(
    db: &Path,
    user: Option<&str>,
    now_flag: Option<Instant>,
    options: Options,
) -> Result<()> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return Err(Error::usage(crate::tr!("error-needs-terminal")));
    }
    let portal = Portal::open(db)?;
    // A tour is checked whole before anything runs.
    let tour = match &options.tour {
        Some((name, text)) => Some(crate::demo::tour::parse(name, text, portal.connection())?),
        None => None,
    };
    let (config, config_problem) = config::load(config::default_path().as_deref());
    let actor = match user {
        Some(email) => users::require_by_email(portal.connection(), email)?.email,
        None => users::super_admins(portal.connection())?
            .into_iter()
            .find(|u| u.active)
            .map(|u| u.email)
            .ok_or_else(|| Error::usage(crate::tr!("error-no-super-admin")))?,
    };
    let theme = theme::Theme::from_env(
        config.theme,
        std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
    );
    let mut app = App::new(config.keymap, theme);
    let mut runtime = Runtime {
        backend: Backend::new(portal, actor.clone(), now_flag),
        tour: None,
    };
    runtime.backend.networks = config.networks.clone();
    if let Some(tour) = tour {
        runtime.tour = Some(tour::start(&mut app, tour));
    }
    if let Some(problem) = config_problem {
        tracing::warn!("{}", crate::present::escape_control(&problem));
        app.toast_error(problem);
    } else if user.is_none() {
        app.toast(crate::tr!("toast-acting-as-default", actor = actor.clone()));
    }
    tracing::info!(
        "opened {}",
        crate::present::escape_control(&crate::store::location(db))
    );
    let (width, height) = crossterm::terminal::size().map_err(|e| {
        Error::other(
            "terminal",
            crate::tr!("error-terminal", why = e.to_string()),
        )
    })?;
    let recorder = match &options.record {
        Some(path) => Some(crate::demo::cast::Recorder::create(
            path,
            width,
            height,
            "Switchboard",
        )?),
        None => None,
    };

    // SIGTERM, SIGHUP, SIGINT and SIGQUIT end the loop like `q` does, so the
    // terminal is given back whole (issue 7).
    let stop = crate::signals::StopRequest::watch();
    let _honoured = stop.end_if_not_honoured(Duration::from_secs(1));
    // Our own setup (not ratatui::init) so the recording sees every byte;
    // the panic hook puts the terminal back, mouse reporting included.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
    }));
    let terminal_error = |e: io::Error| {
        Error::other(
            "terminal",
            crate::tr!("error-terminal", why = e.to_string()),
        )
    };
    crossterm::terminal::enable_raw_mode().map_err(terminal_error)?;
    let tee = crate::demo::cast::Tee {
        inner: io::stdout(),
        recorder,
    };
    let mut backend = ratatui::backend::CrosstermBackend::new(tee);
    let setup = execute!(
        backend,
        crossterm::terminal::EnterAlternateScreen,
        EnableMouseCapture
    );
    let outcome = setup
        .map_err(terminal_error)
        .and_then(|()| Terminal::new(backend).map_err(terminal_error))
        .and_then(|mut terminal| {
            let outcome = run_loop(
                &mut terminal,
                &mut app,
                &mut runtime,
                &mut TerminalEvents,
                &|| stop.raised(),
            );
            let _ = execute!(
                terminal.backend_mut(),
                DisableMouseCapture,
                crossterm::terminal::LeaveAlternateScreen,
                crossterm::cursor::Show
            );
            let _ = io::Write::flush(terminal.backend_mut());
            outcome
        });
    restore_terminal();
    outcome
}

/// Draws one frame and keeps its hit areas for the next mouse event.
pub fn draw_frame<B: TerminalBackend>(terminal: &mut Terminal<B>, app: &mut App) -> Result<()>
where
    B::Error: std::fmt::Display,
{
    let zone = app.zone;
    let mut hits = app.hits.clone();
    terminal
        .draw(|frame| hits = view::draw(frame, app, zone))
        .map_err(|e| {
            Error::other(
                "terminal",
                crate::tr!("error-terminal", why = e.to_string()),
            )
        })?;
    app.hits = hits;
    Ok(())
}

/// The portal as the TUI holds it, and the tour being presented.
pub struct Runtime {
    pub backend: Backend,
    pub tour: Option<Player>,
}

impl Runtime {
    pub fn new(backend: Backend) -> Runtime {
        Runtime {
            backend,
            tour: None,
        }
    }
}

/// One terminal event: translated through the keymap, applied by `update`,
/// its effects run against the portal.
pub fn handle_event(app: &mut App, runtime: &mut Runtime, event: &Event) {
    if let Some(msg) = app.translate(event) {
        for effect in update(app, msg) {
            run_effect(app, runtime, effect);
        }
    }
}

/// Runs one effect: the tour player's own, or the portal's.
pub fn run_effect(app: &mut App, runtime: &mut Runtime, effect: Effect) {
    let backend = &mut runtime.backend;
    let (Effect::TourNext | Effect::TourBack) = effect else {
        return drive::effect(backend, app, effect);
    };
    let Some(player) = &mut runtime.tour else {
        return;
    };
    if drive::held_back(backend, app, &effect) {
        return;
    }
    let played = if effect == Effect::TourNext {
        tour::next_step(player, backend, app)
    } else {
        tour::step_back(player, backend, app)
    };
    if let Err(error) = played {
        let messages = effects::report(backend, app, &error);
        drive::apply(backend, app, messages);
    }
    backend.changed_elsewhere();
}

/// Refetches the header and the current tab.
pub fn reload(app: &mut App, runtime: &mut Runtime) {
    drive::effect(&mut runtime.backend, app, Effect::Reload);
}

/// Takes a long clock move's reports (progress, and at its end the toast);
/// returns whether it is still working.
pub fn pump_work(app: &mut App, runtime: &mut Runtime) -> bool {
    let backend = &mut runtime.backend;
    let (messages, working) = effects::work_reports(backend, app);
    drive::apply(backend, app, messages);
    let (messages, signing) = effects::signin_reports(backend, app);
    drive::apply(backend, app, messages);
    working || signing
}

/// The event loop, over any backend and any event source.
pub fn run_loop<B: TerminalBackend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    runtime: &mut Runtime,
    events: &mut dyn EventSource,
    stopped: &dyn Fn() -> bool,
) -> Result<()>
where
    B::Error: std::fmt::Display,
{
    let mut capacity = 0;
    let mut idle_ticks = 0u32;
    loop {
        if stopped() {
            tracing::info!("stopped by a signal");
            return Ok(());
        }
        draw_frame(terminal, app)?;
        if app.quit {
            return Ok(());
        }
        // The first frame, and every resize, tells how many rows fit.
        if app.hits.list_capacity != capacity {
            capacity = app.hits.list_capacity;
            reload(app, runtime);
            continue;
        }
        // Long work reports its progress several times a second.
        let working = pump_work(app, runtime);
        let wait = if working {
            Duration::from_millis(50)
        } else {
            TICK
        };
        let event = events.next(wait).map_err(|e| {
            Error::other(
                "terminal",
                crate::tr!("error-terminal", why = e.to_string()),
            )
        })?;
        match event {
            Some(event) => {
                idle_ticks = 0;
                handle_event(app, runtime, &event);
            }
            None => {
                update(app, Msg::Tick);
                idle_ticks += 1;
                // Another process changed the portal, or (on the system
                // clock) a minute passed: bring the screen up to date.
                if runtime.backend.changed_elsewhere() || idle_ticks.is_multiple_of(240) || app.busy
                {
                    reload(app, runtime);
                }
            }
        }
    }
}
