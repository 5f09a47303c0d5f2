//! `sweep` and `clock show|set|advance|unset`: bringing the portal up to an
//! instant, and the demo clock (T4). What a sweep did is a summary by kind,
//! each event with `--verbose`, every event in JSON.

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use serde_json::{Value, json as j};

use super::{database_path, instant_arg, now_flag, parsed};
use crate::cli::args::Cli;
use crate::cli::output::{Output, Shown, io_error};
use crate::cli::progress::Phases;
use crate::cli::{human, json};
use crate::clock::{ClockSource, Now, effective_now};
use crate::error::Result;
use crate::lifecycle::Instant;
use crate::lifecycle::time::parse_duration;
use crate::store::{Portal, PortalInfo, Session, SweepEvent, actions};

/// A portal whose sweeps show a progress bar on a terminal.
fn open_with_progress(cli: &Cli) -> Result<(Portal, Rc<RefCell<Phases>>)> {
    let mut portal = Portal::open(&database_path(cli)?)?;
    let phases = Rc::new(RefCell::new(Phases::on_stderr()));
    let shown = Rc::clone(&phases);
    portal.on_sweep_progress(move |done, due| {
        shown
            .borrow_mut()
            .show(&crate::tr!("progress-applying"), done, due)
    });
    Ok((portal, phases))
}

/// What a sweep did, after `heading`.
fn write_sweep<W: Write>(
    out: &mut Output<W>,
    heading: &str,
    swept_to: Instant,
    events: &[SweepEvent],
    extra: &[(&str, Value)],
) -> Result<()> {
    if out.json() {
        return json::write_sweep(out.writer(), swept_to, events, extra).map_err(io_error);
    }
    out.line(heading)?;
    for line in human::sweep_summary(events) {
        out.line(&line)?;
    }
    if out.verbose {
        for event in events {
            out.line(&format!("  {}", human::sweep_event_line(event)))?;
        }
    } else if !events.is_empty() {
        out.line(&crate::tr!("cli-each-event"))?;
    }
    Ok(())
}

pub fn sweep<W: Write>(cli: &Cli, out: &mut Output<W>) -> Result<()> {
    let (mut portal, phases) = open_with_progress(cli)?;
    let (now, events) = portal.run(now_flag(cli)?, cli.global.as_user.as_deref(), |s| {
        Ok((s.instant(), std::mem::take(&mut s.swept)))
    })?;
    phases.borrow_mut().finish();
    tracing::info!(events = events.len(), "swept");
    write_sweep(
        out,
        &crate::tr!("cli-swept", at = human::date(now)),
        now,
        &events,
        &[],
    )
}

/// `watch`: every sweep that applied events, as `sweep` prints it, and
/// every delivery attempted (with `--json`, one document a line), until a
/// stopping signal.
pub fn watch<W: Write>(
    cli: &Cli,
    out: &mut Output<W>,
    (ics, metrics_at): (Option<&std::path::Path>, Option<&str>),
) -> Result<()> {
    let path = database_path(cli)?;
    // Refused before anything starts: a bad address, a port in use.
    let metrics = match metrics_at {
        Some(text) => {
            let at = crate::metrics::server::address(text)?;
            let metrics = std::sync::Arc::new(crate::metrics::Metrics::new());
            let bound = crate::metrics::server::serve(at, std::sync::Arc::clone(&metrics))?;
            tracing::info!(address = %bound, "serving metrics");
            Some(metrics)
        }
        None => None,
    };
    let config_path = crate::tui::config::default_path();
    // The config says the language unless --lang or SWITCHBOARD_LANG do,
    // and where deliveries go; both are read again on SIGHUP.
    let settings = || {
        let config = crate::tui::config::load_strict(config_path.as_deref())?;
        if cli.global.lang.is_none() && std::env::var_os("SWITCHBOARD_LANG").is_none() {
            let [_, all, messages, lang] = crate::i18n::environment();
            if let Ok(lang) = crate::i18n::choose(&crate::i18n::Choices {
                flag: None,
                variable: None,
                config: config.lang.as_deref(),
                locale: [all.as_deref(), messages.as_deref(), lang.as_deref()],
            }) {
                crate::i18n::set(lang);
            }
        }
        Ok((config.delivery, config.networks))
    };
    // Grants are kept only where the vault's key is (never made here).
    let vault = crate::oauth::vault::Vault::open(&super::data_dir()?, false)?;
    let keeper = crate::keeper::Keeper::new(Vec::new(), vault);
    let out = std::cell::RefCell::new(out);
    crate::watch::run(
        &path,
        settings,
        (keeper, ics, metrics.as_deref()),
        |now, events| {
            let mut out = out.borrow_mut();
            write_sweep(
                &mut out,
                &crate::tr!("cli-swept", at = human::date(now)),
                now,
                events,
                &[],
            )?;
            out.flush()
        },
        |attempted| {
            use crate::delivery::Outcome;
            let mut out = out.borrow_mut();
            // The row as it is after the attempt (issue 17, item 18).
            if out.json() {
                let mut doc = crate::cli::json::delivery(&attempted.delivery);
                doc["outcome"] = match &attempted.outcome {
                    Outcome::Delivered => "delivered".into(),
                    Outcome::Expired(_) => "expired".into(),
                    Outcome::Failed(_) if attempted.retry_at_ms.is_some() => "retrying".into(),
                    Outcome::Failed(_) => "failed".into(),
                };
                match &attempted.outcome {
                    Outcome::Failed(failure) => doc["error"] = failure.message.clone().into(),
                    Outcome::Expired(reason) => doc["reason"] = reason.clone().into(),
                    Outcome::Delivered => {}
                }
                // A digest settles several rows in one message (issue 21).
                if !attempted.batch.is_empty() {
                    doc["digest"] = attempted.batch.clone().into();
                }
                out.doc(&serde_json::json!({ "delivery": doc }))?;
            } else {
                let d = &attempted.delivery;
                let line = match &attempted.outcome {
                    Outcome::Delivered => crate::tr!(
                        "cli-watch-delivered",
                        id = d.id,
                        channel = d.channel.name(),
                        address = d.address.clone()
                    ),
                    Outcome::Expired(reason) => crate::tr!(
                        "cli-watch-expired",
                        id = d.id,
                        channel = d.channel.name(),
                        address = d.address.clone(),
                        reason = reason.clone()
                    ),
                    Outcome::Failed(failure) => crate::tr!(
                        "cli-watch-delivery-failed",
                        id = d.id,
                        channel = d.channel.name(),
                        address = d.address.clone(),
                        error = failure.message.clone(),
                        retry = if attempted.retry_at_ms.is_some() {
                            "yes"
                        } else {
                            "no"
                        }
                    ),
                };
                out.line(&line)?;
                if attempted.batch.len() > 1 {
                    out.line(&crate::tr!(
                        "cli-watch-digest",
                        count = attempted.batch.len()
                    ))?;
                }
            }
            out.flush()
        },
    )
}

