//! The database under the store: one API over the engines a portal can live
//! on, shaped like the part of rusqlite the store uses (`execute`,
//! `query_row`, `prepare_cached`, `Rows::next`, `Row::get`, `params!`,
//! `optional()`), so the store's SQL and decoding are written once. What
//! only one engine has (SQLite's pragmas, backups, the file) is reached
//! through `sqlite()`, by the store alone.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use crate::error::{Error, Result};

/// A connection to a portal's database.
pub struct Connection {
    engine: Engine,
}

/// What a transaction does: reads a snapshot, or writes under the lock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Read,
    Write,
}

enum Engine {
    Sqlite(rusqlite::Connection),
    Postgres(Box<Pg>),
}

/// A PostgreSQL session: the client, its statements prepared once (by
/// their SQLite text, translated), and what a transaction has done.
pub struct Pg {
    client: RefCell<postgres::Client>,
    statements: RefCell<HashMap<String, (postgres::Statement, Vec<String>)>>,
    /// This session's server process, once it listens: its own
    /// notifications are not news.
    backend_pid: Cell<Option<i32>>,
    /// How long a write waits for the write lock (`SET LOCAL` at BEGIN).
    lock_timeout_ms: Cell<u128>,
    /// How many other sessions' commits this one has heard of (LISTEN):
    /// PostgreSQL's stand-in for SQLite's `PRAGMA data_version`.
    heard: Cell<i64>,
    /// The open transaction writes (BEGIN IMMEDIATE): its commit notifies.
    writing: Cell<bool>,
    /// A statement of the open transaction changed a row: only then does
    /// its commit tell the listening sessions (issue 22).
    dirty: Cell<bool>,
    /// What the TLS handshake showed; None in clear (issue 23).
    tls: Option<super::pg_tls::ServerTls>,
}

/// The channel every portal write notifies, and every session listens on.
pub const CHANGES_CHANNEL: &str = "switchboard_changes";

/// The advisory lock every write transaction takes first: one writer at a
/// time, as SQLite's `BEGIN IMMEDIATE` gives ('SWBD' and 1).
const WRITE_LOCK: i64 = 0x5357_4244_0000_0001;

impl Connection {
    pub fn from_sqlite(conn: rusqlite::Connection) -> Connection {
        Connection {
            engine: Engine::Sqlite(conn),
        }
    }

    /// A session on a PostgreSQL server. Nothing is asked of the server
    /// yet (issue 22: a one-shot command is a few round trips): it listens
    /// for other sessions' changes from the first `data_version`, which
    /// only processes that wait (the TUI, watch) ask for.
    pub fn from_postgres(
        client: postgres::Client,
        tls: Option<super::pg_tls::ServerTls>,
    ) -> Result<Connection> {
        Ok(Connection {
            engine: Engine::Postgres(Box::new(Pg {
                client: RefCell::new(client),
                statements: RefCell::new(HashMap::new()),
                backend_pid: Cell::new(None),
                lock_timeout_ms: Cell::new(5_000),
                heard: Cell::new(0),
                writing: Cell::new(false),
                dirty: Cell::new(false),
                tls,
            })),
        })
    }

    /// What this session's TLS handshake showed: None on a file or in clear.
    pub fn server_tls(&self) -> Option<&super::pg_tls::ServerTls> {
        match &self.engine {
            Engine::Postgres(pg) => pg.tls.as_ref(),
            Engine::Sqlite(_) => None,
        }
    }

    /// The SQLite connection, for what only SQLite has.
    pub fn sqlite(&self) -> Option<&rusqlite::Connection> {
        match &self.engine {
            Engine::Sqlite(conn) => Some(conn),
            Engine::Postgres(_) => None,
        }
    }

    pub fn sqlite_mut(&mut self) -> Option<&mut rusqlite::Connection> {
        match &mut self.engine {
            Engine::Sqlite(conn) => Some(conn),
            Engine::Postgres(_) => None,
        }
    }

