//! A write's floor made from what the write did (issue 22, item 5): the
//! rows it inserted, updated and deleted, table by table, read back by
//! comparing the portal after it with the portal before it, then written
//! again as plain statements (one per row) into a fresh copy. The least
//! work that leaves the same rows; it decides nothing and reads nothing.

use std::path::Path;

use rusqlite::types::Value;
use rusqlite::{Connection, params_from_iter};

/// What a write changed, as plain statements with their values.
pub struct Changes {
    statements: Vec<(String, Vec<Vec<Value>>)>,
    pub rows: usize,
}

fn columns(conn: &Connection, table: &str) -> Vec<String> {
    let mut stmt = conn
        .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn rows(conn: &Connection, sql: &str, width: usize) -> Vec<Vec<Value>> {
    let mut stmt = conn.prepare(sql).unwrap();
    stmt.query_map([], |r| (0..width).map(|i| r.get::<_, Value>(i)).collect())
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// The rows `after` holds that differ from `before`'s, for every table with
/// an `id` that the write touched.
pub fn changes(before: &Path, after: &Path) -> Changes {
    let conn = Connection::open(after).unwrap();
    conn.execute("ATTACH DATABASE ?1 AS before", [before.to_str().unwrap()])
        .unwrap();
    let tables: Vec<String> = {
        let mut stmt = conn
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table' \
                 AND name NOT LIKE 'sqlite_%' ORDER BY name",
            )
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let mut statements = Vec::new();
    let mut count = 0;
    for table in tables {
        let names = columns(&conn, &table);
        if !names.iter().any(|c| c == "id") {
            continue;
        }
        let list = names.join(", ");
        let width = names.len();
        let inserted = rows(
            &conn,
            &format!(
                "SELECT {list} FROM main.{table} WHERE id NOT IN (SELECT id FROM before.{table}) \
                 ORDER BY id"
            ),
            width,
        );
        let differs = names
            .iter()
            .map(|c| format!("n.{c} IS NOT o.{c}"))
            .collect::<Vec<_>>()
            .join(" OR ");
        let picked = names
            .iter()
            .map(|c| format!("n.{c}"))
            .collect::<Vec<_>>()
            .join(", ");
        let updated = rows(
            &conn,
            &format!(
                "SELECT {picked} FROM main.{table} n JOIN before.{table} o ON o.id = n.id \
                 WHERE {differs} ORDER BY n.id"
            ),
            width,
        );
        let deleted = rows(
            &conn,
            &format!(
                "SELECT id FROM before.{table} WHERE id NOT IN (SELECT id FROM main.{table}) \
                 ORDER BY id"
            ),
            1,
        );
        count += inserted.len() + updated.len() + deleted.len();
        if !deleted.is_empty() {
            statements.push((format!("DELETE FROM {table} WHERE id = ?1"), deleted));
        }
        if !updated.is_empty() {
            let sets = names
                .iter()
                .enumerate()
                .filter(|(_, c)| *c != "id")
                .map(|(i, c)| format!("{c} = ?{}", i + 1))
                .collect::<Vec<_>>()
                .join(", ");
            let id = names.iter().position(|c| c == "id").unwrap() + 1;
            statements.push((
                format!("UPDATE {table} SET {sets} WHERE id = ?{id}"),
                updated,
            ));
        }
        if !inserted.is_empty() {
            let marks = (1..=width)
                .map(|i| format!("?{i}"))
                .collect::<Vec<_>>()
                .join(", ");
            statements.push((
                format!("INSERT INTO {table} ({list}) VALUES ({marks})"),
                inserted,
            ));
        }
    }
    Changes {
        statements,
        rows: count,
    }
}

/// The same changes written into `path` in one transaction, with foreign
/// keys off (the write checked them), as plain prepared statements; the
/// pages it wrote to the WAL.
pub fn write(path: &Path, changes: &Changes) -> i64 {
    let conn = super::raw(path);
    conn.execute_batch("PRAGMA wal_autocheckpoint = 0; BEGIN IMMEDIATE")
        .unwrap();
    for (sql, rows) in &changes.statements {
        let mut stmt = conn.prepare_cached(sql).unwrap();
        for row in rows {
            stmt.execute(params_from_iter(row.iter())).unwrap();
        }
    }
    conn.execute_batch("COMMIT").unwrap();
    super::wal_frames(&conn)
}
