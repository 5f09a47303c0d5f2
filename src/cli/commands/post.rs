//! `post schedule|draft|cancel|reschedule|list`.

use std::io::Write;

use serde_json::Value;

use super::{instant_arg, parsed};
use crate::cli::args::PostCommand;
use crate::cli::output::{Listing, Output, Shown, csv_text};
use crate::cli::{human, json};
use crate::error::Result;
use crate::lifecycle::time::format_instant;
use crate::lifecycle::{Instant, Tab};
use crate::store::{PostRecord, Session, actions, reads};

/// A post after a command changed it.
struct Post {
    record: PostRecord,
    now: Instant,
    /// Scheduled at or after its account's reauthorization deadline, this
    /// one (issue 18, item 3).
    past_deadline: Option<Instant>,
}

impl Shown for Post {
    fn json(&self) -> Value {
        let mut doc = json::post(&self.record);
        doc["past_reauth_deadline"] = json::instant(self.past_deadline);
        doc
    }

    fn human(&self) -> String {
        let line = human::post_line(&self.record, self.now);
        match self.past_deadline {
            Some(due) => format!(
                "{line}\n{}",
                crate::tr!("cli-post-after-deadline", deadline = human::date(due))
            ),
            None => line,
        }
    }
}

/// The CSV columns of a list of posts.
const POST_CSV: [&str; 8] = [
    "id",
    "account_id",
    "status",
    "cancel_cause",
    "scheduled_at",
    "published_at",
    "created_by",
    "text",
];

fn post_csv(p: &PostRecord) -> Vec<String> {
    let at = |t: Option<Instant>| t.map(format_instant).unwrap_or_default();
    vec![
        p.id.to_string(),
        p.account_id.to_string(),
        p.status.status.name().to_string(),
        p.status
            .cancel_cause
            .map(|c| c.name().to_string())
            .unwrap_or_default(),
        at(p.scheduled_at),
        at(p.published_at),
        csv_text(&p.created_by),
        csv_text(&p.text),
    ]
}

pub fn run<W: Write>(
    session: &mut Session<'_>,
    out: &mut Output<W>,
    command: &PostCommand,
) -> Result<()> {
    let now = session.instant();
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
        PostCommand::List {
            tab, account, page, ..
        } => {
            let tab = tab
                .as_deref()
                .map(|t| parsed(Tab::parse(t), "bad_tab"))
                .transpose()?;
            out.list(
                Listing {
                    empty: &crate::tr!("cli-no-posts"),
                    json: &json::post,
                    human: &mut |p| human::post_line(p, now),
                    csv: Some((&POST_CSV, &post_csv)),
                },
                |each| reads::posts(session, tab, *account, page.after, page.limit, each),
            )?;
            return Ok(());
        }
    };
    let past_deadline = match (command, record.scheduled_at) {
        (PostCommand::Schedule { .. } | PostCommand::Reschedule { .. }, Some(at)) => {
            crate::store::accounts::load(session.conn(), record.account_id)?
                .and_then(|account| crate::lifecycle::post::past_reauth_deadline(&account, at))
        }
        _ => None,
    };
    out.show(&Post {
        record,
        now,
        past_deadline,
    })
}
