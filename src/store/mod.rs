//! The portal database: a SQLite file through rusqlite (bundled), or a
//! PostgreSQL database, both behind `db::Connection`. Every command is one
//! write transaction (`BEGIN IMMEDIATE`; on PostgreSQL the portal's
//! advisory lock) that first brings the portal up to the command's instant
//! (R12), then runs the command; the lifecycle module decides every rule,
//! this module only reads and writes.

pub mod accounts;
pub mod actions;
pub mod audit;
pub mod certificate;
pub mod db;
pub mod digests;
pub mod engine_copy;
pub mod generate;
pub mod grant_actions;
pub mod grants;
pub mod location;
pub mod notifications;
pub mod outbox;
pub mod pg_connect;
pub mod pg_conventions;
pub mod pg_tls;
pub mod placeholders;
mod portal_row;
pub mod post_actions;
pub mod posts;
pub mod previews;
pub mod reading;
pub mod reads;
pub mod rows;
pub mod schema;
pub mod session;
pub mod settings_actions;
mod sqlite_settings;
pub mod sweep;
pub mod tables;
pub mod user_actions;
pub mod users;
pub mod values;
pub mod wal_owner;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::OpenFlags;

use db::{Connection, Mode};

use crate::clock::{Now, effective_now};
use crate::error::{Error, Result};
use crate::files::Identity;
use crate::lifecycle::{Instant, Tier, check_clock};

pub use location::{Location, location, without_secrets};
use pg_connect::connect_postgres;
pub use portal_row::instant_in;
use portal_row::{portal_info, portal_row};
pub use rows::{AccountRecord, PAGE, PostRecord, stream_pages};
use session::Attempting;
pub use session::Session;
use sqlite_settings::configure;
pub use sqlite_settings::configure_sqlite;
pub use sweep::SweepEvent;

/// The portal row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PortalInfo {
    pub name: String,
    pub tier: Tier,
    pub demo_clock: Option<Instant>,
    pub swept_until: Option<Instant>,
    /// The portal's time zone for people (issue 21), as stored (an IANA
    /// name); None: UTC.
    pub timezone: Option<String>,
    /// The reminders' leads (issue 21); the article's week when not set.
    pub reminders: crate::lifecycle::ReminderPlan,
    /// The earliest event any account has (the sweep's partial index: the
    /// subquery names its condition, or SQLite scans every account), so a
    /// command that only reads knows in the same round trip whether it
    /// must sweep (issue 22).
    pub next_event: Option<Instant>,
}

/// An open portal database.
pub struct Portal {
    conn: Connection,
    location: Location,
    /// The file opened, and its write-ahead log: a write is refused once the
    /// path names another file (replaced, moved, its `-wal` deleted).
    /// None on PostgreSQL: a server's database is not a file.
    opened: Option<Identity>,
    wal: Option<Identity>,
    /// Told how far each sweep is (a progress bar), when someone watches.
    sweep_progress: Option<Box<dyn FnMut(u64, u64)>>,
    /// The portal row as read with the schema's version at open, on
    /// PostgreSQL, for the first command if it only reads (issue 22: two
    /// round trips fewer); any other use of the portal drops it.
    first_info: Option<PortalInfo>,
}

impl Portal {
    /// Opens an existing portal. A missing file is an error (exit 4) and is
    /// never created.
    pub fn open(location: impl Into<Location>) -> Result<Portal> {
        configure_sqlite();
        let path = match location.into() {
            Location::Postgres(url) => return Portal::open_postgres(url),
            Location::File(path) => path,
        };
        let path = path.as_path();
        let shown = path.display();
        let meta = std::fs::metadata(path).map_err(|_| {
            Error::not_found(
                "no_database",
                crate::tr!("error-no-database", path = shown.to_string()),
            )
        })?;
        if meta.is_dir() {
            return Err(Error::usage(crate::tr!(
                "error-folder-not-database",
                path = shown.to_string()
            )));
        }
        if meta.permissions().readonly() {
            return Err(Error::other(
                "read_only",
                crate::tr!("error-read-only-file", path = shown.to_string()),
            ));
        }
        // Nothing is written to a file before it is known to be a portal,
        // nor a write-ahead log of another file applied to it.
        schema::check_portal_file(path)?;
        wal_owner::check(path, &wal_path(path))?;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = rusqlite::Connection::open_with_flags(path, flags)?;
        let opened = Identity::of(path).ok_or_else(|| replaced(path))?;
        configure(&conn)?;
        let conn = Connection::from_sqlite(conn);
        if schema::user_version(&conn)? == 0 {
            return Err(schema::not_a_portal());
        }
        schema::migrate(&conn)?;
        let mut portal = Portal {
            conn,
            location: Location::File(path.to_path_buf()),
            opened: Some(opened),
            wal: None,
            sweep_progress: None,
            first_info: None,
        };
        portal.info()?;
        portal.wal = Identity::of(&wal_path(path));
        Ok(portal)
    }

