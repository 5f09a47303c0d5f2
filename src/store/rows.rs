//! Rows to domain values and back. Values read from the database are
//! untrusted: a malformed one is an error that names it, never a panic.

use super::db::Row;

use crate::error::{Error, Result};
use crate::lifecycle::account::{ConnectionState, Disconnection};
use crate::lifecycle::post::{CancelCause, EffectiveStatus, PostStatus, effective_status};
use crate::lifecycle::time::from_unix_seconds;
use crate::lifecycle::{
    Account, AccountId, DisconnectReason, Instant, Network, PostId, SocialAccess, Tier, User,
    UserId,
};

pub fn corrupt(what: &str) -> Error {
    Error::other(
        "corrupt",
        format!(
            "the portal database holds a malformed {what}: restore it from a backup, or fix the row with sqlite3"
        ),
    )
}

pub fn instant(seconds: i64, what: &str) -> Result<Instant> {
    from_unix_seconds(seconds).ok_or_else(|| corrupt(what))
}

pub fn opt_instant(seconds: Option<i64>, what: &str) -> Result<Option<Instant>> {
    seconds.map(|s| instant(s, what)).transpose()
}

/// A LIMIT for SQL: "no limit" (usize::MAX) is the largest i64, which
/// both engines take (SQLite reads -1 as none; PostgreSQL refuses it).
pub fn sql_limit(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

pub fn secs(t: Instant) -> i64 {
    t.timestamp()
}

pub fn tier(text: &str) -> Result<Tier> {
    Tier::parse(text).map_err(|_| corrupt("tier"))
}

/// The columns `account_from_row` reads, in order, for `FROM accounts a`.
/// The case-insensitive names (citext on PostgreSQL) are read as text: a
/// result of a type the driver does not know costs every process two round
/// trips to look the type up (issue 22); SQLite's CAST of text is a no-op.
pub const ACCOUNT_COLUMNS: &str = "a.id, a.network, CAST(a.handle AS TEXT), CAST(a.name AS TEXT), a.status, a.disconnect_reason, \
     a.disconnected_at, a.disconnected_by, a.first_connected_at, a.authorized_at, \
     a.last_published_at, a.original_connector, a.last_connector, a.reminder_sent, \
     a.purge_warning_sent";

/// An account row as read by `ACCOUNT_COLUMNS`, starting at column 0.
pub fn account_from_row(row: &Row<'_>) -> Result<Account> {
    let network: String = row.get(1)?;
    let status: String = row.get(4)?;
    let reason: Option<String> = row.get(5)?;
    let disconnected_at: Option<i64> = row.get(6)?;
    let disconnection = match (reason, disconnected_at) {
        (Some(reason), Some(at)) => Some(Disconnection {
            reason: DisconnectReason::parse(&reason).ok_or_else(|| corrupt("disconnect reason"))?,
            at: instant(at, "disconnect instant")?,
            by: row.get(7)?,
        }),
        (None, None) => None,
        _ => return Err(corrupt("disconnection")),
    };
    let connection = match (status.as_str(), disconnection) {
        ("connected", None) => ConnectionState::Connected,
        ("disconnected", Some(d)) => ConnectionState::Disconnected(d),
        ("expired", Some(d)) => ConnectionState::Expired(d),
        _ => return Err(corrupt("account status")),
    };
    Ok(Account {
        id: row.get(0)?,
        network: Network::parse(&network).map_err(|_| corrupt("network"))?,
        handle: row.get(2)?,
        name: row.get(3)?,
        connection,
        first_connected_at: instant(row.get(8)?, "first connection instant")?,
        authorized_at: instant(row.get(9)?, "authorization instant")?,
        last_published_at: opt_instant(row.get(10)?, "publication instant")?,
        original_connector: row.get(11)?,
        last_connector: row.get(12)?,
        // 0: no reminder yet in this grant (migration 007).
        reminded: Some(row.get::<_, i64>(13)?).filter(|&lead| lead > 0),
        purge_warning_sent: row.get(14)?,
    })
}

/// The columns `user_from_row` reads, for `FROM users u`.
/// The email is read as text, as `ACCOUNT_COLUMNS` reads names.
pub const USER_COLUMNS: &str =
    "u.id, CAST(u.email AS TEXT), u.name, u.super_admin, u.social_access, u.can_publish, u.active";

pub fn user_from_row(row: &Row<'_>) -> Result<User> {
    let access: String = row.get(4)?;
    Ok(User {
        id: row.get(0)?,
        email: row.get(1)?,
        name: row.get(2)?,
        super_admin: row.get(3)?,
        access: SocialAccess::parse(&access).map_err(|_| corrupt("social access"))?,
        can_publish: row.get(5)?,
        active: row.get(6)?,
    })
}

/// A post as people see it: its status with the account's state applied (R5a).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PostRecord {
    pub id: PostId,
    pub account_id: AccountId,
    pub status: EffectiveStatus,
    pub scheduled_at: Option<Instant>,
    pub published_at: Option<Instant>,
    pub created_by: String,
    pub text: String,
}