    /// Gives the SQLite connection back (closing it reports its errors).
    pub fn into_sqlite(self) -> Option<rusqlite::Connection> {
        match self.engine {
            Engine::Sqlite(conn) => Some(conn),
            Engine::Postgres(_) => None,
        }
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self.engine, Engine::Postgres(_))
    }

    /// How many commits of other connections this one has seen: it moves
    /// when someone else changed the portal, and only then (SQLite's
    /// `PRAGMA data_version`; PostgreSQL's notifications).
    pub fn data_version(&self) -> Result<i64> {
        match &self.engine {
            Engine::Sqlite(conn) => Ok(conn
                .prepare_cached("PRAGMA data_version")?
                .query_row([], |r| r.get(0))?),
            Engine::Postgres(pg) => {
                let mut client = pg.client.borrow_mut();
                let backend_pid = match pg.backend_pid.get() {
                    Some(pid) => pid,
                    None => {
                        let rows = client.simple_query(&format!(
                            "LISTEN {CHANGES_CHANNEL}; SELECT pg_backend_pid()"
                        ))?;
                        let pid = rows
                            .iter()
                            .find_map(|m| match m {
                                postgres::SimpleQueryMessage::Row(row) => row.get(0),
                                _ => None,
                            })
                            .and_then(|pid| pid.parse().ok())
                            .unwrap_or(0);
                        pg.backend_pid.set(Some(pid));
                        pid
                    }
                };
                let mut notifications = client.notifications();
                let mut news = 0;
                use postgres::fallible_iterator::FallibleIterator;
                // `iter()` does not read the socket until it is polled
                // again; a short wait does, and costs the caller little.
                let mut pending = notifications.timeout_iter(std::time::Duration::from_millis(2));
                while let Some(notification) = pending.next()? {
                    if notification.process_id() != backend_pid {
                        news += 1;
                    }
                }
                pg.heard.set(pg.heard.get() + news);
                Ok(pg.heard.get())
            }
        }
    }

    /// `COPY ... FROM STDIN` (PostgreSQL's text format): `write` gets the
    /// stream to write rows into (`copy_text::row`); one statement for a
    /// whole table, in the open transaction (issue 22: a round trip per
    /// row was 14.7 times slower).
    pub fn copy_in(
        &self,
        sql: &str,
        write: impl FnOnce(&mut dyn std::io::Write) -> Result<()>,
    ) -> Result<u64> {
        let Engine::Postgres(pg) = &self.engine else {
            return Err(postgres_only("COPY"));
        };
        let mut client = pg.client.borrow_mut();
        let mut writer = client.copy_in(sql)?;
        {
            let mut buffered = std::io::BufWriter::with_capacity(1 << 16, &mut writer);
            write(&mut buffered)?;
            std::io::Write::flush(&mut buffered).map_err(copy_failed)?;
        }
        let rows = writer.finish()?;
        pg.dirty.set(true);
        Ok(rows)
    }

    /// `COPY ... TO STDOUT` (text format): each line given to `each`.
    pub fn copy_out(&self, sql: &str, mut each: impl FnMut(&[u8]) -> Result<()>) -> Result<()> {
        let Engine::Postgres(pg) = &self.engine else {
            return Err(postgres_only("COPY"));
        };
        let mut client = pg.client.borrow_mut();
        let reader = client.copy_out(sql)?;
        let mut lines = std::io::BufReader::with_capacity(1 << 16, reader);
        let mut line = Vec::new();
        loop {
            line.clear();
            let read =
                std::io::BufRead::read_until(&mut lines, b'\n', &mut line).map_err(copy_failed)?;
            if read == 0 {
                return Ok(());
            }
            if line.last() == Some(&b'\n') {
                line.pop();
            }
            each(&line)?;
        }
    }

    /// How long a write waits for another writer before it says busy.
    pub fn set_busy_timeout(&self, wait: std::time::Duration) -> Result<()> {
        match &self.engine {
            Engine::Sqlite(conn) => Ok(conn.busy_timeout(wait)?),
            Engine::Postgres(pg) => {
                pg.lock_timeout_ms.set(wait.as_millis().max(1));
                Ok(())
            }
        }
    }

    pub fn execute<P: Params>(&self, sql: &str, params: P) -> Result<usize> {
        match &self.engine {
            // Cached on both engines (issue 22: the sweep re-parsed its SQL).
            Engine::Sqlite(conn) => sqlite_execute(&mut *conn.prepare_cached(sql)?, &params),
            Engine::Postgres(_) => self.prepare_cached(sql)?.execute(params),
        }
    }

    /// Begins a transaction: `Mode::Write` takes the portal's write lock at
    /// once (SQLite `BEGIN IMMEDIATE`; on PostgreSQL an advisory lock, and
    /// its commit tells every listening session), `Mode::Read` reads one
    /// snapshot without it (SQLite `BEGIN DEFERRED` under WAL; PostgreSQL
    /// REPEATABLE READ). Typed, so no caller spells the SQL (issue 19).
    pub fn begin(&self, mode: Mode) -> Result<()> {
        self.transaction_word(match mode {
            Mode::Write => "BEGIN IMMEDIATE",
            Mode::Read => "BEGIN DEFERRED",
        })
    }

    /// A statement that begins or ends a transaction: on SQLite prepared
    /// once and kept, as a watch runs thousands (issue 22); on PostgreSQL
    /// given its meaning by `execute_batch`.
    pub fn transaction_word(&self, sql: &str) -> Result<()> {
        match &self.engine {
            Engine::Sqlite(conn) => {
                conn.prepare_cached(sql)?.execute([])?;
                Ok(())
            }
            Engine::Postgres(_) => self.execute_batch(sql),
        }
    }

    /// Statements without parameters, separated by semicolons. On
    /// PostgreSQL, SQLite's transaction words are given their meaning:
    /// `BEGIN IMMEDIATE` takes the portal's write lock, a writing
    /// transaction's `COMMIT` tells every listening session.
    pub fn execute_batch(&self, sql: &str) -> Result<()> {
        match &self.engine {
            Engine::Sqlite(conn) => Ok(conn.execute_batch(sql)?),
            Engine::Postgres(pg) => {
                let mut client = pg.client.borrow_mut();
                match sql.trim() {
                    "BEGIN IMMEDIATE" => {
                        pg.writing.set(true);
                        pg.dirty.set(false);
                        client.batch_execute(&format!(
                            "BEGIN ISOLATION LEVEL READ COMMITTED; SET LOCAL lock_timeout = '{}ms'; \
                             SELECT pg_advisory_xact_lock({WRITE_LOCK})",
                            pg.lock_timeout_ms.get()
                        ))?;
                    }
                    "BEGIN DEFERRED" | "BEGIN" => {
                        pg.writing.set(false);
                        client.batch_execute("BEGIN ISOLATION LEVEL REPEATABLE READ")?;
                    }
                    "COMMIT" => {
                        // Only a commit that changed something is news.
                        if pg.writing.replace(false) & pg.dirty.replace(false) {
                            client.batch_execute(&format!("NOTIFY {CHANGES_CHANNEL}; COMMIT"))?;
                        } else {
                            client.batch_execute("COMMIT")?;
                        }
                    }
                    "ROLLBACK" => {
                        pg.writing.set(false);
                        client.batch_execute("ROLLBACK")?;
                    }
                    other if other.to_ascii_uppercase().starts_with("PRAGMA") => {
                        return Err(Error::other(
                            "sqlite_only",
                            format!("'{other}' is SQLite's, not PostgreSQL's"),
                        ));
                    }
                    other => {
                        // Savepoints change nothing; anything else may.
                        let upper = other.to_ascii_uppercase();
                        if !["SAVEPOINT", "RELEASE", "ROLLBACK TO"]
                            .iter()
                            .any(|word| upper.starts_with(word))
                        {
                            pg.dirty.set(true);
                        }
                        client.batch_execute(other)?
                    }
                }
                Ok(())
            }
        }
    }

    /// The first row `sql` returns, through `map`; no row is `no_row()`
    /// (see `OptionalExtension`).
    pub fn query_row<T, P: Params>(
        &self,
        sql: &str,
        params: P,
        map: impl FnOnce(&Row<'_>) -> Result<T>,
    ) -> Result<T> {
        self.prepare_cached(sql)?.query_row(params, map)
    }

    pub fn prepare(&self, sql: &str) -> Result<Statement<'_>> {
        match &self.engine {
            Engine::Sqlite(conn) => Ok(Statement::Sqlite(conn.prepare(sql)?)),
            Engine::Postgres(_) => self.prepare_cached(sql),
        }
    }

    /// Prepared once per connection and kept (the statement text is the key).
    pub fn prepare_cached(&self, sql: &str) -> Result<Statement<'_>> {
        match &self.engine {
            Engine::Sqlite(conn) => Ok(Statement::SqliteCached(conn.prepare_cached(sql)?)),
            Engine::Postgres(pg) => {
                if let Some((stmt, names)) = pg.statements.borrow().get(sql) {
                    return Ok(Statement::Postgres {
                        pg,
                        stmt: stmt.clone(),
                        names: names.clone(),
                    });
                }
                let (text, names) = super::placeholders::translate(sql)
                    .map_err(|why| Error::other("database", why))?;
                let stmt = pg.client.borrow_mut().prepare(&text)?;
                pg.statements
                    .borrow_mut()
                    .insert(sql.to_string(), (stmt.clone(), names.clone()));
                Ok(Statement::Postgres { pg, stmt, names })
            }
        }
    }

    /// The id of the row the last INSERT made.
    pub fn last_insert_rowid(&self) -> Result<i64> {
        match &self.engine {
            Engine::Sqlite(conn) => Ok(conn.last_insert_rowid()),
            // The identity sequence this session used last.
            Engine::Postgres(pg) => Ok(pg
                .client
                .borrow_mut()
                .query_one("SELECT lastval()", &[])?
                .get(0)),
        }
    }
}