    /// Refuses to write when the path no longer names the file this portal
    /// opened, or its write-ahead log was deleted: writing then would go to
    /// a file nobody will read again, or corrupt the new one.
    pub fn check_still_the_same_file(&self) -> Result<()> {
        let Some(opened) = self.opened else {
            return Ok(());
        };
        let Some(path) = self.location.file() else {
            return Ok(());
        };
        let same = Identity::of(path) == Some(opened)
            && (self.wal.is_none() || Identity::of(&wal_path(path)) == self.wal);
        if same { Ok(()) } else { Err(replaced(path)) }
    }

    /// Creates a new portal file with its super admin, atomically: it is built
    /// beside the target and linked into place, so a crash leaves no half
    /// portal, and an existing file is never overwritten.
    pub fn create(
        path: &Path,
        portal_name: &str,
        tier: Tier,
        admin: &NewUser,
        now: Instant,
    ) -> Result<Portal> {
        Self::create_with(path, first_rows(portal_name, tier, admin, now))
    }

    /// Creates a new portal file, filled by `fill` inside one transaction
    /// (on PostgreSQL: in an empty database, schema and rows in one
    /// transaction).
    pub fn create_with(
        location: impl Into<Location>,
        fill: impl FnOnce(&Connection) -> Result<()>,
    ) -> Result<Portal> {
        configure_sqlite();
        let location = location.into();
        match &location {
            Location::Postgres(url) => {
                let conn = connect_postgres(url)?;
                schema::create_postgres(&conn, fill)?;
            }
            Location::File(path) => {
                build_then_link(path, |building| write_new_portal(building, fill))?;
            }
        }
        Portal::open(location)
    }

    /// A portal in a PostgreSQL database (`postgres://user@host/dbname`).
    fn open_postgres(url: String) -> Result<Portal> {
        let conn = connect_postgres(&url)?;
        // The portal row and the schema's version in one query; an older
        // schema (or no portal) goes the long way, through migrate.
        let first_info = match portal_row(&conn, true) {
            Ok((info, Some(version))) if version == schema::POSTGRES_SCHEMA_VERSION => Some(info),
            _ => {
                schema::migrate(&conn)?;
                None
            }
        };
        let portal = Portal {
            conn,
            location: Location::Postgres(url),
            opened: None,
            wal: None,
            sweep_progress: None,
            first_info,
        };
        // The portal row is read by the first command (a missing one says
        // "not a portal" there): reading it here too was a round trip more
        // for every command (issue 22).
        Ok(portal)
    }

    /// Creates a new portal file loaded with many rows by `fill` (generate):
    /// while the file is still a private build, it is written without a
    /// journal, the secondary indexes are built after the rows, and the
    /// page cache is large; then it is switched to WAL and linked into place.
    pub fn create_bulk(
        location: impl Into<Location>,
        fill: impl FnOnce(&Connection, &dyn Fn() -> Result<()>) -> Result<()>,
    ) -> Result<Portal> {
        configure_sqlite();
        let location = location.into();
        let Some(path) = location.file() else {
            return Err(sqlite_only("generate"));
        };
        build_then_link(path, |building| {
            let conn = rusqlite::Connection::open(building)?;
            // Safe only because nobody else can see the file yet: a crash
            // leaves a half build that is removed, never a half portal.
            conn.execute_batch(
                "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;",
            )?;
            conn.pragma_update(None, "foreign_keys", true)?;
            let tx = Connection::from_sqlite(conn);
            schema::migrate(&tx)?;
            let indexes: Vec<(String, String)> = {
                let mut stmt = tx.prepare(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL",
                )?;
                stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                    .collect::<Result<_>>()?
            };
            tx.begin(Mode::Write)?;
            for (name, _) in &indexes {
                tx.execute_batch(&format!("DROP INDEX \"{name}\""))?;
            }
            // `fill` rebuilds the indexes once the bulk rows are in, before
            // the work that reads through them.
            let rebuilt = std::cell::Cell::new(false);
            let rebuild = || -> Result<()> {
                if !rebuilt.replace(true) {
                    for (_, sql) in &indexes {
                        tx.execute_batch(sql)?;
                    }
                }
                Ok(())
            };
            fill(&tx, &rebuild)?;
            rebuild()?;
            tx.execute_batch("COMMIT")?;
            let conn = tx.into_sqlite().expect("a build is SQLite");
            configure(&conn)?;
            conn.close().map_err(|(_, e)| Error::from(e))?;
            Ok(())
        })?;
        Portal::open(path)
    }

