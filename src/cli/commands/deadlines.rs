//! `switchboard deadlines`: the reauthorization deadlines and purges ahead,
//! for people, for scripts, or as a calendar (issue 21, item 5).

use std::io::Write;

use serde_json::Value;

use crate::cli::args::CalendarFormat;
use crate::cli::human;
use crate::cli::output::Output;
use crate::error::Result;
use crate::lifecycle::AccountId;
use crate::lifecycle::time::format_instant;
use crate::store::Session;
use crate::store::reads::{self, Deadline, DeadlineKind};

pub fn run<W: Write>(
    session: &mut Session<'_>,
    out: &mut Output<W>,
    account: Option<AccountId>,
    days: u32,
    format: Option<CalendarFormat>,
) -> Result<()> {
    let now = session.instant();
    let until = now + chrono::TimeDelta::days(i64::from(days));
    let deadlines = reads::deadlines(session, account, until)?;
    let format = format.unwrap_or(if out.json() {
        CalendarFormat::Json
    } else {
        CalendarFormat::Human
    });
    match format {
        CalendarFormat::Ics => {
            let portal = session.info.name.clone();
            out.raw(crate::ics::calendar(&portal, &deadlines, now).as_bytes())
        }
        CalendarFormat::Json => out.doc(&Value::Array(deadlines.iter().map(json).collect())),
        CalendarFormat::Human if deadlines.is_empty() => {
            out.line(&crate::tr!("cli-deadlines-none", days = days))
        }
        CalendarFormat::Human => {
            for d in &deadlines {
                out.line(&line(d))?;
            }
            Ok(())
        }
    }
}

fn kind_name(kind: DeadlineKind) -> &'static str {
    match kind {
        DeadlineKind::Reauthorize => "reauthorize",
        DeadlineKind::Purge => "purge",
    }
}

fn json(d: &Deadline) -> Value {
    let a = &d.record.account;
    serde_json::json!({
        "account_id": a.id,
        "network": a.network.name(),
        "handle": a.handle,
        "name": a.name,
        "kind": kind_name(d.kind),
        "at": format_instant(d.at),
        "warned_at": d.warned_at.map(format_instant),
    })
}

fn line(d: &Deadline) -> String {
    let a = &d.record.account;
    let what = crate::tr!(match d.kind {
        DeadlineKind::Reauthorize => "cli-deadline-reauthorize",
        DeadlineKind::Purge => "cli-deadline-purge",
    });
    crate::present::escape_control(&format!(
        "{}  {} @{} (#{})  {what}",
        human::date(d.at),
        a.network.label(),
        a.handle,
        a.id
    ))
    .into_owned()
}