/// The columns `post_from_row` reads, for `posts p JOIN accounts a JOIN users u`.
pub const POST_COLUMNS: &str = "p.id, p.account_id, p.status, p.cancel_cause, p.scheduled_at, \
     p.published_at, u.email, p.text, a.status = 'connected'";

pub fn post_from_row(row: &Row<'_>) -> Result<PostRecord> {
    let stored: String = row.get(2)?;
    let cause: Option<String> = row.get(3)?;
    let stored = PostStatus::parse(&stored).ok_or_else(|| corrupt("post status"))?;
    let cause = cause
        .map(|c| CancelCause::parse(&c).ok_or_else(|| corrupt("cancel cause")))
        .transpose()?;
    Ok(PostRecord {
        id: row.get(0)?,
        account_id: row.get(1)?,
        status: effective_status(stored, cause, row.get(8)?),
        scheduled_at: opt_instant(row.get(4)?, "scheduled instant")?,
        published_at: opt_instant(row.get(5)?, "publication instant")?,
        created_by: row.get(6)?,
        text: row.get(7)?,
    })
}

/// An account with its connectors' emails, for output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountRecord {
    pub account: Account,
    pub original_connector: String,
    pub last_connector: String,
    /// Moves on every change to the account or its posts: a confirmed action
    /// carries the version its dialog showed (`actions::Expect`).
    pub version: i64,
}

/// Columns for `AccountRecord`: `ACCOUNT_COLUMNS`, the two emails, the version.
pub fn account_record_select() -> String {
    format!(
        "SELECT {ACCOUNT_COLUMNS}, CAST(oc.email AS TEXT), CAST(lc.email AS TEXT), a.version \
         FROM accounts a \
         JOIN users oc ON oc.id = a.original_connector \
         JOIN users lc ON lc.id = a.last_connector"
    )
}

pub fn account_record_from_row(row: &Row<'_>) -> Result<AccountRecord> {
    Ok(AccountRecord {
        account: account_from_row(row)?,
        original_connector: row.get(15)?,
        last_connector: row.get(16)?,
        version: row.get(17)?,
    })
}

pub fn user_id_of(row: &Row<'_>, index: usize) -> Result<UserId> {
    row.get(index)
}

/// Where a keyset page of a list sits: from its first row, after a row,
/// before a row, or at its last rows. With `Before` and `End` a list's
/// pages reach its real last row and come back from it (issue 18, item 2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Seek<C> {
    #[default]
    Start,
    After(C),
    Before(C),
    End,
}

impl<C> From<Option<C>> for Seek<C> {
    fn from(after: Option<C>) -> Seek<C> {
        match after {
            Some(c) => Seek::After(c),
            None => Seek::Start,
        }
    }
}

impl<C: Copy> Seek<C> {
    /// The cursor the page is anchored to, if any.
    pub fn cursor(&self) -> Option<C> {
        match self {
            Seek::After(c) | Seek::Before(c) => Some(*c),
            Seek::Start | Seek::End => None,
        }
    }

    /// Whether the page is read backwards from its anchor (and turned
    /// around before it is returned).
    pub fn backwards(&self) -> bool {
        matches!(self, Seek::Before(_) | Seek::End)
    }
}