    /// Makes the empty file `building` (from `files::build_then_link`) a new
    /// portal with its super admin, and opens it: for builds that go on
    /// through commands before the file is linked into place (the demo).
    pub fn create_in_build(
        building: &Path,
        portal_name: &str,
        tier: Tier,
        admin: &NewUser,
        now: Instant,
    ) -> Result<Portal> {
        write_new_portal(building, first_rows(portal_name, tier, admin, now))?;
        Portal::open(building)
    }

    /// Tells `report` how far every sweep of this portal is: `(accounts
    /// swept, accounts due)`.
    pub fn on_sweep_progress(&mut self, report: impl FnMut(u64, u64) + 'static) {
        self.sweep_progress = Some(Box::new(report));
    }

    /// Where the portal is (a worker opens its own connection there).
    pub fn place(&self) -> &Location {
        &self.location
    }

    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// A copy of the whole portal in memory (SQLite's backup API), to come
    /// back to with `restore`.
    pub fn snapshot(&self) -> Result<rusqlite::Connection> {
        let mut copy = rusqlite::Connection::open_in_memory()?;
        {
            let backup = rusqlite::backup::Backup::new(self.sqlite()?, &mut copy)?;
            backup.run_to_completion(256, Duration::ZERO, None)?;
        }
        Ok(copy)
    }

    /// Puts the portal back as it was in `snapshot`, in one step.
    pub fn restore(&mut self, snapshot: &rusqlite::Connection) -> Result<()> {
        self.check_still_the_same_file()?;
        let conn = self
            .conn
            .sqlite_mut()
            .ok_or_else(|| sqlite_only(&crate::tr!("word-rewind")))?;
        let backup = rusqlite::backup::Backup::new(snapshot, conn)?;
        backup.run_to_completion(256, Duration::ZERO, None)?;
        Ok(())
    }

    fn sqlite(&self) -> Result<&rusqlite::Connection> {
        self.conn
            .sqlite()
            .ok_or_else(|| sqlite_only(&crate::tr!("word-rewind")))
    }

    /// SQLite's `PRAGMA data_version` for this connection: it changes when
    /// another connection commits, and only then.
    pub fn data_version(&self) -> Result<i64> {
        self.conn.data_version()
    }

    /// Where the portal is, for people: its file, or its PostgreSQL URL
    /// without the password.
    pub fn location(&self) -> String {
        self.location.shown()
    }

    pub fn info(&self) -> Result<PortalInfo> {
        portal_info(&self.conn)
    }

