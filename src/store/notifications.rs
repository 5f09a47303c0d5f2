//! Inboxes (R9, E1).

use super::db::{Connection, params};

use super::rows::{instant, secs};
use crate::error::Result;
use crate::lifecycle::{AccountId, Instant, UserId};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// R9
    ReauthReminder,
    /// E1
    PurgeWarning,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::ReauthReminder => "reauth_reminder",
            Kind::PurgeWarning => "purge_warning",
        }
    }
}

/// A notification, and in the same transaction one outbox row per channel
/// its recipient has (issue 12's delivery); `deadline` is the instant the
/// message names (R9: the reauthorization, E1: the purge).
pub fn insert(
    conn: &Connection,
    kind: Kind,
    account_id: AccountId,
    recipient: UserId,
    at: Instant,
    deadline: Option<Instant>,
) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO notifications (kind, account_id, recipient, at) VALUES (?1, ?2, ?3, ?4)",
    )?;
    stmt.execute(params![kind.name(), account_id, recipient, secs(at)])?;
    super::outbox::enqueue(
        conn,
        conn.last_insert_rowid()?,
        kind.name(),
        recipient,
        deadline,
    )
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notification {
    pub id: i64,
    pub kind: String,
    pub account_id: AccountId,
    pub recipient: String,
    pub at: Instant,
    pub read: bool,
    /// The account's network and name, for people.
    pub account: Option<super::rows::AccountLabel>,
}

/// What every inbox query selects, in `from_row`'s order.
const SELECT: &str = "SELECT n.id, n.kind, n.account_id, u.email, n.at, n.read, \
     a.network, a.name, a.handle FROM notifications n JOIN users u ON u.id = n.recipient \
     LEFT JOIN accounts a ON a.id = n.account_id";

fn from_row(r: &super::db::Row<'_>) -> Result<Notification> {
    Ok(Notification {
        id: r.get(0)?,
        kind: r.get(1)?,
        account_id: r.get(2)?,
        recipient: r.get(3)?,
        at: instant(r.get(4)?, "notification instant")?,
        read: r.get(5)?,
        account: super::rows::account_label(r, 6)?,
    })
}

/// A user's inbox, oldest first, streamed.
pub fn for_each(
    conn: &Connection,
    recipient: UserId,
    mut each: impl FnMut(Notification) -> Result<()>,
) -> Result<()> {
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE n.recipient = ?1 ORDER BY n.at, n.account_id, n.id"
    ))?;
    let mut rows = stmt.query([recipient])?;
    while let Some(r) = rows.next()? {
        let r = &r;
        each(from_row(r)?)?;
    }
    Ok(())
}

/// An account's notifications, whoever they went to, oldest first
/// (`account export`).
pub fn for_each_of_account(
    conn: &Connection,
    account: AccountId,
    mut each: impl FnMut(Notification) -> Result<()>,
) -> Result<()> {
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE n.account_id = ?1 ORDER BY n.at, n.id"
    ))?;
    let mut rows = stmt.query([account])?;
    while let Some(r) = rows.next()? {
        let r = &r;
        each(from_row(r)?)?;
    }
    Ok(())
}

pub fn unread_count(conn: &Connection, recipient: UserId) -> Result<i64> {
    conn.query_row(
        "SELECT count(*) FROM notifications WHERE recipient = ?1 AND read = 0",
        [recipient],
        |r| r.get(0),
    )
}

pub fn mark_all_read(conn: &Connection, recipient: UserId) -> Result<usize> {
    conn.execute(
        "UPDATE notifications SET read = 1 WHERE recipient = ?1 AND read = 0",
        [recipient],
    )
}

/// A page of a user's inbox, newest first, older than `before` (at, id).
pub fn page_newest(
    conn: &Connection,
    recipient: UserId,
    seek: super::rows::Seek<(Instant, i64)>,
    limit: usize,
) -> Result<Vec<Notification>> {
    let select = format!("{SELECT} WHERE n.recipient = ?1");
    super::rows::newest_first_page(
        conn,
        &select,
        "n.at, n.id",
        Some(recipient),
        seek,
        limit,
        from_row,
    )
}

pub fn mark_read(conn: &Connection, recipient: UserId, id: i64) -> Result<()> {
    conn.execute(
        "UPDATE notifications SET read = 1 WHERE id = ?1 AND recipient = ?2",
        params![id, recipient],
    )?;
    Ok(())
}
