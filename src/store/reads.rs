//! What the reading commands show, each behind the permission it needs
//! (R10): a face of the app asks here and holds no rule of who may see what.
//! Lists are streamed to `each`, never held whole.

use super::accounts::{self, ListCursor, ListFilter};
use super::audit::{self, AuditEntry};
use super::notifications::{self, Notification};
use super::outbox::{self, Delivery};
use super::{AccountRecord, PostRecord, Session, posts, users};
use crate::error::{Error, Result};
use crate::lifecycle::permission::{Attempt, User};
use crate::lifecycle::{AccountId, PostId, Tab, UserId};

/// The portal's users (super admins only, R10).
pub fn users(session: &mut Session<'_>) -> Result<Vec<User>> {
    session.attempting("list_users", None);
    session.authorize_view(Attempt::ViewUsers)?;
    users::list(session.conn())
}

/// The users with where their reminders go (issue 18, item 4: `user list`
/// shows what the reminders dialog and `user set` saved).
pub fn users_with_channels(
    session: &mut Session<'_>,
) -> Result<Vec<(User, super::outbox::Channels)>> {
    let all = users(session)?;
    let mut channels = super::outbox::all_channels(session.conn())?;
    Ok(all
        .into_iter()
        .map(|u| {
            let mine = channels.remove(&u.id).unwrap_or_default();
            (u, mine)
        })
        .collect())
}

/// The Accounts list, by keyset after `after` (an account id).
pub fn accounts(
    session: &mut Session<'_>,
    filter: ListFilter,
    after: Option<AccountId>,
    limit: Option<usize>,
    each: impl FnMut(AccountRecord) -> Result<()>,
) -> Result<()> {
    session.attempting("list_accounts", None);
    session.authorize_view(Attempt::ViewSocial)?;
    let conn = session.conn();
    let cursor = after
        .map(|id| accounts::require(conn, id))
        .transpose()?
        .map(|a| ListCursor::of(&a));
    accounts::for_each_listed(conn, filter, cursor, limit, each)
}

/// How many accounts the list leaves out as hidden (R4) at the session's now.
pub fn hidden_accounts(session: &Session<'_>) -> Result<i64> {
    accounts::hidden_count(session.conn(), session.instant())
}

/// One account, with how many posts it has and how many are scheduled.
pub struct AccountDetail {
    pub record: AccountRecord,
    pub posts: i64,
    pub scheduled_posts: i64,
    /// Its grant at the network, sealed, when a real sign-in connected it.
    pub grant: Option<super::grants::StoredGrant>,
    /// The portal's reminder plan, which places its reminders (issue 21).
    pub plan: crate::lifecycle::ReminderPlan,
}

pub fn account(session: &mut Session<'_>, id: AccountId) -> Result<AccountDetail> {
    session.attempting("show_account", Some(id));
    session.authorize_view(Attempt::ViewSocial)?;
    let conn = session.conn();
    Ok(AccountDetail {
        record: accounts::record(conn, id)?,
        posts: posts::count_for_account(conn, id)?,
        scheduled_posts: accounts::scheduled_post_count(conn, id)?,
        grant: super::grants::find(conn, id)?,
        plan: session.info.reminders,
    })
}

/// One tab of posts (R5b applied), or every post; one account's, or all.
pub fn posts(
    session: &mut Session<'_>,
    tab: Option<Tab>,
    account: Option<AccountId>,
    after: Option<PostId>,
    limit: Option<usize>,
    each: impl FnMut(PostRecord) -> Result<()>,
) -> Result<()> {
    session.attempting("list_posts", account);
    session.authorize_view(Attempt::ViewSocial)?;
    let conn = session.conn();
    if let Some(id) = account {
        accounts::require(conn, id)?;
    }
    posts::for_each(conn, tab, account, after, limit, each)
}

/// Whose inbox a command reads: the named user's, else the acting user's.
/// Only its owner and super admins may read it (R10).
pub fn inbox_owner(session: &mut Session<'_>, user: Option<&str>) -> Result<User> {
    let owner = match (user, &session.actor) {
        (Some(email), _) => users::require_by_email(session.conn(), email)?,
        (None, Some(actor)) => actor.clone(),
        (None, None) => {
            return Err(Error::usage(
                "whose inbox? pass --as EMAIL (or SWITCHBOARD_USER), or --user EMAIL",
            ));
        }
    };
    session.attempting("read_notifications", None);
    session.authorize_view(Attempt::ReadInbox(owner.id))?;
    Ok(owner)
}