    /// Runs one command as one transaction at the portal's effective instant
    /// (T4: `--now`, else the demo clock, else the system clock).
    pub fn run<T>(
        &mut self,
        now_flag: Option<Instant>,
        actor: Option<&str>,
        command: impl FnOnce(&mut Session<'_>) -> Result<T>,
    ) -> Result<T> {
        self.run_at(
            |info| Ok(effective_now(now_flag, info.demo_clock)),
            actor,
            command,
        )
    }

    /// Reads in a deferred transaction: no write lock, no sweep, so another
    /// process holding the lock never stalls it (WAL readers do not wait for
    /// writers). The portal is as the last sweep left it; a screen sweeps
    /// with `run` when it can (the TUI's catch-up).
    pub fn read<T>(
        &mut self,
        now_flag: Option<Instant>,
        actor: Option<&str>,
        command: impl FnOnce(&mut Session<'_>) -> Result<T>,
    ) -> Result<T> {
        self.first_info = None;
        let tx = Transaction::begin(&self.conn, Mode::Read)?;
        let info = portal_info(&tx)?;
        let now = effective_now(now_flag, info.demo_clock);
        let value = Session::reading(&tx, (now, info), actor).and_then(|mut s| command(&mut s))?;
        tx.commit()?;
        Ok(value)
    }

    /// A write transaction without a sweep or an actor, for the outbox's
    /// bookkeeping (a lease taken, an attempt's result): delivery state, not
    /// the portal's.
    pub fn write<T>(&mut self, work: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        self.first_info = None;
        self.check_still_the_same_file()?;
        let tx = Transaction::begin(&self.conn, Mode::Write)?;
        let value = work(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// How long a command waits for another process's write lock.
    pub fn set_busy_timeout(&self, wait: Duration) -> Result<()> {
        self.conn.set_busy_timeout(wait)
    }

    /// Like `run`, with the command's instant chosen from the portal row (the
    /// clock commands move the demo clock and sweep up to it).
    pub fn run_at<T>(
        &mut self,
        instant: impl FnOnce(&PortalInfo) -> Result<Now>,
        actor: Option<&str>,
        command: impl FnOnce(&mut Session<'_>) -> Result<T>,
    ) -> Result<T> {
        self.run_in_transaction(instant, actor, command)
            .map_err(|e| match self.location.file() {
                Some(path) => crate::files::explain_write_failure(e, path),
                None => e,
            })
    }

    fn run_in_transaction<T>(
        &mut self,
        instant: impl FnOnce(&PortalInfo) -> Result<Now>,
        actor: Option<&str>,
        command: impl FnOnce(&mut Session<'_>) -> Result<T>,
    ) -> Result<T> {
        self.first_info = None;
        self.check_still_the_same_file()?;
        let tx = Transaction::begin(&self.conn, Mode::Write)?;
        let info = portal_info(&tx)?;
        let now = instant(&info)?;
        // T4: refused before anything changes.
        check_clock(now.instant, info.swept_until)?;
        let swept = match self.sweep_progress.as_mut() {
            Some(report) => sweep::sweep_to_reporting(&tx, now.instant, Some(report.as_mut()))?,
            None => sweep::sweep_to(&tx, now.instant)?,
        };
        let actor = match actor {
            Some(email) => Some(users::require_by_email(&tx, email)?),
            None => None,
        };
        let info = portal_info(&tx)?;
        tx.execute_batch("SAVEPOINT command")?;
        let mut session = Session {
            conn: &tx,
            now,
            info,
            swept,
            actor,
            attempt: None,
            ended_grants: Vec::new(),
        };
        crate::zone::set(session.reader_zone());
        let outcome = command(&mut session);
        let attempt = session.attempt.take();
        let actor_email = session.actor.as_ref().map(|u| u.email.clone());
        match outcome {
            Ok(value) => {
                tx.execute_batch("RELEASE command")?;
                tx.commit()?;
                Ok(value)
            }
            Err(error) if error.is_refusal() => {
                // R10e: a refused action changes nothing, and is audited.
                tx.execute_batch("ROLLBACK TO command; RELEASE command")?;
                let attempt = attempt.unwrap_or(Attempting {
                    actor: None,
                    action: "command",
                    account: None,
                });
                let actor = attempt
                    .actor
                    .map(str::to_string)
                    .or(actor_email)
                    .unwrap_or_else(|| "unknown".into());
                audit::record(
                    &tx,
                    now.instant,
                    &actor,
                    attempt.action,
                    attempt.account,
                    audit::Outcome::Denied,
                    &error.to_string(),
                    None,
                )?;
                tx.commit()?;
                Err(error)
            }
            Err(error) => Err(error),
        }
    }
}

pub use crate::files::build_then_link;

impl Drop for Portal {
    /// A portal whose path now names another file closes without letting
    /// SQLite delete the `-wal` at that name: it may be the other file's
    /// (issue 17, item 3). Its own log is checkpointed through the file it
    /// holds open, whatever the names say now.
    fn drop(&mut self) {
        if self.opened.is_some()
            && self.check_still_the_same_file().is_err()
            && let Some(sqlite) = self.conn.sqlite()
        {
            wal_owner::keep_wal_on_close(sqlite);
        }
    }
}

/// The rows of a new portal: itself, its super admin, and the audit entry.
fn first_rows<'a>(
    portal_name: &'a str,
    tier: Tier,
    admin: &'a NewUser,
    now: Instant,
) -> impl FnOnce(&Connection) -> Result<()> + 'a {
    move |conn| {
        conn.execute(
            "INSERT INTO portal (id, name, tier) VALUES (1, ?1, ?2)",
            db::params![portal_name, tier.name()],
        )?;
        users::insert(conn, admin)?;
        audit::record(
            conn,
            now,
            &admin.email,
            "init",
            None,
            audit::Outcome::Ok,
            &format!(
                "portal '{portal_name}' created on {} with super admin {}",
                tier.name(),
                admin.email
            ),
            None,
        )?;
        Ok(())
    }
}

/// Writes the schema and `fill`'s rows into the new, empty file `building`,
/// in one transaction, and closes it.
fn write_new_portal(building: &Path, fill: impl FnOnce(&Connection) -> Result<()>) -> Result<()> {
    let conn = rusqlite::Connection::open(building)?;
    configure(&conn)?;
    let conn = Connection::from_sqlite(conn);
    schema::migrate(&conn)?;
    let tx = Transaction::begin(&conn, Mode::Write)?;
    fill(&tx)?;
    tx.commit()?;
    let conn = conn.into_sqlite().expect("a new portal file is SQLite");
    conn.close().map_err(|(_, e)| Error::from(e))?;
    Ok(())
}

/// A transaction of a `Mode`: committed by
/// `commit`, rolled back when dropped without it (a failure, a panic).
pub(crate) struct Transaction<'c> {
    conn: &'c Connection,
    done: bool,
    /// SQLite's count of changed rows when it began, for a write.
    changes_at_begin: Option<u64>,
}

impl<'c> Transaction<'c> {
    pub(crate) fn begin(conn: &'c Connection, mode: Mode) -> Result<Transaction<'c>> {
        conn.begin(mode)?;
        let changes_at_begin = match conn.sqlite() {
            Some(sqlite) if mode == Mode::Write => Some(sqlite.total_changes()),
            _ => None,
        };
        Ok(Transaction {
            conn,
            done: false,
            changes_at_begin,
        })
    }

    /// Commits; a SQLite write that changed rows marks its frames as this
    /// database's (store/wal_owner.rs). One that changed nothing writes
    /// nothing, so watches do not wake each other for nothing.
    pub(crate) fn commit(mut self) -> Result<()> {
        self.done = true;
        if let (Some(before), Some(sqlite)) = (self.changes_at_begin, self.conn.sqlite())
            && sqlite.total_changes() > before
            && has_wal_owner(sqlite)
        {
            self.conn.execute(wal_owner::TOUCH, [])?;
        }
        self.conn.transaction_word("COMMIT")
    }
}

/// Whether the portal has its WAL owner's row (migration 005 on).
fn has_wal_owner(sqlite: &rusqlite::Connection) -> bool {
    sqlite
        .prepare_cached("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'wal_owner'")
        .and_then(|mut s| s.exists([]))
        .unwrap_or(false)
}

impl std::ops::Deref for Transaction<'_> {
    type Target = Connection;

    fn deref(&self) -> &Connection {
        self.conn
    }
}

impl Drop for Transaction<'_> {
    fn drop(&mut self) {
        if !self.done {
            let _ = self.conn.transaction_word("ROLLBACK");
        }
    }
}

/// What only a SQLite portal can do (a rewind, generate, the demo).
pub fn sqlite_only(what: &str) -> Error {
    Error::other("sqlite_only", crate::tr!("error-sqlite-only", what = what))
}

fn wal_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push("-wal");
    PathBuf::from(name)
}

fn replaced(path: &Path) -> Error {
    Error::other(
        "portal_replaced",
        crate::tr!("error-portal-replaced", path = path.display().to_string()),
    )
}

/// A user to create.
#[derive(Clone, Debug)]
pub struct NewUser {
    pub email: String,
    pub name: String,
    pub super_admin: bool,
    pub access: crate::lifecycle::SocialAccess,
    pub can_publish: bool,
}
