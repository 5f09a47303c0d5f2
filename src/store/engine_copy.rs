//! `switchboard migrate --from A --to B`: a portal copied between engines
//! (SQLite to PostgreSQL, or back, or file to file), every table with its
//! ids, the id sequences set where the source had them (ids never reused,
//! R13), in one transaction on the new side, row counts checked before it
//! commits. The source is read in one transaction too, so the copy is of
//! one moment.

use super::db::{Connection, ToParam, Value};
pub use super::tables::TABLES;
use super::tables::Table;
use super::{Location, Portal, Transaction};
use crate::error::{Error, Result};

/// Rows read and written at a time.
const BATCH: i64 = 2_000;

/// What a copy moved: each table and its row count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Copied {
    pub from: String,
    pub to: String,
    pub tables: Vec<(&'static str, i64)>,
}

/// Copies the portal at `from` into `to`, which must not hold a portal
/// (a new file; an empty PostgreSQL database).
pub fn copy(from: &Location, to: &Location, mut progress: Option<Progress<'_>>) -> Result<Copied> {
    if from == to {
        return Err(Error::usage(crate::tr!("error-migrate-same")));
    }
    let source = Portal::open(from)?;
    let mut tables = Vec::new();
    let read = Transaction::begin(&source.conn, super::db::Mode::Read)?;
    let src: &Connection = &read;
    Portal::create_with(to, |target| {
        for Table {
            name: table,
            columns,
        } in TABLES
        {
            let expected: i64 =
                src.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
            let copied = copy_table(
                (src, target),
                (table, columns),
                expected.max(0) as u64,
                &mut progress,
            )?;
            let counted: i64 =
                target.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
            if copied != expected || counted != expected {
                return Err(Error::other(
                    "migrate_mismatch",
                    crate::tr!(
                        "error-migrate-mismatch",
                        table = *table,
                        expected = expected,
                        copied = counted
                    ),
                ));
            }
            // A table keyed by another's id (grants) has no sequence.
            if *table != "portal" && columns.contains(&"id") {
                set_sequence(target, table, sequence(src, table)?)?;
            }
            tables.push((*table, counted));
        }
        // The planner's statistics, so the first pages on the new server
        // use their indexes (autovacuum would, later).
        if target.is_postgres() {
            target.execute_batch("ANALYZE")?;
        }
        Ok(())
    })?;
    read.commit()?;
    Ok(Copied {
        from: from.shown(),
        to: to.shown(),
        tables,
    })
}

/// The columns that reach a terminal, a mail header or a log: what another
/// program or an older release wrote there is checked as the commands
/// check it, and a row that fails is named (issue 17, item 4).
const CHECKED: [(&str, &str); 5] = [
    ("portal", "name"),
    ("users", "name"),
    ("users", "email"),
    ("accounts", "name"),
    ("accounts", "handle"),
];

fn check_copied(table: &str, columns: &[&str], values: &[Value]) -> Result<()> {
    for (column, value) in columns.iter().zip(values) {
        let Value::Text(text) = value else { continue };
        if !CHECKED.contains(&(table, column)) {
            continue;
        }
        if let Some(what) = crate::present::first_unsafe_char(text) {
            let id = match values.first() {
                Some(Value::Integer(id)) => *id,
                _ => 0,
            };
            return Err(Error::invalid(
                "unsafe_row",
                crate::tr!(
                    "error-migrate-unsafe-row",
                    table = table,
                    id = id,
                    column = *column,
                    what = what
                ),
            ));
        }
    }
    Ok(())
}

/// Reports a table's progress: its name, rows copied, rows in all.
pub type Progress<'a> = &'a mut dyn FnMut(&str, u64, u64);

