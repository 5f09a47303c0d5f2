//! Migrations: SQL files applied in one transaction under `PRAGMA user_version`.

use std::io::Read;
use std::path::Path;

use rusqlite::OpenFlags;

use super::db::{Connection, OptionalExtension};

use crate::error::{Error, Result};

/// Each entry brings the schema from version `index` to `index + 1`.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_portal.sql"),
    include_str!("migrations/002_ids_never_reused.sql"),
    include_str!("migrations/003_posts_in_tab_order.sql"),
    include_str!("migrations/004_outbox.sql"),
    include_str!("migrations/005_watch_hardening.sql"),
    include_str!("migrations/006_grants.sql"),
    include_str!("migrations/007_admin_settings.sql"),
];

/// The mark in every portal file's header (`PRAGMA application_id`, 'SWBD'),
/// set by migration 002: a program checks it before it touches a file.
pub const APPLICATION_ID: u32 = 0x5357_4244;

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub fn user_version(conn: &Connection) -> Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

/// The PostgreSQL schema's migrations, as SQLite's: each brings it from
/// version `index` to `index + 1`.
const POSTGRES_MIGRATIONS: &[&str] = &[
    include_str!("migrations/postgres/001_portal.sql"),
    include_str!("migrations/postgres/002_expired_deliveries.sql"),
    include_str!("migrations/postgres/003_grants.sql"),
    include_str!("migrations/postgres/004_admin_settings.sql"),
];

/// The PostgreSQL schema version this build writes.
pub const POSTGRES_SCHEMA_VERSION: i64 = POSTGRES_MIGRATIONS.len() as i64;

/// Makes an empty PostgreSQL database a portal: the schema, then `fill`
/// (its first rows), in one transaction. A database that holds tables
/// already is refused (exit 5), and left as it was.
pub fn create_postgres(
    conn: &Connection,
    fill: impl FnOnce(&Connection) -> Result<()>,
) -> Result<()> {
    conn.begin(super::db::Mode::Write)?;
    let made = (|| {
        let tables: i64 = conn.query_row(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()",
            [],
            |r| r.get(0),
        )?;
        if tables > 0 {
            return Err(Error::conflict(
                "exists",
                crate::tr!("error-postgres-not-empty"),
            ));
        }
        for sql in POSTGRES_MIGRATIONS {
            conn.execute_batch(sql)?;
        }
        conn.execute(
            "INSERT INTO switchboard_schema (version) VALUES (?1)",
            [POSTGRES_SCHEMA_VERSION],
        )?;
        fill(conn)
    })();
    match made {
        Ok(()) => conn.execute_batch("COMMIT"),
        Err(e) => {
            let _ = conn.execute_batch("ROLLBACK");
            Err(e)
        }
    }
}

/// The PostgreSQL migrations, in order (the benchmark's floor builds the
/// same schema).
pub fn postgres_migrations() -> &'static [&'static str] {
    POSTGRES_MIGRATIONS
}

/// A PostgreSQL portal's schema version: a database without Switchboard's
/// version table is not a portal.
fn postgres_version(conn: &Connection) -> Result<i64> {
    let not_a_portal = || Error::other("not_a_portal", crate::tr!("error-postgres-not-a-portal"));
    // One round trip (issue 22): a database without the table answers
    // "undefined table", outside any transaction, so nothing is aborted.
    match conn.query_row("SELECT max(version) FROM switchboard_schema", [], |r| {
        r.get::<_, Option<i64>>(0)
    }) {
        Ok(version) => version.ok_or_else(not_a_portal),
        Err(e) if e.code() == "not_a_portal" => Err(not_a_portal()),
        Err(e) => Err(e),
    }
}