pub use super::values::*;

/// A prepared statement.
pub enum Statement<'c> {
    Sqlite(rusqlite::Statement<'c>),
    SqliteCached(rusqlite::CachedStatement<'c>),
    Postgres {
        pg: &'c Pg,
        stmt: postgres::Statement,
        /// The `:name` parameters in the order of `$1`, `$2`, ...
        names: Vec<String>,
    },
}

impl<'c> Statement<'c> {
    pub fn execute<P: Params>(&mut self, params: P) -> Result<usize> {
        match self {
            Statement::Sqlite(stmt) => sqlite_execute(stmt, &params),
            Statement::SqliteCached(stmt) => sqlite_execute(stmt, &params),
            Statement::Postgres { pg, stmt, names } => {
                let values = params.postgres(names)?;
                let refs: Vec<&(dyn postgres::types::ToSql + Sync)> =
                    values.iter().map(|v| v as _).collect();
                let changed = pg.client.borrow_mut().execute(&*stmt, &refs)? as usize;
                if changed > 0 {
                    pg.dirty.set(true);
                }
                Ok(changed)
            }
        }
    }

    /// The rows, one at a time (streamed from SQLite; PostgreSQL's come
    /// whole, so listings there are paged by the store).
    pub fn query<P: Params>(&mut self, params: P) -> Result<Rows<'_>> {
        match self {
            Statement::Sqlite(stmt) => sqlite_query(stmt, &params),
            Statement::SqliteCached(stmt) => sqlite_query(stmt, &params),
            Statement::Postgres { pg, stmt, names } => {
                let values = params.postgres(names)?;
                let refs: Vec<&(dyn postgres::types::ToSql + Sync)> =
                    values.iter().map(|v| v as _).collect();
                let rows = pg.client.borrow_mut().query(&*stmt, &refs)?;
                Ok(Rows::Postgres { rows, next: 0 })
            }
        }
    }

    pub fn query_row<T, P: Params>(
        &mut self,
        params: P,
        map: impl FnOnce(&Row<'_>) -> Result<T>,
    ) -> Result<T> {
        let mut rows = self.query(params)?;
        match rows.next()? {
            Some(row) => map(&row),
            None => Err(no_row()),
        }
    }

    /// Every row through `map`, as an iterator.
    pub fn query_map<T, P: Params, F: FnMut(&Row<'_>) -> Result<T>>(
        &mut self,
        params: P,
        map: F,
    ) -> Result<MappedRows<'_, F>> {
        Ok(MappedRows {
            rows: self.query(params)?,
            map,
        })
    }
}

