//! The sweep (R12): applies every event due at or before an instant, per
//! account, in time order, at each event's own instant. Due accounts are found
//! through the index on `next_event_at`, so a sweep with nothing due touches
//! no account, and only one account is held at a time (R12c).

use super::db::Connection;

use super::audit::{self, Outcome, SYSTEM};
use super::notifications::{self, Kind};
use super::rows::{ACCOUNT_COLUMNS, account_from_row, instant, secs};
use super::{accounts, posts, users};
use crate::error::Result;
use crate::lifecycle::events::{EventKind, next_event, publication_bound};
use crate::lifecycle::notify::{purge_warning_recipients, reminder_recipients};
use crate::lifecycle::time::one_second;
use crate::lifecycle::{Account, AccountId, DisconnectReason, Instant, PostId, ReminderPlan};

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

/// Brings the portal up to `until`, and moves the watermark there.
///
/// R12a: events apply in global time order (instant, then account id), so
/// one sweep and any sequence of shorter ones write the same rows with the
/// same ids. The due index gives that order; an account applies its events
/// while they come before the next due account's first one.
pub fn sweep_to(conn: &Connection, until: Instant) -> Result<Vec<SweepEvent>> {
    sweep_to_reporting(conn, until, None)
}

/// How far a sweep is: `(accounts swept, accounts that were due when it
/// began)`; an account due again later in the same sweep counts again.
pub type SweepProgress<'a> = &'a mut dyn FnMut(u64, u64);

/// `sweep_to`, telling `progress` how far it is every so many accounts.
pub fn sweep_to_reporting(
    conn: &Connection,
    until: Instant,
    mut progress: Option<SweepProgress<'_>>,
) -> Result<Vec<SweepEvent>> {
    // Its time is logged when the span closes (`logging`).
    let _span =
        tracing::debug_span!("sweep", until = %crate::lifecycle::time::format_instant(until))
            .entered();
    let mut events = Vec::new();
    let due_at_start = match &progress {
        Some(_) => accounts::due_count(conn, until, usize::MAX)? as u64,
        None => 0,
    };
    let mut swept = 0u64;
    let plan = accounts::reminder_plan(conn)?;
    // The first due account whole, and the second's turn.
    let mut due = conn.prepare_cached(&format!(
        "SELECT {ACCOUNT_COLUMNS}, a.next_event_at FROM accounts a WHERE a.next_event_at <= ?1 \
         ORDER BY a.next_event_at, a.id LIMIT 2"
    ))?;
    loop {
        let (first, before) = {
            let mut rows = due.query([secs(until)])?;
            let Some(row) = rows.next()? else {
                break;
            };
            let first = account_from_row(&row)?;
            let before = match rows.next()? {
                Some(row) => Some(Turn {
                    at: instant(row.get(15)?, "next event instant")?,
                    account: row.get(0)?,
                }),
                None => None,
            };
            (first, before)
        };
        sweep_account(conn, (first, &plan), until, before, &mut events)?;
        swept += 1;
        if let Some(report) = progress.as_mut()
            && swept.is_multiple_of(256)
        {
            report(swept, due_at_start.max(swept));
        }
    }
    if let Some(report) = progress.as_mut() {
        report(swept, due_at_start.max(swept));
    }
    if !events.is_empty() {
        tracing::debug!(events = events.len(), accounts = swept, "swept");
    }
    // Written only when it moves, so an idle portal stays unchanged.
    conn.execute(
        "UPDATE portal SET swept_until = ?1 WHERE id = 1 AND (swept_until IS NULL OR swept_until < ?1)",
        [secs(until)],
    )?;
    Ok(events)
}

/// Another due account's first event: events of the account being swept
/// apply only while they come before it in global order (R12a).
#[derive(Clone, Copy)]
struct Turn {
    at: Instant,
    account: AccountId,
}

impl Turn {
    /// Whether `id`'s event at `at` comes before this one.
    fn is_after(&self, at: Instant, id: AccountId) -> bool {
        (at, id) < (self.at, self.account)
    }

    /// The last instant at which `id`'s posts publish before this turn.
    fn last_instant_for(&self, id: AccountId) -> Instant {
        if id < self.account {
            self.at
        } else {
            self.at - one_second()
        }
    }
}

/// Applies one account's due events in order, until its next one is later
/// than `until` or comes after `before`.
fn sweep_account(
    conn: &Connection,
    (mut account, plan): (Account, &ReminderPlan),
    until: Instant,
    before: Option<Turn>,
    events: &mut Vec<SweepEvent>,
) -> Result<()> {
    let id = account.id;
    // The account is held in memory and written once, after its events:
    // each event reads only posts and users, never the account's row.
    let mut applied = 0i64;
    let next_post = loop {
        let next_post = if account.is_connected() {
            accounts::next_scheduled_post_at(conn, id)?
        } else {
            None
        };
        let Some(event) = next_event(&account, plan, next_post)
            .filter(|e| e.at <= until && before.is_none_or(|turn| turn.is_after(e.at, id)))
        else {
            break next_post;
        };
        let events_before = events.len();
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
                let bound = publication_bound(&account, plan, until);
                let bound = before.map_or(bound, |turn| bound.min(turn.last_instant_for(id)));
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
                        &crate::tr!("audit-published", id = post_id),
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
                let due_at = account.reauth_due_at();
                for &user in &recipients {
                    notifications::insert(conn, Kind::ReauthReminder, id, user, event_at, due_at)?;
                }
                // R9c per offset: this lead is sent; the next is shorter.
                account.reminded = account.next_reminder(plan).map(|(_, lead)| lead);
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
                    &crate::tr!(
                        "audit-reminder",
                        count = recipients.len(),
                        due = due.unwrap_or_default()
                    ),
                    Some(recipients.len() as i64),
                )?;
                note(None, None, Some(recipients.len() as i64));
            }
            EventKind::PurgeWarning => {
                let last = users::by_id(conn, account.last_connector)?;
                let admins = users::super_admins(conn)?;
                let recipients = purge_warning_recipients(&last, &admins);
                let purge_at = account.reconnect_deadline();
                for &user in &recipients {
                    notifications::insert(conn, Kind::PurgeWarning, id, user, event_at, purge_at)?;
                }
                account.purge_warning_sent = true;
                audit::record(
                    conn,
                    event_at,
                    SYSTEM,
                    "purge_warning",
                    Some(id),
                    Outcome::Ok,
                    &crate::tr!("audit-purge-warning", count = recipients.len(), id = id),
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
                    &crate::tr!("audit-lapse", reason = reason.name(), count = canceled),
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
                    &crate::tr!("audit-purged", count = deleted),
                    Some(deleted),
                )?;
                note(None, None, Some(deleted));
            }
        }
        // The version moves once per event, however events are batched.
        applied += ((events.len() - events_before) as i64).max(1);
    };
    if applied > 0 {
        accounts::save_after_events(conn, &account, (applied, plan), next_post)?;
    } else {
        // The index named an event the account does not have: put it right,
        // so the sweep moves on.
        accounts::set_next_event(conn, &account, 0)?;
    }
    Ok(())
}