/// An inbox, oldest first; `mark_read` marks what was listed as read.
pub fn inbox(
    session: &mut Session<'_>,
    user: Option<&str>,
    mark_read: bool,
    each: impl FnMut(Notification) -> Result<()>,
) -> Result<()> {
    let owner = inbox_owner(session, user)?;
    notifications::for_each(session.conn(), owner.id, each)?;
    if mark_read {
        notifications::mark_all_read(session.conn(), owner.id)?;
    }
    Ok(())
}

/// The audit log, or one account's entries (R14).
pub fn audit(
    session: &mut Session<'_>,
    account: Option<AccountId>,
    each: impl FnMut(AuditEntry) -> Result<()>,
) -> Result<()> {
    session.attempting("read_audit", account);
    session.authorize_view(Attempt::ViewSocial)?;
    audit::for_each(session.conn(), account, each)
}

/// One part of an account's whole history, in the order `export` gives them.
pub enum HistoryItem {
    Post(PostRecord),
    Notification(Notification),
    Audit(AuditEntry),
}

/// An account's whole history (`account export`): the account to `head`,
/// then its posts, its notifications and its audit entries to `each`,
/// streamed. What R7 purges can be kept this way before the window ends.
pub fn history(
    session: &mut Session<'_>,
    id: AccountId,
    head: impl FnOnce(&AccountDetail) -> Result<()>,
    mut each: impl FnMut(HistoryItem) -> Result<()>,
) -> Result<()> {
    let detail = account(session, id)?;
    session.attempting("export_account", Some(id));
    head(&detail)?;
    let conn = session.conn();
    posts::for_each(conn, None, Some(id), None, None, |p| {
        each(HistoryItem::Post(p))
    })?;
    notifications::for_each_of_account(conn, id, |n| each(HistoryItem::Notification(n)))?;
    audit::for_each(conn, Some(id), |e| each(HistoryItem::Audit(e)))
}

/// Whose deliveries a reader sees: `--user`'s (their own, or anyone's as a
/// super admin); else the acting user's own, or every inbox's for a super
/// admin or a script without `--as`.
fn outbox_scope(session: &mut Session<'_>, user: Option<&str>) -> Result<Option<UserId>> {
    session.attempting("read_outbox", None);
    if user.is_some() {
        return Ok(Some(inbox_owner(session, user)?.id));
    }
    match &session.actor {
        // R10: every inbox is a super admin's to read; anyone else's own.
        Some(actor) if session.authorize(actor, Attempt::ReadEveryInbox).is_ok() => Ok(None),
        Some(actor) => {
            let id = actor.id;
            session.authorize_view(Attempt::ReadInbox(id))?;
            Ok(Some(id))
        }
        None => Ok(None),
    }
}

/// The outbox (issue 12), newest first: every delivery, or the failed ones.
pub fn outbox(
    session: &mut Session<'_>,
    user: Option<&str>,
    failed_only: bool,
    each: impl FnMut(Delivery) -> Result<()>,
) -> Result<()> {
    let scope = outbox_scope(session, user)?;
    outbox::for_each(session.conn(), failed_only, scope, each)
}

/// The failed deliveries a user should hear of (the Notifications tab):
/// their own, or everyone's for a super admin; at most `limit`, and how many
/// there are.
pub fn failed_deliveries(session: &mut Session<'_>, limit: usize) -> Result<(Vec<Delivery>, i64)> {
    let scope = outbox_scope(session, None)?;
    Ok((
        outbox::failed(session.conn(), scope, limit)?,
        outbox::failed_count(session.conn(), scope)?,
    ))
}

