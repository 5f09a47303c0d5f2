//! The scripting face (CLI.md): parses the command line, runs one command
//! through the store, and prints the result for people or as JSON. It holds
//! no rule.

pub mod args;
pub mod human;
pub mod json;

use std::ffi::OsString;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use clap::Parser;
use serde_json::{Value, json as j};

use crate::clock::{ClockSource, Now, effective_now};
use crate::error::{Error, Result};
use crate::lifecycle::account::NetworkReport;
use crate::lifecycle::permission::Attempt;
use crate::lifecycle::time::{format_instant, parse_duration, parse_instant};
use crate::lifecycle::{Instant, Network, SocialAccess, Tab, Tier};
use crate::present::{escape_control, escape_lines};
use crate::store::{self, NewUser, Portal, actions, users};
use args::{AccountCommand, Cli, ClockCommand, Command, PostCommand, TierCommand, UserCommand};

/// Runs the program on these arguments and returns its exit code.
pub fn main(args: Vec<OsString>) -> i32 {
    let wants_json = args.iter().any(|a| a == "--json");
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
                let _ = e.print();
                return 0;
            }
            let text = e.to_string();
            let first = text
                .lines()
                .next()
                .unwrap_or("bad usage")
                .trim_start_matches("error: ");
            let error = Error::usage(format!("{first} (see 'switchboard --help')"));
            return report(&error, wants_json);
        }
    };
    let stdout = io::stdout();
    let mut out = Output {
        writer: BufWriter::new(stdout.lock()),
        json: cli.global.json,
        failed_after: None,
    };
    let result = execute(&cli, &mut out).and_then(|()| out.flush());
    match result {
        // The results are printed (one JSON document); the error line says
        // what was not done, and the exit code is the first refusal's.
        Ok(()) => match out.failed_after.take() {
            Some(error) => {
                eprintln!("error: {}", escape_control(&error.to_string()));
                error.exit_code()
            }
            None => 0,
        },
        Err(Error::Other {
            code: "broken_pipe",
            ..
        }) => 0,
        Err(error) => {
            let _ = out.flush();
            report(&error, cli.global.json)
        }
    }
}

/// CLI.md: one `error:` line on stderr; with --json, the error object on stdout.
fn report(error: &Error, json: bool) -> i32 {
    if json {
        let doc = j!({"error": {"code": error.code(), "message": error.to_string()}});
        println!("{doc}");
    }
    eprintln!("error: {}", escape_control(&error.to_string()));
    error.exit_code()
}

/// Where results go: lists are streamed row by row, never held whole.
pub struct Output<W: Write> {
    writer: W,
    json: bool,
    /// A failure to report once the output is written and the transaction
    /// committed (some accounts of several were refused).
    failed_after: Option<Error>,
}

fn io_error(e: io::Error) -> Error {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Error::other("broken_pipe", "the reader of the output went away")
    } else {
        Error::other("io", format!("cannot write the output: {e}"))
    }
}

impl<W: Write> Output<W> {
    /// Writes human output. Every human line passes here, so this is where
    /// data that could drive the terminal (ESC, OSC 52, bidi overrides) is
    /// escaped; the line breaks of multi-line output stay.
    fn line(&mut self, text: &str) -> Result<()> {
        writeln!(self.writer, "{}", escape_lines(text)).map_err(io_error)
    }

    fn doc(&mut self, value: &Value) -> Result<()> {
        self.line(&value.to_string())
    }

    fn flush(&mut self) -> Result<()> {
        self.writer.flush().map_err(io_error)
    }

    /// Streams a list: a JSON array (one item a line), or human lines.
    fn list<T>(
        &mut self,
        empty_note: &str,
        to_json: impl Fn(&T) -> Value,
        to_text: impl Fn(&T) -> String,
        produce: impl FnOnce(&mut dyn FnMut(T) -> Result<()>) -> Result<()>,
    ) -> Result<()> {
        let json = self.json;
        let mut count = 0usize;
        if json {
            self.line("[")?;
        }
        produce(&mut |item: T| {
            if json {
                let sep = if count == 0 { "" } else { ",\n" };
                write!(self.writer, "{sep}{}", to_json(&item)).map_err(io_error)?;
            } else {
                self.line(&to_text(&item))?;
            }
            count += 1;
            Ok(())
        })?;
        if json {
            self.line(if count == 0 { "]" } else { "\n]" })?;
        } else if count == 0 {
            self.line(empty_note)?;
        }
        Ok(())
    }
}

