//! One file per subcommand. Each turns its arguments into a call to the
//! store and its answer into a result that knows its JSON and human forms
//! (`output::Shown`), or streams a list through `Output::list`.

mod account;
mod authorize;
mod clock;
mod deadlines;
mod demo;
mod inbox;
mod portal;
mod post;
mod settings;
mod shell;
mod user;

use std::io::Write;
use std::path::PathBuf;

use super::args::{AccountCommand, Cli, ClockCommand, Command, Format, FormatArg};
use super::output::Output;
use crate::error::{Error, Result};
use crate::lifecycle::Instant;
use crate::lifecycle::time::parse_instant;
use crate::store::Portal;

/// The form a command's output takes: `--format`, else JSON with `--json`,
/// else lines for people.
pub fn format_of(cli: &Cli) -> Result<Format> {
    let asked = match &cli.command {
        Some(Command::Audit { format, .. }) => format,
        Some(Command::Account(super::args::AccountCommand::List { format, .. })) => format,
        Some(Command::Post(super::args::PostCommand::List { format, .. })) => format,
        _ => &FormatArg { format: None },
    };
    match (asked.format, cli.global.json) {
        (Some(Format::Json) | None, true) => Ok(Format::Json),
        (Some(format), true) => Err(Error::usage(format!(
            "--json and --format {} ask for two forms: keep one",
            match format {
                Format::Human => "human",
                Format::Json => "json",
                Format::Csv => "csv",
            }
        ))),
        (Some(format), false) => Ok(format),
        (None, false) => Ok(Format::Human),
    }
}

/// The TUI logs more than a command (`logging`).
pub fn face_of(cli: &Cli) -> crate::logging::Face {
    match &cli.command {
        None
        | Some(Command::Demo { no_tui: false })
        | Some(Command::Tour {
            headless: false, ..
        }) => crate::logging::Face::Tui,
        Some(Command::Watch { .. }) => crate::logging::Face::Service,
        _ => crate::logging::Face::Command,
    }
}

pub fn execute<W: Write>(cli: &Cli, out: &mut Output<W>) -> Result<()> {
    let _span = tracing::info_span!("command", name = command_name(cli)).entered();
    let started = std::time::Instant::now();
    let result = dispatch(cli, out);
    tracing::info!(
        ok = result.is_ok(),
        elapsed_ms = started.elapsed().as_millis() as u64,
        "command finished"
    );
    result
}

fn dispatch<W: Write>(cli: &Cli, out: &mut Output<W>) -> Result<()> {
    if let Some(record) = &cli.global.record {
        // Refused before anything runs, so nothing is changed (issue 7).
        crate::files::refuse_existing(record, "recording", "file_exists")?;
    }
    let Some(command) = &cli.command else {
        let options = crate::tui::Options {
            record: cli.global.record.clone(),
            tour: None,
        };
        return crate::tui::run(
            &database_path(cli)?,
            cli.global.as_user.as_deref(),
            now_flag(cli)?,
            options,
        );
    };
    match command {
        // Commands that print what the program is, without a portal.
        Command::Completions { shell } => shell::completions(*shell, out),
        Command::Man { dir } => shell::man(out, dir.as_deref()),
        Command::Config { default } => shell::config(*default, out),
        // Commands that make a portal.
        Command::Init {
            portal,
            tier,
            admin,
            admin_name,
        } => portal::init(cli, out, portal, tier, admin, admin_name),
        Command::Generate {
            accounts,
            posts,
            seed,
        } => portal::generate(cli, out, *accounts, *posts, *seed),
        Command::Demo { no_tui } => demo::demo(cli, out, *no_tui),
        Command::Migrate { from, to } => portal::migrate(out, from, to),
        Command::Tour {
            file,
            headless,
            size,
        } => demo::tour(cli, out, file, *headless, size),
        // Commands whose instant is the one they set.
        Command::Clock(ClockCommand::Set { instant }) => clock::set(cli, out, instant),
        Command::Clock(ClockCommand::Advance { duration }) => clock::advance(cli, out, duration),
        Command::Clock(ClockCommand::Unset) => clock::unset(cli, out),
        Command::Sweep => clock::sweep(cli, out),
        Command::Watch { ics, metrics } => {
            clock::watch(cli, out, (ics.as_deref(), metrics.as_deref()))
        }
        // An export reads a whole history: after a short sweep, in a read
        // transaction, so other commands write meanwhile (issue 17, item
        // 13: WAL readers do not block writers; on PostgreSQL a REPEATABLE
        // READ snapshot). A refusal is tried again in a write session,
        // where it is audited (R10e).
        Command::Account(AccountCommand::Export { id, output }) => {
            let mut portal = Portal::open(&database_path(cli)?)?;
            let now = now_flag(cli)?;
            let actor = cli.global.as_user.as_deref();
            portal.run(now, None, |_| Ok(()))?;
            match portal.read(now, actor, |session| {
                account::export(session, out, *id, output.as_deref())
            }) {
                Err(error) if error.is_refusal() => portal.run(now, actor, |session| {
                    account::export(session, out, *id, output.as_deref())
                }),
                done => done,
            }
        }
        // A sign-in at the network waits on it outside any transaction.
        Command::Account(AccountCommand::Connect {
            network,
            handle,
            name,
            authorize: true,
            device,
        }) => authorize::connect_authorized(
            cli,
            out,
            (network, handle.as_deref(), name.as_deref()),
            *device,
        ),
        Command::Account(AccountCommand::Reconnect {
            ids,
            authorize: true,
            device,
            guard,
        }) => authorize::reconnect_authorized(cli, out, (ids, guard.if_version), *device),
        // Everything else runs in one session at its instant; a command
        // that only reads takes no write lock when nothing is due.
        other => {
            let mut portal = Portal::open(&database_path(cli)?)?;
            let (now, actor) = (now_flag(cli)?, cli.global.as_user.as_deref());
            let run = |session: &mut crate::store::Session<'_>| {
                match other {
                    Command::Clock(ClockCommand::Show) => clock::show(session, out),
                    Command::Tier(sub) => portal::tier(session, out, sub),
                    Command::Portal(sub) => settings::run(session, out, sub),
                    Command::User(sub) => user::run(session, out, sub),
                    Command::Account(sub) => account::run(session, out, sub),
                    Command::NetworkEvent { id, event } => {
                        account::network_event(session, out, *id, event)
                    }
                    Command::Post(sub) => post::run(session, out, sub),
                    Command::Notifications {
                        delivery: Some(delivery),
                        ..
                    } => inbox::delivery(session, out, delivery),
                    Command::Notifications {
                        user, mark_read, ..
                    } => inbox::notifications(session, out, user.as_deref(), *mark_read),
                    Command::Audit { account, .. } => inbox::audit(session, out, *account),
                    Command::Deadlines {
                        account,
                        days,
                        format,
                    } => deadlines::run(session, out, *account, *days, *format),
                    _ => unreachable!("dispatched above"),
                }?;
                Ok(std::mem::take(&mut session.ended_grants))
            };
            let ended = if reads_only(other) {
                portal.run_reading(now, actor, run)?
            } else {
                portal.run(now, actor, run)?
            };
            // Told to the networks once the change is committed.
            authorize::revoke_ended(&ended);
            Ok(())
        }
    }
}

