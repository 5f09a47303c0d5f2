//! The audit log (R14): every state change and every refused attempt.

use super::db::{Connection, params};

use super::rows::{instant, secs};
use crate::error::Result;
use crate::lifecycle::{AccountId, Instant};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Ok,
    Denied,
}

impl Outcome {
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Ok => "ok",
            Outcome::Denied => "denied",
        }
    }
}

/// The actor of sweep events.
pub const SYSTEM: &str = "system";
/// The actor of network events (R4).
pub const NETWORK: &str = "network";

#[allow(clippy::too_many_arguments)]
pub fn record(
    conn: &Connection,
    at: Instant,
    actor: &str,
    action: &str,
    account_id: Option<AccountId>,
    outcome: Outcome,
    detail: &str,
    count: Option<i64>,
) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO audit (at, actor, action, account_id, outcome, detail, count) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    stmt.execute(params![
        secs(at),
        actor,
        action,
        account_id,
        outcome.name(),
        detail,
        count
    ])?;
    Ok(())
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditEntry {
    pub id: i64,
    pub at: Instant,
    pub actor: String,
    pub action: String,
    pub account_id: Option<AccountId>,
    pub outcome: String,
    pub detail: String,
    pub count: Option<i64>,
    /// The account's network and name while it exists (R13: a removed
    /// account lives on only in `detail`).
    pub account: Option<super::rows::AccountLabel>,
    /// The actor's name, when the actor is a user.
    pub actor_name: Option<String>,
}

/// What every audit query selects, in `entry_from_row`'s order.
const SELECT: &str = "SELECT au.id, au.at, au.actor, au.action, au.account_id, au.outcome, \
     au.detail, au.count, a.network, a.name, a.handle, us.name FROM audit au \
     LEFT JOIN accounts a ON a.id = au.account_id LEFT JOIN users us ON us.email = au.actor";

fn entry_from_row(r: &super::db::Row<'_>) -> Result<AuditEntry> {
    Ok(AuditEntry {
        id: r.get(0)?,
        at: instant(r.get(1)?, "audit instant")?,
        actor: r.get(2)?,
        action: r.get(3)?,
        account_id: r.get(4)?,
        outcome: r.get(5)?,
        detail: r.get(6)?,
        count: r.get(7)?,
        account: super::rows::account_label(r, 8)?,
        actor_name: r.get(11)?,
    })
}

/// A page of the log, newest first, older than `before` (at, id); one
/// account's entries, or all.
pub fn page_newest(
    conn: &Connection,
    account: Option<AccountId>,
    seek: super::rows::Seek<(Instant, i64)>,
    limit: usize,
) -> Result<Vec<AuditEntry>> {
    let scope = if account.is_some() {
        "au.account_id = ?1"
    } else {
        "CAST(?1 AS BIGINT) IS NULL"
    };
    let select = format!("{SELECT} WHERE {scope}");
    super::rows::newest_first_page(
        conn,
        &select,
        "au.at, au.id",
        account,
        seek,
        limit,
        entry_from_row,
    )
}

/// Streams the log in time order (ties as written, the TUI's order too), one
/// row at a time: the log can be long.
pub fn for_each(
    conn: &Connection,
    account: Option<AccountId>,
    mut each: impl FnMut(AuditEntry) -> Result<()>,
) -> Result<()> {
    // One statement per filter shape: `?1 IS NULL OR ...` would scan the
    // whole log for one account's entries.
    let scope = if account.is_some() {
        "au.account_id = ?1"
    } else {
        "CAST(?1 AS BIGINT) IS NULL"
    };
    let mut stmt = conn.prepare(&format!("{SELECT} WHERE {scope} ORDER BY au.at, au.id"))?;
    let mut rows = stmt.query([account])?;
    while let Some(r) = rows.next()? {
        let r = &r;
        each(entry_from_row(r)?)?;
    }
    Ok(())
}