/// A deadline ahead of an account: its reauthorization (connected), or the
/// end of its reconnect window, when its history is purged (disconnected).
#[derive(Clone, Debug)]
pub struct Deadline {
    pub record: AccountRecord,
    pub kind: DeadlineKind,
    pub at: crate::lifecycle::Instant,
    /// When the first reminder (R9) or the purge warning (E1) goes out.
    pub warned_at: Option<crate::lifecycle::Instant>,
    /// Every reminder of the portal's plan (issue 21), or the purge
    /// warning: the calendar's alarms.
    pub warnings: Vec<crate::lifecycle::Instant>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeadlineKind {
    Reauthorize,
    Purge,
}

/// The deadlines from now to `until`, soonest first; one account's, or all.
pub fn deadlines(
    session: &mut Session<'_>,
    account: Option<AccountId>,
    until: crate::lifecycle::Instant,
) -> Result<Vec<Deadline>> {
    session.attempting("list_accounts", account);
    session.authorize_view(Attempt::ViewSocial)?;
    upcoming(session.conn(), account, session.instant(), until)
}

/// The deadlines from `now` to `until`, whoever asks (the watch's calendar).
pub fn upcoming(
    conn: &super::db::Connection,
    account: Option<AccountId>,
    now: crate::lifecycle::Instant,
    until: crate::lifecycle::Instant,
) -> Result<Vec<Deadline>> {
    let records = match account {
        Some(id) => vec![accounts::record(conn, id)?],
        None => accounts::all_records(conn)?,
    };
    let plan = accounts::reminder_plan(conn)?;
    let mut found: Vec<Deadline> = records
        .into_iter()
        .filter_map(|record| {
            let a = &record.account;
            let (kind, at, warnings) = if a.is_connected() {
                (
                    DeadlineKind::Reauthorize,
                    a.reauth_due_at()?,
                    a.reminders(&plan),
                )
            } else {
                (
                    DeadlineKind::Purge,
                    a.reconnect_deadline()?,
                    a.purge_warning_at().into_iter().collect(),
                )
            };
            (at > now && at <= until).then_some(Deadline {
                record,
                kind,
                at,
                warned_at: warnings.first().copied(),
                warnings,
            })
        })
        .collect();
    found.sort_by_key(|d| (d.at, d.record.account.id));
    Ok(found)
}

/// What `watch --metrics` shows of the portal (issue 21, item 6).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ServiceCounts {
    /// Accounts by network and state (`connected`, `disconnected`, `expired`).
    pub accounts: Vec<(crate::lifecycle::Network, String, i64)>,
    /// Reminders (R9, every lead of the plan) and purge warnings (E1) due
    /// from `now` to a week later.
    pub reminders_due: i64,
    pub purge_warnings_due: i64,
    /// Outbox rows by status.
    pub deliveries: Vec<(String, i64)>,
}

/// The counts, in three grouped queries and a look at the accounts whose
/// next event is within the week (the sweep's index).
pub fn service_counts(
    conn: &super::db::Connection,
    now: crate::lifecycle::Instant,
) -> Result<ServiceCounts> {
    use super::rows::{ACCOUNT_COLUMNS, account_from_row, secs};
    let mut counts = ServiceCounts::default();
    {
        let mut stmt = conn.prepare_cached(
            "SELECT network, status, count(*) FROM accounts GROUP BY network, status",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let network: String = row.get(0)?;
            let network = crate::lifecycle::Network::parse(&network)
                .map_err(|_| super::rows::corrupt("network"))?;
            counts.accounts.push((network, row.get(1)?, row.get(2)?));
        }
    }
    {
        let mut stmt =
            conn.prepare_cached("SELECT status, count(*) FROM deliveries GROUP BY status")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            counts.deliveries.push((row.get(0)?, row.get(1)?));
        }
    }
    let week = now + crate::lifecycle::time::days(7);
    let plan = accounts::reminder_plan(conn)?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {ACCOUNT_COLUMNS} FROM accounts a WHERE a.next_event_at <= ?1"
    ))?;
    let mut rows = stmt.query([secs(week)])?;
    let within = |at: crate::lifecycle::Instant| at >= now && at <= week;
    while let Some(row) = rows.next()? {
        let a = account_from_row(&row)?;
        counts.reminders_due += a
            .pending_reminders(&plan)
            .into_iter()
            .filter(|at| within(*at))
            .count() as i64;
        if a.pending_purge_warning().is_some_and(within) {
            counts.purge_warnings_due += 1;
        }
    }
    Ok(counts)
}

/// What holds the portal (issue 23, item 3): the engine, its version, and
/// on a server whether the session is encrypted and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EngineInfo {
    pub engine: &'static str,
    pub version: String,
    /// None on a file; Some(None) on a server session without TLS;
    /// Some(Some(protocol)) with it.
    pub tls: Option<Option<String>>,
    /// The server certificate's subject and the mode that checked it, as
    /// this session's handshake saw them.
    pub certificate: Option<(Option<String>, &'static str)>,
}

pub fn engine(conn: &super::db::Connection) -> Result<EngineInfo> {
    if conn.is_postgres() {
        let (version, ssl, protocol): (String, Option<bool>, Option<String>) = conn.query_row(
            "SELECT current_setting('server_version'), s.ssl, s.version \
             FROM (SELECT 1) one LEFT JOIN pg_stat_ssl s ON s.pid = pg_backend_pid()",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        return Ok(EngineInfo {
            engine: "postgresql",
            version,
            tls: Some(protocol.filter(|_| ssl == Some(true))),
            certificate: conn
                .server_tls()
                .map(|seen| (seen.subject.clone(), seen.mode.name())),
        });
    }
    let version: String = conn.query_row("SELECT sqlite_version()", [], |r| r.get(0))?;
    Ok(EngineInfo {
        engine: "sqlite",
        version,
        tls: None,
        certificate: None,
    })
}