fn database_path(cli: &Cli) -> Result<PathBuf> {
    if let Some(path) = &cli.global.db {
        return Ok(path.clone());
    }
    directories::ProjectDirs::from("", "", "switchboard")
        .map(|dirs| dirs.data_dir().join("portal.db"))
        .ok_or_else(|| {
            Error::usage(
                "no home directory to keep the portal in: pass --db PATH or set SWITCHBOARD_DB",
            )
        })
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

fn parsed<T>(result: std::result::Result<T, String>, code: &'static str) -> Result<T> {
    result.map_err(|message| Error::invalid(code, message))
}

fn execute<W: Write>(cli: &Cli, out: &mut Output<W>) -> Result<()> {
    let path = database_path(cli)?;
    let flag = now_flag(cli)?;
    let creates_a_portal = matches!(
        cli.command,
        Some(Command::Init { .. } | Command::Generate { .. })
    );
    if creates_a_portal
        && cli.global.db.is_none()
        && let Some(dir) = path.parent()
    {
        // The data directory is the app's own: made on first use. A folder
        // named by --db must exist already.
        crate::files::create_private_dir(dir)?;
    }
    if let Some(record) = &cli.global.record {
        // Refused before anything runs, so nothing is changed (issue 7).
        crate::files::refuse_existing(record, "recording", "file_exists")?;
    }
    let actor = cli.global.as_user.as_deref();
    let Some(command) = &cli.command else {
        let options = crate::tui::Options {
            record: cli.global.record.clone(),
            tour: None,
        };
        return crate::tui::run(&path, actor, flag, options);
    };
    match command {
        Command::Init {
            portal,
            tier,
            admin,
            admin_name,
        } => {
            let tier = parsed(Tier::parse(tier), "bad_tier")?;
            let email = actions::check_email(admin)?;
            let name = actions::check_name(admin_name, "--admin-name")?;
            let portal = actions::check_name(portal, "--portal")?;
            let now = effective_now(flag, None).instant;
            let admin = NewUser {
                email: email.clone(),
                name,
                super_admin: true,
                access: SocialAccess::All,
                can_publish: true,
            };
            Portal::create(&path, portal.trim(), tier, &admin, now)?;
            let doc = j!({"db": path.display().to_string(), "portal": portal.trim(), "tier": tier.name(), "admin": email});
            if out.json {
                out.doc(&doc)
            } else {
                out.line(&format!(
                    "Created portal '{}' ({}) at {} with super admin {email}.",
                    portal.trim(),
                    tier.label(),
                    path.display()
                ))
            }
        }
        Command::Demo { no_tui } => demo(cli, out, *no_tui),
        Command::Tour {
            file,
            headless,
            size,
        } => tour(cli, out, file, *headless, size),
        Command::Generate {
            accounts,
            posts,
            seed,
        } => {
            let report = store::generate::generate(
                &path,
                &store::generate::Plan {
                    accounts: *accounts,
                    posts: *posts,
                    seed: *seed,
                    now: flag,
                },
            )?;
            let doc = j!({
                "db": path.display().to_string(),
                "accounts": report.accounts,
                "posts": report.posts,
                "seed": seed,
                "now": format_instant(report.now),
                "admin": store::generate::ADMIN_EMAIL,
            });
            if out.json {
                out.doc(&doc)
            } else {
                out.line(&format!(
                    "Generated {} accounts and {} posts at {} (seed {seed}, clock {}); act as {}.",
                    report.accounts,
                    report.posts,
                    path.display(),
                    format_instant(report.now),
                    store::generate::ADMIN_EMAIL
                ))
            }
        }
        Command::Clock(ClockCommand::Set { instant }) => {
            let target = instant_arg(instant, "the clock")?;
            clock_move(&path, actor, out, move |_| Ok(target))
        }
        Command::Clock(ClockCommand::Unset) => {
            let mut portal = Portal::open(&path)?;
            let clock = portal.run_at(
                |_| Ok(crate::clock::system_clock()),
                actor,
                |session| {
                    actions::unset_demo_clock(session)?;
                    Ok(session.instant())
                },
            )?;
            if out.json {
                out.doc(&j!({"demo_clock": null, "now": json::instant(Some(clock)), "source": "system"}))
            } else {
                out.line(&format!(
                    "Demo clock unset: the portal follows the system clock again ({}).",
                    human::date(clock)
                ))
            }
        }
        Command::Clock(ClockCommand::Advance { duration }) => {
            let by = parsed(parse_duration(duration), "bad_duration")?;
            clock_move(&path, actor, out, move |info| {
                let base = effective_now(flag, info.demo_clock).instant;
                parsed(
                    crate::lifecycle::time::advance(base, by),
                    "clock_out_of_range",
                )
            })
        }
        _ => {
            let mut portal = Portal::open(&path)?;
            portal.run(flag, actor, |session| run_in_session(session, command, out))
        }
    }
}

fn data_dir() -> Result<PathBuf> {
    directories::ProjectDirs::from("", "", "switchboard")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or_else(|| Error::usage("no home directory to keep the demo in: pass --db PATH"))
}

/// A new demo portal: at --db (never over a file), else a new file in the
/// data directory.
fn new_demo(cli: &Cli) -> Result<crate::demo::DemoPortal> {
    let path = match &cli.global.db {
        Some(path) => path.clone(),
        None => {
            let dir = data_dir()?;
            crate::files::create_private_dir(&dir)?;
            crate::demo::portal::fresh_path(&dir)
        }
    };
    crate::demo::build_demo(&path)
}

/// `demo [--no-tui]`.
fn demo<W: Write>(cli: &Cli, out: &mut Output<W>, no_tui: bool) -> Result<()> {
    let demo = new_demo(cli)?;
    if no_tui {
        let users: Vec<Value> = demo
            .users
            .iter()
            .map(|(email, name, role)| j!({"email": email, "name": name, "role": role}))
            .collect();
        if out.json {
            return out.doc(&j!({"db": demo.path.display().to_string(), "users": users}));
        }
        out.line(&format!(
            "Created the demo portal at {}. Its users:",
            demo.path.display()
        ))?;
        for (email, name, role) in &demo.users {
            out.line(&format!("  {email:<24} {name:<12} {role}"))?;
        }
        return out.line(&format!(
            "Open it with: switchboard --db {} --as {}",
            demo.path.display(),
            demo.admin
        ));
    }
    let options = crate::tui::Options {
        record: cli.global.record.clone(),
        tour: Some((
            crate::demo::tour::ARTICLE_NAME.to_string(),
            crate::demo::tour::ARTICLE.to_string(),
        )),
    };
    let actor = cli.global.as_user.clone().unwrap_or(demo.admin.clone());
    crate::tui::run(&demo.path, Some(&actor), None, options)
}

/// `tour FILE [--headless] [--size WxH]`.
fn tour<W: Write>(
    cli: &Cli,
    out: &mut Output<W>,
    file: &str,
    headless: bool,
    size: &str,
) -> Result<()> {
    let (name, text) = crate::demo::tour::load(file)?;
    let size = crate::tui::headless::parse_size(size)?;
    if !headless {
        let db = match &cli.global.db {
            Some(db) => db.clone(),
            None => new_demo(cli)?.path,
        };
        let options = crate::tui::Options {
            record: cli.global.record.clone(),
            tour: Some((name, text)),
        };
        return crate::tui::run(&db, cli.global.as_user.as_deref(), None, options);
    }
    // Headless: on --db, or on a fresh demo portal in a private scratch
    // folder (made by mkdtemp: no other user can have made or linked it).
    let scratch = match &cli.global.db {
        Some(_) => None,
        None => Some(
            tempfile::Builder::new()
                .prefix("switchboard-tour-")
                .tempdir()
                .map_err(|e| Error::other("io", format!("cannot make a scratch folder: {e}")))?,
        ),
    };
    let result = (|| {
        let db = match (&cli.global.db, &scratch) {
            (Some(db), _) => db.clone(),
            (None, Some(dir)) => crate::demo::build_demo(&dir.path().join("demo.db"))?.path,
            (None, None) => unreachable!("a scratch folder exists without --db"),
        };
        let portal = Portal::open(&db)?;
        let parsed = crate::demo::tour::parse(&name, &text, portal.connection())?;
        let actor = match cli.global.as_user.clone() {
            Some(email) => email,
            None => users::super_admins(portal.connection())?
                .into_iter()
                .find(|u| u.active)
                .map(|u| u.email)
                .ok_or_else(|| {
                    Error::usage("the portal has no active super admin: pass --as EMAIL")
                })?,
        };
        drop(portal);
        crate::tui::headless::run(
            &db,
            parsed,
            &actor,
            size,
            cli.global.record.as_deref(),
            &mut out.writer,
        )
    })();
    drop(scratch);
    result
}

/// `clock set` and `clock advance`: the command's instant is the new clock.
fn clock_move<W: Write>(
    path: &std::path::Path,
    actor: Option<&str>,
    out: &mut Output<W>,
    target: impl FnOnce(&store::PortalInfo) -> Result<Instant>,
) -> Result<()> {
    let mut portal = Portal::open(path)?;
    let (clock, swept_to, events) = portal.run_at(
        |info| {
            Ok(Now {
                instant: target(info)?,
                source: ClockSource::Demo,
            })
        },
        actor,
        |session| {
            let clock = actions::set_demo_clock(session)?;
            Ok((clock, session.instant(), std::mem::take(&mut session.swept)))
        },
    )?;
    if out.json {
        json::write_sweep(
            &mut out.writer,
            swept_to,
            &events,
            &[("clock", json::instant(Some(clock)))],
        )
        .map_err(io_error)
    } else {
        out.line(&format!("Demo clock set to {}.", human::date(clock)))?;
        sweep_summary(out, &events)
    }
}

fn sweep_summary<W: Write>(out: &mut Output<W>, events: &[store::SweepEvent]) -> Result<()> {
    if events.is_empty() {
        return out.line("Nothing was due.");
    }
    out.line(&format!(
        "{}:",
        crate::present::plural(events.len() as i64, "event")
    ))?;
    for e in events {
        out.line(&format!("  {}", human::sweep_event_line(e)))?;
    }
    Ok(())
}

fn run_in_session<W: Write>(
    session: &mut store::Session<'_>,
    command: &Command,
    out: &mut Output<W>,
) -> Result<()> {
    let now = session.instant();
    let conn = session.conn();
    match command {
        Command::Init { .. }
        | Command::Demo { .. }
        | Command::Tour { .. }
        | Command::Generate { .. }
        | Command::Clock(ClockCommand::Set { .. })
        | Command::Clock(ClockCommand::Advance { .. })
        | Command::Clock(ClockCommand::Unset) => {
            unreachable!("handled before a portal is opened")
        }
        Command::Sweep => {
            if out.json {
                json::write_sweep(&mut out.writer, now, &session.swept, &[]).map_err(io_error)
            } else {
                out.line(&format!("Portal brought up to {}.", human::date(now)))?;
                sweep_summary(out, &session.swept)
            }
        }
        Command::Clock(ClockCommand::Show) => {
            let info = &session.info;
            if out.json {
                out.doc(&j!({
                    "now": json::instant(Some(now)),
                    "source": session.now.source.name(),
                    "demo_clock": json::instant(info.demo_clock),
                    "swept_to": json::instant(info.swept_until),
                }))
            } else {
                out.line(&format!(
                    "now {} ({} clock); demo clock {}; portal brought up to {}",
                    human::date(now),
                    session.now.source.name(),
                    info.demo_clock.map_or("unset".into(), human::date),
                    info.swept_until.map_or("never".into(), human::date),
                ))
            }
        }
        Command::Tier(TierCommand::Set { tier }) => {
            let tier = parsed(Tier::parse(tier), "bad_tier")?;
            actions::set_tier(session, tier)?;
            if out.json {
                out.doc(&j!({"tier": tier.name()}))
            } else {
                out.line(&format!("Tier set to {}.", tier.label()))
            }
        }
        Command::User(UserCommand::Add {
            email,
            name,
            super_admin,
            access,
            publish,
        }) => {
            let access = parsed(SocialAccess::parse(access), "bad_access")?;
            let user = actions::add_user(
                session,
                NewUser {
                    email: email.clone(),
                    name: name.clone(),
                    super_admin: *super_admin,
                    access: if *super_admin {
                        SocialAccess::All
                    } else {
                        access
                    },
                    can_publish: *publish || *super_admin,
                },
            )?;
            if out.json {
                out.doc(&json::user(&user))
            } else {
                out.line(&format!("Added {} as {}.", user.email, user.role()))
            }
        }
        Command::User(UserCommand::Deactivate { email }) => {
            let user = actions::deactivate_user(session, email)?;
            if out.json {
                out.doc(&json::user(&user))
            } else {
                out.line(&format!("Deactivated {}.", user.email))
            }
        }
        Command::User(UserCommand::List) => {
            session.authorize_view(Attempt::ViewUsers)?;
            let all = users::list(conn)?;
            out.list("No users.", json::user, human::user_line, |each| {
                all.into_iter().try_for_each(each)
            })
        }
        Command::Account(sub) => account_command(session, sub, out),
        Command::NetworkEvent { id, event } => {
            let report = parsed(NetworkReport::parse(event), "bad_event")?;
            let record = actions::network_event(session, *id, report)?;
            if out.json {
                out.doc(&json::account(&record, now))
            } else {
                out.line(&human::account_detail(&record, now))
            }
        }
        Command::Post(sub) => post_command(session, sub, out),
        Command::Notifications { user, mark_read } => {
            let owner = match (user, &session.actor) {
                (Some(email), _) => users::require_by_email(conn, email)?,
                (None, Some(actor)) => actor.clone(),
                (None, None) => {
                    return Err(Error::usage(
                        "whose inbox? pass --as EMAIL (or SWITCHBOARD_USER), or --user EMAIL",
                    ));
                }
            };
            session.attempting("read_notifications", None);
            session.authorize_view(Attempt::ReadInbox(owner.id))?;
            out.list(
                "No notifications.",
                json::notification,
                |n| human::notification_line(n, now),
                |each| store::notifications::for_each(conn, owner.id, each),
            )?;
            if *mark_read {
                store::notifications::mark_all_read(conn, owner.id)?;
            }
            Ok(())
        }
        Command::Audit { account } => {
            session.attempting("read_audit", *account);
            session.authorize_view(Attempt::ViewSocial)?;
            out.list(
                "The audit log is empty.",
                json::audit_entry,
                human::audit_line,
                |each| store::audit::for_each(conn, *account, each),
            )
        }
    }
}

fn account_command<W: Write>(
    session: &mut store::Session<'_>,
    command: &AccountCommand,
    out: &mut Output<W>,
) -> Result<()> {
    let now = session.instant();
    let conn = session.conn();
    match command {
        AccountCommand::Connect {
            network,
            handle,
            name,
        } => {
            let network = parsed(Network::parse(network), "unknown_network")?;
            let done = actions::connect(session, network, handle, name.as_deref())?;
            connected_output(out, &done, now)
        }
        AccountCommand::Reconnect { ids, guard } if ids.len() > 1 => several(
            session,
            out,
            actions::Bulk::Reconnect,
            ids,
            guard.if_version,
        ),
        AccountCommand::Disconnect { ids, guard } if ids.len() > 1 => several(
            session,
            out,
            actions::Bulk::Disconnect,
            ids,
            guard.if_version,
        ),
        AccountCommand::Reconnect { ids, guard } => {
            let done = actions::reconnect(session, ids[0], guard.if_version)?;
            connected_output(out, &done, now)
        }
        AccountCommand::Disconnect { ids, guard } => {
            let (record, canceled) = actions::disconnect(session, ids[0], guard.if_version)?;
            if out.json {
                let mut doc = json::account(&record, now);
                doc["canceled_posts"] = canceled.into();
                out.doc(&doc)
            } else {
                out.line(&format!(
                    "Disconnected @{}: {} canceled; published posts leave the Published tab. Reconnect by {} to restore everything.",
                    record.account.handle,
                    crate::present::plural(canceled, "scheduled post"),
                    record.account.reconnect_deadline().map_or("-".into(), human::date)
                ))
            }
        }
        AccountCommand::Remove { id, confirm, guard } => {
            let record = store::accounts::record(conn, *id)?;
            let deleted = actions::remove(session, *id, confirm, guard.if_version)?;
            if out.json {
                out.doc(&j!({
                    "removed": id,
                    "network": record.account.network.name(),
                    "handle": record.account.handle,
                    "posts_deleted": deleted,
                }))
            } else {
                out.line(&format!(
                    "Removed {} @{} and its {}.",
                    record.account.network.label(),
                    record.account.handle,
                    crate::present::plural(deleted, "post")
                ))
            }
        }
        AccountCommand::List {
            all,
            status,
            network,
            sort,
            page,
        } => {
            session.attempting("list_accounts", None);
            session.authorize_view(Attempt::ViewSocial)?;
            let state = status
                .as_deref()
                .map(|s| parsed(crate::lifecycle::StateFilter::parse(s), "bad_status"))
                .transpose()?
                .unwrap_or_default();
            let network = network
                .as_deref()
                .map(|n| parsed(Network::parse(n), "unknown_network"))
                .transpose()?;
            let order = match sort.trim().to_ascii_lowercase().as_str() {
                "network" => store::accounts::ListOrder::ByNetwork,
                "urgency" => store::accounts::ListOrder::ByUrgency,
                other => {
                    return Err(Error::invalid(
                        "bad_sort",
                        format!("unknown order '{other}': use --sort network or --sort urgency"),
                    ));
                }
            };
            let filter = store::accounts::ListFilter {
                include_hidden: *all,
                state,
                network,
                order,
                ..store::accounts::ListFilter::list(now)
            };
            let cursor = page
                .after
                .map(|id| store::accounts::require(conn, id))
                .transpose()?
                .map(|a| store::accounts::ListCursor::of(&a));
            let limit = page.limit;
            if out.json {
                return out.list(
                    "",
                    |r| json::account(r, now),
                    |_| String::new(),
                    |each| store::accounts::for_each_listed(conn, filter, cursor, limit, each),
                );
            }
            let by_network = order == store::accounts::ListOrder::ByNetwork;
            let mut current: Option<Network> = None;
            let mut shown = 0usize;
            store::accounts::for_each_listed(conn, filter, cursor, limit, |record| {
                if by_network && current != Some(record.account.network) {
                    current = Some(record.account.network);
                    out.line(record.account.network.label())?;
                }
                shown += 1;
                out.line(&human::account_line(&record, now, !by_network))
            })?;
            if shown == 0 && limit != Some(0) {
                let filtered = state != crate::lifecycle::StateFilter::All || network.is_some();
                out.line(if filtered {
                    "No account matches: try another --status or --network."
                } else {
                    "No accounts yet: connect one with 'switchboard account connect NETWORK HANDLE'."
                })?;
            }
            let hidden = store::accounts::hidden_count(conn, now)?;
            if hidden > 0 && !*all {
                out.line(&format!(
                    "{} disconnected for over 90 days {} hidden: see them with --all, reconnect with 'account connect'.",
                    crate::present::plural(hidden, "account"),
                    if hidden == 1 { "is" } else { "are" }
                ))?;
            }
            Ok(())
        }
        AccountCommand::Show { id } => {
            session.attempting("show_account", Some(*id));
            session.authorize_view(Attempt::ViewSocial)?;
            let record = store::accounts::record(conn, *id)?;
            if out.json {
                let mut doc = json::account(&record, now);
                doc["scheduled_posts"] = store::accounts::scheduled_post_count(conn, *id)?.into();
                doc["posts"] = store::posts::count_for_account(conn, *id)?.into();
                out.doc(&doc)
            } else {
                out.line(&human::account_detail(&record, now))
            }
        }
    }
}

/// `account disconnect|reconnect ID ID ...`: each account its own result,
/// in the command's one transaction. The first refusal's exit code is the
/// command's, once the others are done (`Output::failed_after`).
fn several<W: Write>(
    session: &mut store::Session<'_>,
    out: &mut Output<W>,
    kind: actions::Bulk,
    ids: &[i64],
    if_version: Option<i64>,
) -> Result<()> {
    if if_version.is_some() {
        return Err(Error::usage(
            "--if-version names one account's version: give one ID with it",
        ));
    }
    let now = session.instant();
    let targets: Vec<(i64, Option<i64>)> = ids.iter().map(|&id| (id, None)).collect();
    let results = actions::bulk(session, kind, &targets)?;
    let failed = results.iter().filter(|r| r.outcome.is_err()).count();
    if out.json {
        let mut items = Vec::with_capacity(results.len());
        for r in &results {
            items.push(match &r.outcome {
                Ok(_) => match store::accounts::record(session.conn(), r.id) {
                    Ok(record) => j!({"id": r.id, "ok": true, "account": json::account(&record, now)}),
                    Err(_) => j!({"id": r.id, "ok": true}),
                },
                Err(e) => j!({"id": r.id, "ok": false, "error": {"code": e.code(), "message": e.to_string()}}),
            });
        }
        out.doc(&j!({"results": items}))?;
    } else {
        for r in &results {
            match &r.outcome {
                Ok(what) => out.line(&format!("#{}: {what}", r.id))?,
                Err(e) => out.line(&format!("#{}: not done: {e}", r.id))?,
            }
        }
    }
    out.failed_after = results
        .into_iter()
        .find_map(|r| r.outcome.err())
        .map(|first| {
            Error::Other {
                code: "partly_done",
                message: format!(
                    "{failed} of {} accounts were not {}: {first}",
                    ids.len(),
                    match kind {
                        actions::Bulk::Reconnect => "reconnected",
                        actions::Bulk::Disconnect => "disconnected",
                        actions::Bulk::Remove => "removed",
                    }
                ),
            }
            .with_exit_code_of(&first)
        });
    Ok(())
}

fn connected_output<W: Write>(
    out: &mut Output<W>,
    done: &actions::Connected,
    now: Instant,
) -> Result<()> {
    let a = &done.account.account;
    if out.json {
        let mut doc = json::account(&done.account, now);
        doc["reconnected"] = done.reconnected.into();
        doc["resumed_posts"] = done.resumed_posts.into();
        doc["missed_posts"] = done.missed_posts.into();
        return out.doc(&doc);
    }
    if done.reconnected {
        out.line(&format!(
            "Reconnected {} @{}: {} scheduled posts will publish at their time, {} were missed (reschedule them with 'post reschedule').",
            a.network.label(),
            a.handle,
            done.resumed_posts,
            done.missed_posts
        ))?;
        if done.account.original_connector != done.account.last_connector {
            out.line(&format!(
                "Note: {} connected it originally and is the recommended user to reauthorize it.",
                done.account.original_connector
            ))?;
        }
        Ok(())
    } else {
        out.line(&format!(
            "Connected {} @{} as account #{}.",
            a.network.label(),
            a.handle,
            a.id
        ))
    }
}

fn post_command<W: Write>(
    session: &mut store::Session<'_>,
    command: &PostCommand,
    out: &mut Output<W>,
) -> Result<()> {
    let now = session.instant();
    let conn = session.conn();
    let record = match command {
        PostCommand::Schedule {
            account_id,
            at,
            text,
        } => {
            let at = instant_arg(at, "--at")?;
            actions::schedule_post(session, *account_id, at, text)?
        }
        PostCommand::Draft { account_id, text } => actions::draft_post(session, *account_id, text)?,
        PostCommand::Cancel { id } => actions::cancel_post(session, *id)?,
        PostCommand::Reschedule { id, at } => {
            let at = instant_arg(at, "--at")?;
            actions::reschedule_post(session, *id, at)?
        }
        PostCommand::List { tab, account, page } => {
            let tab = tab
                .as_deref()
                .map(|t| parsed(Tab::parse(t), "bad_tab"))
                .transpose()?;
            session.attempting("list_posts", *account);
            session.authorize_view(Attempt::ViewSocial)?;
            if let Some(id) = account {
                store::accounts::require(conn, *id)?;
            }
            return out.list(
                "No posts.",
                json::post,
                |p| human::post_line(p, now),
                |each| store::posts::for_each(conn, tab, *account, page.after, page.limit, each),
            );
        }
    };
    if out.json {
        out.doc(&json::post(&record))
    } else {
        out.line(&human::post_line(&record, now))
    }
}