/// The SQL of a keyset page in a list ordered by `key` (ascending or not):
/// the seek condition and the ORDER BY, read backwards for `Before` and
/// `End` (the caller reverses those rows). Placeholders ?2, ?3: the cursor.
pub fn keyset(key: &str, ascending: bool, seek_kind: Seek<()>) -> (String, String) {
    let (forward, backward) = if ascending { (">", "<") } else { ("<", ">") };
    let condition = match seek_kind {
        Seek::Start | Seek::End => {
            "CAST(?2 AS BIGINT) IS NULL AND CAST(?3 AS BIGINT) IS NULL".to_string()
        }
        Seek::After(()) => format!("({key}) {forward} (?2, ?3)"),
        Seek::Before(()) => format!("({key}) {backward} (?2, ?3)"),
    };
    let reading_ascending = ascending != seek_kind.backwards();
    let direction = if reading_ascending { "" } else { " DESC" };
    let order = key
        .split(',')
        .map(|column| format!("{}{direction}", column.trim()))
        .collect::<Vec<_>>()
        .join(", ");
    (condition, order)
}

/// A page of a list ordered newest first by `key` (`at, id`), by keyset.
pub fn newest_first_page<T>(
    conn: &super::db::Connection,
    select: &str,
    key: &str,
    scope: Option<i64>,
    seek: Seek<(Instant, i64)>,
    limit: usize,
    read: impl Fn(&Row<'_>) -> Result<T>,
) -> Result<Vec<T>> {
    // One statement per kind of seek, not `?2 IS NULL OR ...`: only a plain
    // row-value comparison lets SQLite seek the index to the cursor.
    let kind = match seek {
        Seek::Start => Seek::Start,
        Seek::After(_) => Seek::After(()),
        Seek::Before(_) => Seek::Before(()),
        Seek::End => Seek::End,
    };
    let (condition, order) = keyset(key, false, kind);
    let sql = format!("{select} AND {condition} ORDER BY {order} LIMIT ?4");
    let mut stmt = conn.prepare_cached(&sql)?;
    let cursor = seek.cursor();
    let mut rows = stmt.query(super::db::params![
        scope,
        cursor.map(|(at, _)| secs(at)),
        cursor.map(|(_, id)| id),
        sql_limit(limit)
    ])?;
    let mut page = Vec::new();
    while let Some(r) = rows.next()? {
        let r = &r;
        page.push(read(r)?);
    }
    if seek.backwards() {
        page.reverse();
    }
    Ok(page)
}

/// An account as lists of other things name it: its network and name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountLabel {
    pub network: crate::lifecycle::Network,
    pub name: String,
    pub handle: String,
}

/// Reads an `a.network, a.name, a.handle` triple of a LEFT JOIN at `first`:
/// `None` when the account is gone (removed, R13).
pub fn account_label(row: &Row<'_>, first: usize) -> Result<Option<AccountLabel>> {
    let network: Option<String> = row.get(first)?;
    let Some(network) = network else {
        return Ok(None);
    };
    Ok(Some(AccountLabel {
        network: crate::lifecycle::Network::parse(&network).map_err(|_| corrupt("network"))?,
        name: row.get(first + 1)?,
        handle: row.get(first + 2)?,
    }))
}

/// Streams a keyset-paged listing: fetches pages of at most `PAGE` rows after
/// `cursor`, hands each row to `each`, and stops after `limit` rows.
pub fn stream_pages<T, C>(
    mut cursor: Option<C>,
    limit: Option<usize>,
    mut fetch: impl FnMut(Option<&C>, usize) -> Result<Vec<T>>,
    cursor_after: impl Fn(&T) -> C,
    mut each: impl FnMut(T) -> Result<()>,
) -> Result<()> {
    let mut left = limit.unwrap_or(usize::MAX);
    while left > 0 {
        let want = left.min(PAGE);
        let batch = fetch(cursor.as_ref(), want)?;
        let Some(last) = batch.last() else { break };
        cursor = Some(cursor_after(last));
        let full = batch.len() == want;
        left -= batch.len();
        for row in batch {
            each(row)?;
        }
        if !full {
            break;
        }
    }
    Ok(())
}

/// How many rows a streamed listing fetches at a time.
pub const PAGE: usize = 500;