fn sqlite_execute<P: Params>(stmt: &mut rusqlite::Statement<'_>, params: &P) -> Result<usize> {
    Ok(match params.sqlite() {
        SqliteParams::Positional(values) => stmt.execute(values.as_slice())?,
        SqliteParams::Named(pairs) => stmt.execute(pairs.as_slice())?,
    })
}

fn sqlite_query<'s, P: Params>(
    stmt: &'s mut rusqlite::Statement<'_>,
    params: &P,
) -> Result<Rows<'s>> {
    let rows = match params.sqlite() {
        SqliteParams::Positional(values) => stmt.query(values.as_slice())?,
        SqliteParams::Named(pairs) => stmt.query(pairs.as_slice())?,
    };
    Ok(Rows::Sqlite(rows))
}

/// The rows of a query.
pub enum Rows<'s> {
    Sqlite(rusqlite::Rows<'s>),
    Postgres {
        rows: Vec<postgres::Row>,
        next: usize,
    },
}

impl Rows<'_> {
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> Result<Option<Row<'_>>> {
        match self {
            Rows::Sqlite(rows) => Ok(rows.next()?.map(Row::Sqlite)),
            Rows::Postgres { rows, next } => {
                let row = rows.get(*next);
                *next += 1;
                Ok(row.map(Row::Postgres))
            }
        }
    }
}