pub fn set<W: Write>(cli: &Cli, out: &mut Output<W>, instant: &str) -> Result<()> {
    let target = instant_arg(instant, "the clock")?;
    clock_move(cli, out, move |_| Ok(target))
}

pub fn advance<W: Write>(cli: &Cli, out: &mut Output<W>, duration: &str) -> Result<()> {
    let by = parsed(parse_duration(duration), "bad_duration")?;
    let flag = now_flag(cli)?;
    clock_move(cli, out, move |info| {
        let base = effective_now(flag, info.demo_clock).instant;
        parsed(
            crate::lifecycle::time::advance(base, by),
            "clock_out_of_range",
        )
    })
}

/// `clock set` and `clock advance`: the command's instant is the new clock.
fn clock_move<W: Write>(
    cli: &Cli,
    out: &mut Output<W>,
    target: impl FnOnce(&PortalInfo) -> Result<Instant>,
) -> Result<()> {
    let (mut portal, phases) = open_with_progress(cli)?;
    let (clock, swept_to, events) = portal.run_at(
        |info| {
            Ok(Now {
                instant: target(info)?,
                source: ClockSource::Demo,
            })
        },
        cli.global.as_user.as_deref(),
        |session| {
            let clock = actions::set_demo_clock(session)?;
            Ok((clock, session.instant(), std::mem::take(&mut session.swept)))
        },
    )?;
    phases.borrow_mut().finish();
    tracing::info!(events = events.len(), "clock moved");
    write_sweep(
        out,
        &crate::tr!("cli-clock-set", at = human::date(clock)),
        swept_to,
        &events,
        &[("clock", json::instant(Some(clock)))],
    )
}

struct Unset(Instant);

impl Shown for Unset {
    fn json(&self) -> Value {
        j!({"demo_clock": null, "now": json::instant(Some(self.0)), "source": "system"})
    }

    fn human(&self) -> String {
        crate::tr!("cli-clock-unset", at = human::date(self.0))
    }
}

pub fn unset<W: Write>(cli: &Cli, out: &mut Output<W>) -> Result<()> {
    let mut portal = Portal::open(&database_path(cli)?)?;
    let clock = portal.run_at(
        |_| Ok(crate::clock::system_clock()),
        cli.global.as_user.as_deref(),
        |session| {
            actions::unset_demo_clock(session)?;
            Ok(session.instant())
        },
    )?;
    out.show(&Unset(clock))
}

struct ClockState {
    now: Instant,
    source: &'static str,
    demo_clock: Option<Instant>,
    swept_to: Option<Instant>,
}

impl Shown for ClockState {
    fn json(&self) -> Value {
        j!({
            "now": json::instant(Some(self.now)),
            "source": self.source,
            "demo_clock": json::instant(self.demo_clock),
            "swept_to": json::instant(self.swept_to),
        })
    }

    fn human(&self) -> String {
        crate::tr!(
            "cli-clock-show",
            now = human::date(self.now),
            source = self.source,
            demo = self
                .demo_clock
                .map_or(crate::tr!("cli-clock-unset-word"), human::date),
            swept = self
                .swept_to
                .map_or(crate::tr!("cli-clock-never"), human::date)
        )
    }
}

pub fn show<W: Write>(session: &mut Session<'_>, out: &mut Output<W>) -> Result<()> {
    out.show(&ClockState {
        now: session.instant(),
        source: session.now.source.name(),
        demo_clock: session.info.demo_clock,
        swept_to: session.info.swept_until,
    })
}
