//! How every SQLite connection of a portal is set up.

use std::time::Duration;

use crate::error::{Error, Result};

/// SQLite's process-wide settings, before its first use here (a later call
/// changes nothing). Statement journals (the pages a multi-row UPDATE with
/// foreign keys on may have to undo) stay in memory up to 16 MiB, and are
/// dropped at each statement's end, instead of spilling to a file in
/// /var/tmp past 64 KiB: a sweep of 10 000 accounts wrote 12 862 such
/// pages there, a third of its time (issue 22, item 5).
pub fn configure_sqlite() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // SAFETY: sqlite3_config with an int is sound before SQLite is
        // initialised; afterwards it returns SQLITE_MISUSE and does nothing.
        unsafe {
            rusqlite::ffi::sqlite3_config(
                rusqlite::ffi::SQLITE_CONFIG_STMTJRNL_SPILL,
                16 << 20 as std::ffi::c_int,
            );
        }
    });
}

pub(super) fn configure(conn: &rusqlite::Connection) -> Result<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.pragma_update(None, "foreign_keys", true)?;
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(Error::other(
            "journal",
            crate::tr!("error-journal", mode = mode),
        ));
    }
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    // Room for every statement a sweep or a screen repeats (issue 22).
    conn.set_prepared_statement_cache_capacity(64);
    // The query planner's stability guarantee: a plan never depends on a
    // bound value. Without it, a statement whose parameter the planner
    // held against a partial index's condition was prepared again at every
    // new binding (rusqlite's cache clears bindings), the outbox's row
    // read among them: its cache was no cache (issue 22, item 4).
    conn.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
        true,
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use rusqlite::StatementStatus;

    /// A parameter the planner held against a partial index's condition:
    /// without QPSG, each new binding (rusqlite's cache clears them) made
    /// SQLite prepare the statement again.
    #[test]
    fn a_cached_statement_is_not_prepared_again_at_each_binding() {
        let dir = tempfile::tempdir().unwrap();
        let conn = rusqlite::Connection::open(dir.path().join("p.db")).unwrap();
        super::configure(&conn).unwrap();
        conn.execute_batch(
            "CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT); \
             CREATE INDEX t_pending ON t (s) WHERE s = 'pending'; \
             INSERT INTO t (s) VALUES ('pending'), ('done');",
        )
        .unwrap();
        let sql = "SELECT count(*) FROM t WHERE s = ?1";
        for value in ["pending", "done", "pending"] {
            let mut stmt = conn.prepare_cached(sql).unwrap();
            let _: i64 = stmt.query_row([value], |r| r.get(0)).unwrap();
            assert_eq!(stmt.get_status(StatementStatus::RePrepare), 0, "{value}");
        }
    }
}