/// Whether a command only reads the portal (its catch-up sweep aside).
fn reads_only(command: &Command) -> bool {
    use super::args::{DeliveryCommand, PortalCommand, PostCommand, UserCommand};
    matches!(
        command,
        Command::Clock(ClockCommand::Show)
            | Command::Account(AccountCommand::List { .. } | AccountCommand::Show { .. })
            | Command::Post(PostCommand::List { .. })
            | Command::User(UserCommand::List)
            | Command::Portal(PortalCommand::Show)
            | Command::Audit { .. }
            | Command::Deadlines { .. }
            | Command::Notifications {
                delivery: Some(DeliveryCommand::Outbox { .. }),
                ..
            }
            | Command::Notifications {
                delivery: None,
                mark_read: false,
                ..
            }
    )
}

/// The subcommand's name, for the log.
fn command_name(cli: &Cli) -> &'static str {
    match &cli.command {
        None => "tui",
        Some(Command::Init { .. }) => "init",
        Some(Command::Migrate { .. }) => "migrate",
        Some(Command::Demo { .. }) => "demo",
        Some(Command::Tour { .. }) => "tour",
        Some(Command::Generate { .. }) => "generate",
        Some(Command::Tier(_)) => "tier",
        Some(Command::Portal(_)) => "portal",
        Some(Command::User(_)) => "user",
        Some(Command::Account(_)) => "account",
        Some(Command::NetworkEvent { .. }) => "network-event",
        Some(Command::Post(_)) => "post",
        Some(Command::Sweep) => "sweep",
        Some(Command::Watch { .. }) => "watch",
        Some(Command::Clock(_)) => "clock",
        Some(Command::Notifications { .. }) => "notifications",
        Some(Command::Audit { .. }) => "audit",
        Some(Command::Deadlines { .. }) => "deadlines",
        Some(Command::Completions { .. }) => "completions",
        Some(Command::Man { .. }) => "man",
        Some(Command::Config { .. }) => "config",
    }
}

/// The app's own folder for portals and logs (the platform's data directory).
pub fn data_dir() -> Result<PathBuf> {
    crate::files::data_dir()
}

fn database_path(cli: &Cli) -> Result<PathBuf> {
    match &cli.global.db {
        Some(path) => Ok(path.clone()),
        None => Ok(data_dir()?.join("portal.db")),
    }
}

fn instant_arg(text: &str, what: &str) -> Result<Instant> {
    parse_instant(text).map_err(|e| Error::invalid("bad_instant", format!("{what}: {e}")))
}

fn now_flag(cli: &Cli) -> Result<Option<Instant>> {
    cli.global
        .now
        .as_deref()
        .map(|t| instant_arg(t, "--now"))
        .transpose()
}

fn parsed<T, E: Into<String>>(result: std::result::Result<T, E>, code: &'static str) -> Result<T> {
    result.map_err(|error| Error::invalid(code, error.into()))
}