pub struct MappedRows<'s, F> {
    rows: Rows<'s>,
    map: F,
}

impl<T, F: FnMut(&Row<'_>) -> Result<T>> Iterator for MappedRows<'_, F> {
    type Item = Result<T>;

    fn next(&mut self) -> Option<Result<T>> {
        match self.rows.next() {
            Ok(Some(row)) => Some((self.map)(&row)),
            Ok(None) => None,
            Err(e) => Some(Err(e)),
        }
    }
}

/// One row.
pub enum Row<'r> {
    Sqlite(&'r rusqlite::Row<'r>),
    Postgres(&'r postgres::Row),
}

impl Row<'_> {
    /// Column `index`, decoded as `T` (a NULL only into an `Option`).
    pub fn get<I: ColumnIndex, T: FromColumn>(&self, index: I) -> Result<T> {
        match self {
            Row::Sqlite(row) => T::from_sqlite(row, index.index()),
            Row::Postgres(row) => T::from_postgres(row, index.index()),
        }
    }
}

/// The driver's errors in the app's words, here beside the driver (so
/// `error.rs` knows no store module).
impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Error {
        use rusqlite::ErrorCode;
        if matches!(e, rusqlite::Error::QueryReturnedNoRows) {
            return no_row();
        }
        let code = e.sqlite_error_code();
        match code {
            Some(ErrorCode::NotADatabase) => {
                Error::other("not_a_database", crate::tr!("error-not-a-database"))
            }
            Some(ErrorCode::ReadOnly) => Error::other("read_only", crate::tr!("error-read-only")),
            Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => {
                Error::other("busy", crate::tr!("error-busy"))
            }
            Some(ErrorCode::DiskFull) => crate::error::disk_full(),
            // SQLite reports most failed writes this way; `files::explain_
            // write_failure` tells a full disk or a file size limit apart.
            Some(ErrorCode::SystemIoFailure) => {
                Error::other("io_error", crate::tr!("error-io", why = e.to_string()))
            }
            Some(ErrorCode::DatabaseCorrupt) => {
                Error::other("corrupt", crate::tr!("error-corrupt"))
            }
            _ => Error::other(
                "database",
                crate::tr!("error-database", why = e.to_string()),
            ),
        }
    }
}

fn postgres_only(what: &str) -> Error {
    Error::other(
        "postgres_only",
        format!("{what} is PostgreSQL's, not SQLite's"),
    )
}

fn copy_failed(e: std::io::Error) -> Error {
    Error::other(
        "database",
        crate::tr!("error-postgres-failed", why = e.to_string()),
    )
}

impl From<postgres::Error> for Error {
    fn from(e: postgres::Error) -> Error {
        use postgres::error::SqlState;
        let code = e.code().cloned();
        let detail = e
            .as_db_error()
            .map(|db| db.message().to_string())
            .unwrap_or_else(|| e.to_string());
        // The driver's own reason is one level down ("invalid
        // configuration: password missing").
        let cause = std::error::Error::source(&e)
            .map(|s| s.to_string())
            .unwrap_or_default();
        if code.is_none() && cause.contains("password missing") {
            return Error::other(
                "postgres_login",
                crate::tr!(
                    "error-postgres-login",
                    why = crate::tr!("error-postgres-no-password")
                ),
            );
        }
        match code {
            Some(c) if c == SqlState::LOCK_NOT_AVAILABLE => {
                Error::other("busy", crate::tr!("error-busy"))
            }
            Some(c) if c == SqlState::INVALID_CATALOG_NAME => Error::not_found(
                "no_database",
                crate::tr!("error-postgres-no-database", why = detail),
            ),
            Some(c)
                if c == SqlState::INVALID_PASSWORD
                    || c == SqlState::INVALID_AUTHORIZATION_SPECIFICATION =>
            {
                Error::other(
                    "postgres_login",
                    crate::tr!("error-postgres-login", why = detail),
                )
            }
            Some(c) if c == SqlState::UNDEFINED_TABLE => super::schema::not_a_portal(),
            Some(c) if c == SqlState::DISK_FULL => crate::error::disk_full(),
            None if e.is_closed() || e.to_string().contains("connect") => Error::other(
                "postgres_unreachable",
                crate::tr!("error-postgres-unreachable", why = e.to_string()),
            ),
            _ => Error::other(
                "database",
                crate::tr!("error-postgres-failed", why = detail),
            ),
        }
    }
}
