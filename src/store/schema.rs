//! Migrations: SQL files applied in one transaction under `PRAGMA user_version`.

use rusqlite::Connection;

use crate::error::{Error, Result};

/// Each entry brings the schema from version `index` to `index + 1`.
const MIGRATIONS: &[&str] = &[include_str!("migrations/001_portal.sql")];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Brings an existing portal up to `SCHEMA_VERSION`, all in one transaction.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    let version = user_version(conn)?;
    if version > SCHEMA_VERSION {
        return Err(Error::other(
            "newer_schema",
            format!(
                "the portal database has schema version {version}, newer than this build of Switchboard knows ({SCHEMA_VERSION}): upgrade Switchboard to open it"
            ),
        ));
    }
    if version == SCHEMA_VERSION {
        return Ok(());
    }
    if version == 0 && has_tables(conn)? {
        return Err(not_a_portal());
    }
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    for sql in &MIGRATIONS[version as usize..] {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    tx.commit()?;
    Ok(())
}

fn has_tables(conn: &Connection) -> Result<bool> {
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
        [],
        |r| r.get(0),
    )?;
    Ok(n > 0)
}

pub fn not_a_portal() -> Error {
    Error::other(
        "not_a_portal",
        "the file is a SQLite database but not a Switchboard portal: check --db or SWITCHBOARD_DB, or create a portal with 'switchboard init'",
    )
}