/// A table's rows by their key (the first column: `id`, or `account_id`
/// for grants); returns how many. Into PostgreSQL by one `COPY FROM
/// STDIN`, out of it by one `COPY TO STDOUT` into one prepared insert
/// (issue 22); between files, in batches.
fn copy_table(
    (src, dst): (&Connection, &Connection),
    (table, columns): (&str, &[&str]),
    total: u64,
    progress: &mut Option<Progress<'_>>,
) -> Result<i64> {
    let list = columns.join(", ");
    let key = columns[0];
    let marks: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
    let insert = format!("INSERT INTO {table} ({list}) VALUES ({})", marks.join(", "));
    let mut done = 0u64;
    let mut tell = |done: u64| {
        if let Some(report) = progress.as_mut()
            && (done.is_multiple_of(10_000) || done == total)
        {
            report(table, done, total);
        }
    };
    tell(0);
    if dst.is_postgres() && !src.is_postgres() {
        let mut select = src.prepare(&format!("SELECT {list} FROM {table} ORDER BY {key}"))?;
        let mut rows = select.query([])?;
        dst.copy_in(&format!("COPY {table} ({list}) FROM STDIN"), |out| {
            let mut line = Vec::with_capacity(256);
            while let Some(row) = rows.next()? {
                let values = (0..columns.len())
                    .map(|i| row.get::<_, Value>(i))
                    .collect::<Result<Vec<_>>>()?;
                check_copied(table, columns, &values)?;
                line.clear();
                copy_text::row(&values, &mut line);
                out.write_all(&line)
                    .map_err(|e| Error::other("database", e.to_string()))?;
                done += 1;
                tell(done);
            }
            Ok(())
        })?;
        return Ok(done as i64);
    }
    if src.is_postgres() && !dst.is_postgres() {
        let mut stmt = dst.prepare_cached(&insert)?;
        src.copy_out(
            &format!("COPY (SELECT {list} FROM {table} ORDER BY {key}) TO STDOUT"),
            |line| {
                let values = copy_text::fields(line)?;
                if values.len() != columns.len() {
                    return Err(super::rows::corrupt("copied row"));
                }
                check_copied(table, columns, &values)?;
                let params: Vec<&dyn ToParam> = values.iter().map(|v| v as &dyn ToParam).collect();
                stmt.execute(params.as_slice())?;
                done += 1;
                tell(done);
                Ok(())
            },
        )?;
        return Ok(done as i64);
    }
    let select = format!("SELECT {list} FROM {table} WHERE {key} > ?1 ORDER BY {key} LIMIT ?2");
    let mut after = i64::MIN;
    loop {
        let rows: Vec<Vec<Value>> = {
            let mut stmt = src.prepare_cached(&select)?;
            let mut rows = stmt.query(super::db::params![after, BATCH])?;
            let mut batch = Vec::new();
            while let Some(row) = rows.next()? {
                let values = (0..columns.len())
                    .map(|i| row.get::<_, Value>(i))
                    .collect::<Result<Vec<_>>>()?;
                batch.push(values);
            }
            batch
        };
        for values in &rows {
            check_copied(table, columns, values)?;
        }
        let Some(last) = rows.last() else { break };
        after = match last[0] {
            Value::Integer(id) => id,
            _ => return Err(super::rows::corrupt("id")),
        };
        let mut stmt = dst.prepare_cached(&insert)?;
        for values in &rows {
            let params: Vec<&dyn ToParam> = values.iter().map(|v| v as &dyn ToParam).collect();
            stmt.execute(params.as_slice())?;
            done += 1;
            tell(done);
        }
        if (rows.len() as i64) < BATCH {
            break;
        }
    }
    Ok(done as i64)
}

/// PostgreSQL's COPY text format: fields split by tabs, `\N` for NULL,
/// backslash escapes for the backslash and control characters.
mod copy_text {
    use super::Value;
    use crate::error::Result;

