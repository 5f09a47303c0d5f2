//! Grants at the networks (issue 20): one per account connected by a real
//! sign-in, its tokens sealed by the vault (`oauth::vault`), never in clear.

use super::db::{Connection, OptionalExtension, params};
use crate::error::Result;
use crate::lifecycle::{AccountId, Instant};

/// A grant as the portal keeps it: sealed tokens, and what they are for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredGrant {
    pub account_id: AccountId,
    /// The network's own id of the account.
    pub subject: String,
    pub scopes: Vec<String>,
    pub sealed_access: String,
    pub sealed_refresh: Option<String>,
    /// When the access token ends, by the system clock (a token's life is
    /// the network's, not the portal's demo time).
    pub access_expires_at: Option<i64>,
    pub granted_at: Instant,
    /// When the network was last asked about it (system clock seconds).
    pub checked_at: Option<i64>,
}

/// Keeps (or replaces) an account's grant.
pub fn save(conn: &Connection, grant: &StoredGrant) -> Result<()> {
    conn.execute(
        "DELETE FROM grants WHERE account_id = ?1",
        params![grant.account_id],
    )?;
    conn.execute(
        "INSERT INTO grants (account_id, subject, scopes, access_token, refresh_token, \
         access_expires_at, granted_at, checked_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            grant.account_id,
            grant.subject,
            grant.scopes.join(" "),
            grant.sealed_access,
            grant.sealed_refresh,
            grant.access_expires_at,
            super::rows::secs(grant.granted_at),
            grant.checked_at,
        ],
    )?;
    Ok(())
}

/// The columns `stored` reads, in its order.
const COLUMNS: &str = "g.account_id, g.subject, g.scopes, g.access_token, g.refresh_token, \
                       g.access_expires_at, g.granted_at, g.checked_at";

/// A grant from a row whose first columns are `COLUMNS`.
fn stored(row: &super::db::Row<'_>) -> Result<StoredGrant> {
    let scopes: String = row.get(2)?;
    let granted: i64 = row.get(6)?;
    Ok(StoredGrant {
        account_id: row.get(0)?,
        subject: row.get(1)?,
        scopes: scopes.split_whitespace().map(str::to_string).collect(),
        sealed_access: row.get(3)?,
        sealed_refresh: row.get(4)?,
        access_expires_at: row.get(5)?,
        granted_at: crate::lifecycle::time::from_unix_seconds(granted).unwrap_or_default(),
        checked_at: row.get(7)?,
    })
}

/// An account's grant, if it has one.
pub fn find(conn: &Connection, account_id: AccountId) -> Result<Option<StoredGrant>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM grants g WHERE g.account_id = ?1"),
        params![account_id],
        stored,
    )
    .optional()
}

/// Ends an account's grant here (a disconnect ends it at the network too,
/// when the network can be told): what it was, for that.
pub fn take(conn: &Connection, account_id: AccountId) -> Result<Option<StoredGrant>> {
    let found = find(conn, account_id)?;
    if found.is_some() {
        conn.execute(
            "DELETE FROM grants WHERE account_id = ?1",
            params![account_id],
        )?;
    }
    Ok(found)
}

/// The grants checked longest ago (never checked first), with their
/// accounts' networks: the keeper picks the due ones among them.
pub fn oldest_checked(
    conn: &Connection,
    limit: i64,
) -> Result<Vec<(StoredGrant, crate::lifecycle::Network)>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS}, a.network FROM grants g JOIN accounts a ON a.id = g.account_id \
         ORDER BY COALESCE(g.checked_at, 0), g.account_id LIMIT ?1"
    ))?;
    let rows = stmt.query_map(params![limit], |row| {
        let network: String = row.get(8)?;
        Ok((
            stored(row)?,
            crate::lifecycle::Network::parse(&network)
                .map_err(|_| super::rows::corrupt("network"))?,
        ))
    })?;
    rows.collect()
}

/// The network was asked about the grant at `now` (system clock seconds).
pub fn checked(conn: &Connection, account_id: AccountId, now: i64) -> Result<()> {
    conn.execute(
        "UPDATE grants SET checked_at = ?2 WHERE account_id = ?1",
        params![account_id, now],
    )?;
    Ok(())
}

/// New tokens for a grant (a refresh), sealed.
pub fn renew(
    conn: &Connection,
    account_id: AccountId,
    (sealed_access, sealed_refresh): (&str, Option<&str>),
    access_expires_at: Option<i64>,
    now: i64,
) -> Result<()> {
    conn.execute(
        "UPDATE grants SET access_token = ?2, refresh_token = ?3, access_expires_at = ?4, \
         checked_at = ?5 WHERE account_id = ?1",
        params![
            account_id,
            sealed_access,
            sealed_refresh,
            access_expires_at,
            now
        ],
    )?;
    Ok(())
}