/// Brings an existing portal up to `SCHEMA_VERSION`, all in one transaction.
pub fn migrate(conn: &Connection) -> Result<()> {
    if conn.is_postgres() {
        let version = postgres_version(conn)?;
        if version > POSTGRES_SCHEMA_VERSION {
            return Err(newer_schema(version, POSTGRES_SCHEMA_VERSION));
        }
        if version == POSTGRES_SCHEMA_VERSION {
            return Ok(());
        }
        conn.begin(super::db::Mode::Write)?;
        let applied = (|| {
            for sql in &POSTGRES_MIGRATIONS[version as usize..] {
                conn.execute_batch(sql)?;
            }
            conn.execute(
                "INSERT INTO switchboard_schema (version) VALUES (?1)",
                [POSTGRES_SCHEMA_VERSION],
            )?;
            Ok(())
        })();
        return match applied {
            Ok(()) => conn.execute_batch("COMMIT"),
            Err(e) => {
                let _ = conn.execute_batch("ROLLBACK");
                Err(e)
            }
        };
    }
    let version = user_version(conn)?;
    if version > SCHEMA_VERSION {
        return Err(newer_schema(version, SCHEMA_VERSION));
    }
    if version == SCHEMA_VERSION {
        return Ok(());
    }
    if version == 0 && has_tables(conn)? {
        return Err(not_a_portal());
    }
    // Tables are rebuilt (002), which SQLite allows only with foreign keys
    // off; they are checked before the one transaction commits.
    conn.execute_batch("PRAGMA foreign_keys = OFF")?;
    let migrated = apply(conn, version);
    if migrated.is_err() {
        let _ = conn.execute_batch("ROLLBACK");
    }
    conn.execute_batch("PRAGMA foreign_keys = ON")?;
    migrated
}

/// Every migration from `version` on, in one transaction (rolled back by
/// `migrate` on failure).
fn apply(tx: &Connection, version: i64) -> Result<()> {
    tx.begin(super::db::Mode::Write)?;
    for sql in &MIGRATIONS[version as usize..] {
        tx.execute_batch(sql)?;
    }
    if version < 2 {
        // 002's new column holds a rule's answer: computed row by row.
        super::accounts::fill_urgency(tx)?;
    }
    let broken: Option<String> = tx
        .query_row("PRAGMA foreign_key_check", [], |r| r.get(0))
        .optional()?;
    if let Some(table) = broken {
        return Err(Error::other(
            "corrupt",
            format!(
                "the portal database has rows in '{table}' that point at missing rows, so it cannot be upgraded: restore it from a backup"
            ),
        ));
    }
    tx.execute_batch(&format!("PRAGMA user_version = {SCHEMA_VERSION}"))?;
    tx.execute_batch("COMMIT")?;
    Ok(())
}

fn newer_schema(version: i64, known: i64) -> Error {
    Error::other(
        "newer_schema",
        format!(
            "the portal database has schema version {version}, newer than this build of Switchboard knows ({known}): upgrade Switchboard to open it"
        ),
    )
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
    Error::other("not_a_portal", crate::tr!("error-not-a-portal"))
}

/// Checks, by reading the file's header and changing nothing, that `path` is
/// a Switchboard portal, before anything (WAL mode, a migration) is written to
/// it. A portal made before the application id existed (schema 1) is
/// recognised by its tables, read through a read-only connection.
pub fn check_portal_file(path: &Path) -> Result<()> {
    let mut header = Vec::with_capacity(100);
    std::fs::File::open(path)
        .and_then(|file| file.take(100).read_to_end(&mut header))
        .map_err(|e| Error::other("io", format!("cannot read {}: {e}", path.display())))?;
    let read = header.len();
    if read == 0 {
        return Err(Error::other(
            "not_a_portal",
            format!(
                "{} is an empty file, not a portal database: point --db at a portal, or create one with 'switchboard init' at a new path",
                path.display()
            ),
        ));
    }
    if read < 100 || &header[..16] != b"SQLite format 3\0" {
        return Err(Error::other(
            "not_a_database",
            crate::tr!("error-not-sqlite", path = path.display().to_string()),
        ));
    }
    let word = |at: usize| {
        u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
    };
    let (user_version, application_id) = (word(60), word(68));
    if application_id == APPLICATION_ID {
        return Ok(());
    }
    if application_id != 0 || user_version == 0 {
        return Err(not_a_portal());
    }
    let probe = rusqlite::Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let tables: i64 = probe.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' \
         AND name IN ('portal', 'users', 'accounts', 'posts', 'notifications', 'audit')",
        [],
        |r| r.get(0),
    )?;
    if tables != 6 {
        return Err(not_a_portal());
    }
    Ok(())
}
