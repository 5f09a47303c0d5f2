//! `notifications` and `audit`: what was sent, and what was done.

use std::io::Write;

use crate::cli::output::{Listing, Output, csv_text};
use crate::cli::{human, json};
use crate::error::Result;
use crate::lifecycle::AccountId;
use crate::lifecycle::time::format_instant;
use crate::store::audit::AuditEntry;
use crate::store::{Session, reads};

pub fn notifications<W: Write>(
    session: &mut Session<'_>,
    out: &mut Output<W>,
    user: Option<&str>,
    mark_read: bool,
) -> Result<()> {
    let now = session.instant();
    out.list(
        Listing {
            empty: &crate::tr!("empty-notifications"),
            json: &json::notification,
            human: &mut |n| human::notification_line(n, now),
            csv: None,
        },
        |each| reads::inbox(session, user, mark_read, each),
    )?;
    Ok(())
}

/// The CSV columns of the audit log.
const AUDIT_CSV: [&str; 8] = [
    "id",
    "at",
    "actor",
    "action",
    "account_id",
    "outcome",
    "detail",
    "count",
];

fn audit_csv(e: &AuditEntry) -> Vec<String> {
    vec![
        e.id.to_string(),
        format_instant(e.at),
        csv_text(&e.actor),
        e.action.clone(),
        e.account_id.map(|id| id.to_string()).unwrap_or_default(),
        e.outcome.clone(),
        csv_text(&e.detail),
        e.count.map(|n| n.to_string()).unwrap_or_default(),
    ]
}

pub fn audit<W: Write>(
    session: &mut Session<'_>,
    out: &mut Output<W>,
    account: Option<AccountId>,
) -> Result<()> {
    out.list(
        Listing {
            empty: &crate::tr!("cli-audit-empty"),
            json: &json::audit_entry,
            human: &mut human::audit_line,
            csv: Some((&AUDIT_CSV, &audit_csv)),
        },
        |each| reads::audit(session, account, each),
    )?;
    Ok(())
}
