//! The sweep (R12): applies every event due at or before an instant, per
//! account, in time order, at each event's own instant. Due accounts are found
//! through the index on `next_event_at`, so a sweep with nothing due touches
//! no account, and only one account is held at a time (R12c).

use rusqlite::Connection;

use super::audit::{self, Outcome, SYSTEM};
use super::notifications::{self, Kind};
use super::rows::secs;
use super::{accounts, posts, users};
use crate::error::Result;
use crate::lifecycle::events::{EventKind, next_event, publication_bound};
use crate::lifecycle::notify::{purge_warning_recipients, reminder_recipients};
use crate::lifecycle::{AccountId, DisconnectReason, Instant, PostId};
use crate::present::plural;

/// One thing the sweep did (CLI.md: sweep events).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SweepEvent {
    pub at: Instant,
    pub kind: EventKind,
    pub account_id: AccountId,
    pub post_id: Option<PostId>,
    pub reason: Option<DisconnectReason>,
    pub count: Option<i64>,
}

/// How many due accounts are fetched at a time.
const BATCH: i64 = 256;

/// Brings the portal up to `until`, and moves the watermark there.
pub fn sweep_to(conn: &Connection, until: Instant) -> Result<Vec<SweepEvent>> {
    let mut events = Vec::new();
    let mut due = conn.prepare_cached(
        "SELECT id FROM accounts WHERE next_event_at <= ?1 ORDER BY next_event_at, id LIMIT ?2",
    )?;
    loop {
        let ids: Vec<AccountId> = due
            .query_map((secs(until), BATCH), |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if ids.is_empty() {
            break;
        }
        for id in ids {
            sweep_account(conn, id, until, &mut events)?;
        }
    }
    // Written only when it moves, so an idle portal stays unchanged.
    conn.execute(
        "UPDATE portal SET swept_until = ?1 WHERE id = 1 AND (swept_until IS NULL OR swept_until < ?1)",
        [secs(until)],
    )?;
    // Accounts are independent; list what happened in time order.
    events.sort_by_key(|e| (e.at, e.account_id));
    Ok(events)
}

/// Applies one account's due events in order, until its next one is later
/// than `until`.
fn sweep_account(
    conn: &Connection,
    id: AccountId,
    until: Instant,
    events: &mut Vec<SweepEvent>,
) -> Result<()> {
    let Some(mut account) = accounts::load(conn, id)? else {
        return Ok(());
    };
    loop {
        let next_post = if account.is_connected() {
            accounts::next_scheduled_post_at(conn, id)?
        } else {
            None
        };
        let Some(event) = next_event(&account, next_post).filter(|e| e.at <= until) else {
            break;
        };
        let event_at = event.at;
        let mut note = |post_id, reason, count| {
            events.push(SweepEvent {
                at: event_at,
                kind: event.kind,
                account_id: id,
                post_id,
                reason,
                count,
            })
        };
        match event.kind {
            EventKind::Publication => {
                let bound = publication_bound(&account, until);
                let published = posts::publish_through(conn, id, bound)?;
                for &(post_id, at) in &published {
                    events.push(SweepEvent {
                        at,
                        kind: EventKind::Publication,
                        account_id: id,
                        post_id: Some(post_id),
                        reason: None,
                        count: None,
                    });
                    audit::record(
                        conn,
                        at,
                        SYSTEM,
                        "publish",
                        Some(id),
                        Outcome::Ok,
                        &format!("post #{post_id} published at its scheduled time"),
                        None,
                    )?;
                }
                // R11: a publication moves last_activity_at.
                if let Some(&(_, last)) = published.last() {
                    account.last_published_at = Some(last);
                }
            }
            EventKind::Reminder => {
                let last = users::by_id(conn, account.last_connector)?;
                let creators = posts::creators_of_scheduled(conn, id)?;
                let admins = users::super_admins(conn)?;
                let recipients = reminder_recipients(&last, &creators, &admins);
                for &user in &recipients {
                    notifications::insert(conn, Kind::ReauthReminder, id, user, event_at)?;
                }
                account.reminder_sent = true;
                let due = account
                    .reauth_due_at()
                    .map(crate::lifecycle::time::format_instant);
                audit::record(
                    conn,
                    event_at,
                    SYSTEM,
                    "reauth_reminder",
                    Some(id),
                    Outcome::Ok,
                    &format!(
                        "reauthorization reminder sent to {}; the account must be reauthorized by {}",
                        plural(recipients.len() as i64, "user"),
                        due.unwrap_or_default()
                    ),
                    Some(recipients.len() as i64),
                )?;
                note(None, None, Some(recipients.len() as i64));
            }
            EventKind::PurgeWarning => {
                let last = users::by_id(conn, account.last_connector)?;
                let admins = users::super_admins(conn)?;
                let recipients = purge_warning_recipients(&last, &admins);
                for &user in &recipients {
                    notifications::insert(conn, Kind::PurgeWarning, id, user, event_at)?;
                }
                account.purge_warning_sent = true;
                audit::record(
                    conn,
                    event_at,
                    SYSTEM,
                    "purge_warning",
                    Some(id),
                    Outcome::Ok,
                    &format!(
                        "purge warning sent to {}: the history is purged in 7 days unless the account is reconnected",
                        plural(recipients.len() as i64, "user")
                    ),
                    Some(recipients.len() as i64),
                )?;
                note(None, None, Some(recipients.len() as i64));
            }
            EventKind::Lapse(reason) => {
                // R5f: disconnected at the deadline instant itself.
                account = account.disconnect(reason, event_at, None)?;
                let canceled = accounts::scheduled_post_count(conn, id)?;
                audit::record(
                    conn,
                    event_at,
                    SYSTEM,
                    "disconnect",
                    Some(id),
                    Outcome::Ok,
                    &format!(
                        "disconnected by the network ({}); {} canceled",
                        reason.name(),
                        plural(canceled, "scheduled post")
                    ),
                    Some(canceled),
                )?;
                note(None, Some(reason), Some(canceled));
            }
            EventKind::Purge => {
                // R7: the window passed without a reconnect.
                let deleted = posts::delete_all(conn, id)? as i64;
                account = account.expire();
                audit::record(
                    conn,
                    event_at,
                    SYSTEM,
                    "purge",
                    Some(id),
                    Outcome::Ok,
                    &format!("reconnect window ended; {} purged", plural(deleted, "post")),
                    Some(deleted),
                )?;
                note(None, None, Some(deleted));
            }
        }
        // Persist after every event: the next event reads posts and flags.
        accounts::save(conn, &account)?;
    }
    Ok(())
}