    /// One row, its line ending included.
    pub fn row(values: &[Value], out: &mut Vec<u8>) {
        for (i, value) in values.iter().enumerate() {
            if i > 0 {
                out.push(b'\t');
            }
            match value {
                Value::Null => out.extend_from_slice(b"\\N"),
                Value::Integer(n) => out.extend_from_slice(n.to_string().as_bytes()),
                Value::Real(x) => out.extend_from_slice(format!("{x:?}").as_bytes()),
                Value::Text(text) => {
                    for byte in text.bytes() {
                        match byte {
                            b'\\' => out.extend_from_slice(b"\\\\"),
                            b'\t' => out.extend_from_slice(b"\\t"),
                            b'\n' => out.extend_from_slice(b"\\n"),
                            b'\r' => out.extend_from_slice(b"\\r"),
                            other => out.push(other),
                        }
                    }
                }
            }
        }
        out.push(b'\n');
    }

    /// One line's fields: NULL, or the text (the target's column types
    /// read it: SQLite's INTEGER affinity takes `42` as a number).
    pub fn fields(line: &[u8]) -> Result<Vec<Value>> {
        line.split(|b| *b == b'\t')
            .map(|field| {
                if field == b"\\N" {
                    return Ok(Value::Null);
                }
                let mut text = Vec::with_capacity(field.len());
                let mut bytes = field.iter().copied();
                while let Some(byte) = bytes.next() {
                    if byte != b'\\' {
                        text.push(byte);
                        continue;
                    }
                    text.push(match bytes.next() {
                        Some(b't') => b'\t',
                        Some(b'n') => b'\n',
                        Some(b'r') => b'\r',
                        Some(b'b') => 8,
                        Some(b'f') => 12,
                        Some(b'v') => 11,
                        Some(other) => other,
                        None => b'\\',
                    });
                }
                String::from_utf8(text)
                    .map(Value::Text)
                    .map_err(|_| super::super::rows::corrupt("copied text"))
            })
            .collect()
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn copy_text_round_trips_nulls_numbers_and_control_characters() {
            let values = vec![
                Value::Integer(-42),
                Value::Null,
                Value::Text("tab\there\nback\\slash \\N".into()),
            ];
            let mut line = Vec::new();
            row(&values, &mut line);
            assert_eq!(line.pop(), Some(b'\n'));
            assert_eq!(
                fields(&line).unwrap(),
                vec![
                    Value::Text("-42".into()),
                    Value::Null,
                    Value::Text("tab\there\nback\\slash \\N".into()),
                ]
            );
        }
    }
}

/// The highest id a table ever gave: the sequence, not the highest row
/// (a removed account's id stays taken).
fn sequence(conn: &Connection, table: &str) -> Result<i64> {
    if conn.is_postgres() {
        let name: Option<String> =
            conn.query_row("SELECT pg_get_serial_sequence(?1, 'id')", [table], |r| {
                r.get(0)
            })?;
        let Some(name) = name else { return Ok(0) };
        return conn.query_row(
            &format!("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM {name}"),
            [],
            |r| r.get(0),
        );
    }
    let seq: Option<i64> = conn.query_row(
        "SELECT max(seq) FROM sqlite_sequence WHERE name = ?1",
        [table],
        |r| r.get(0),
    )?;
    let highest: Option<i64> =
        conn.query_row(&format!("SELECT max(id) FROM {table}"), [], |r| r.get(0))?;
    Ok(seq.unwrap_or(0).max(highest.unwrap_or(0)))
}

fn set_sequence(conn: &Connection, table: &str, value: i64) -> Result<()> {
    if conn.is_postgres() {
        if value > 0 {
            conn.query_row(
                &format!("SELECT setval(pg_get_serial_sequence('{table}', 'id'), ?1)"),
                [value],
                |r| r.get::<_, i64>(0),
            )?;
        }
        return Ok(());
    }
    conn.execute("DELETE FROM sqlite_sequence WHERE name = ?1", [table])?;
    if value > 0 {
        conn.execute(
            "INSERT INTO sqlite_sequence (name, seq) VALUES (?1, ?2)",
            super::db::params![table, value],
        )?;
    }
    Ok(())
}
