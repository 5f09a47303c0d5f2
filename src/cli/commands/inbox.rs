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

/// A delivery queued again.
struct Requeued(crate::store::outbox::Delivery);

impl crate::cli::output::Shown for Requeued {
    fn json(&self) -> serde_json::Value {
        json::delivery(&self.0)
    }

    fn human(&self) -> String {
        crate::tr!(
            "cli-delivery-requeued",
            id = self.0.id,
            channel = self.0.channel.name(),
            address = self.0.address.clone()
        )
    }
}

/// `notifications outbox|retry`: deliveries by email and webhook (issue 12).
pub fn delivery<W: Write>(
    session: &mut Session<'_>,
    out: &mut Output<W>,
    command: &crate::cli::args::DeliveryCommand,
) -> Result<()> {
    use crate::cli::args::DeliveryCommand;
    match command {
        DeliveryCommand::Outbox { failed, user } => {
            out.list(
                Listing {
                    empty: &crate::tr!(if *failed {
                        "cli-outbox-no-failed"
                    } else {
                        "cli-outbox-empty"
                    }),
                    json: &json::delivery,
                    human: &mut human::delivery_line,
                    csv: None,
                },
                |each| reads::outbox(session, user.as_deref(), *failed, each),
            )?;
            Ok(())
        }
        DeliveryCommand::Retry { id } => {
            let delivery = crate::store::actions::retry_delivery(session, *id)?;
            out.show(&Requeued(delivery))
        }
    }
}
