//! Drives the real binary on a temporary portal, as scripts do (CLI.md).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use serde_json::Value;

pub const ADMIN: &str = "ana@example.com";
pub const T0: &str = "2026-03-01T09:00:00Z";

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}): {}\nstderr: {}",
                self.stdout, self.stderr
            )
        })
    }

    pub fn ok(self) -> Run {
        assert_eq!(
            self.code, 0,
            "stdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        self
    }
}

pub struct TestPortal {
    pub dir: tempfile::TempDir,
    /// The portal's `--db`: a file in `dir`, or a PostgreSQL URL.
    pub db: PathBuf,
    /// The PostgreSQL database made for this portal, dropped with it.
    pub postgres: Option<String>,
}

/// Whether the tests' portals live on PostgreSQL
/// (`SWITCHBOARD_TEST_ENGINE=postgres`), each in a database of its own on
/// the server `SWITCHBOARD_TEST_POSTGRES` names (by default the local one,
/// through its socket, as root), else in SQLite files.
pub fn on_postgres() -> bool {
    ON_POSTGRES.with(|on| on.get())
        || std::env::var("SWITCHBOARD_TEST_ENGINE").as_deref() == Ok("postgres")
}

thread_local! {
    /// Set while a test's PostgreSQL twin runs (each test has its thread).
    static ON_POSTGRES: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `test` with its portals on PostgreSQL. Without a server to be had,
/// it says why and passes, except under CI (`CI=true`), where a missing
/// server is a failure: `.ci/run` starts one.
pub fn on_postgres_too(test: fn()) {
    if let Err(why) = postgres::Client::connect(&postgres_server(), postgres::NoTls) {
        let reason = format!(
            "no PostgreSQL server at {} ({why}); start one with 'pg_ctlcluster 15 main start' (see README, Test)",
            postgres_server()
        );
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!("CI=true: the PostgreSQL half never skips: {reason}");
        }
        // Once per test binary, past the harness's capture, so a run
        // without a server says why its PostgreSQL half did nothing.
        static SAID: std::sync::Once = std::sync::Once::new();
        SAID.call_once(|| {
            use std::io::Write;
            let _ = writeln!(std::io::stderr(), "PostgreSQL half skipped: {reason}");
        });
        return;
    }
    ON_POSTGRES.with(|on| on.set(true));
    test();
    ON_POSTGRES.with(|on| on.set(false));
}

/// A PostgreSQL twin of each named test (`mod on_postgres`), and a test
/// that no test of the file lacks one.
#[macro_export]
macro_rules! postgres_twins {
    ($file:literal: $($test:ident),+ $(,)?) => {
        mod on_postgres {
            $(
                #[test]
                #[cfg_attr(
                    no_postgres_server,
                    ignore = "no PostgreSQL server: start it with 'pg_ctlcluster 15 main start' (README, Test)"
                )]
                fn $test() {
                    $crate::common::on_postgres_too(super::$test);
                }
            )+

            #[test]
            fn every_test_of_the_file_has_its_postgres_twin() {
                let twins = [$(stringify!($test)),+];
                let source = include_str!($file);
                let mut lines = source.lines();
                while let Some(line) = lines.next() {
                    if line.trim() == "#[test]" {
                        let next = lines.next().unwrap_or("");
                        if let Some(name) = next.strip_prefix("fn ").and_then(|n| n.split('(').next()) {
                            assert!(twins.contains(&name), "{name} has no PostgreSQL twin in postgres_twins!");
                        }
                    }
                }
            }
        }
    };
}

/// The server the PostgreSQL portals are made on, as a URL to its
/// `postgres` database.
fn postgres_server() -> String {
    std::env::var("SWITCHBOARD_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://root@%2Fvar%2Frun%2Fpostgresql/postgres".into())
}

pub fn postgres_admin() -> postgres::Client {
    postgres::Client::connect(&postgres_server(), postgres::NoTls).unwrap_or_else(|e| {
        panic!(
            "SWITCHBOARD_TEST_ENGINE=postgres needs a server at {}: {e} (start it: pg_ctlcluster 15 main start)",
            postgres_server()
        )
    })
}

/// A new empty database, with the C collation: names sort as SQLite's
/// NOCASE sorts them.
fn new_postgres_database() -> (String, PathBuf) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    static SWEPT: std::sync::Once = std::sync::Once::new();
    SWEPT.call_once(drop_databases_of_ended_runs);
    let reused = EMPTIED.lock().unwrap_or_else(|e| e.into_inner()).pop();
    let name = reused.unwrap_or_else(|| {
        let name = format!(
            "sb_test_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        postgres_admin()
            .batch_execute(&format!(
                "CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'"
            ))
            .unwrap();
        name
    });
    let server = postgres_server();
    let base = server.rsplit_once('/').map_or(server.as_str(), |(b, _)| b);
    (name.clone(), PathBuf::from(format!("{base}/{name}")))
}

/// Every row of these tables of a SQLite file, as `table: a | b | c`.
pub fn sqlite_rows(path: &std::path::Path, tables: &[&str]) -> Vec<String> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut all = Vec::new();
    for table in tables {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY 1"))
            .unwrap();
        let n = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            let cells: Vec<String> = (0..n)
                .map(|i| format!("{:?}", row.get_ref(i).unwrap()))
                .collect();
            all.push(format!("{table}: {}", cells.join(" | ")));
        }
    }
    all
}

/// Says why a test of SQLite files is not run on PostgreSQL portals, and
/// whether to skip it.
pub fn sqlite_files_only(what: &str) -> bool {
    if on_postgres() {
        eprintln!("skipped on PostgreSQL: {what} is about SQLite files");
    }
    on_postgres()
}

impl TestPortal {
    /// A portal at a copy of this one's file (SQLite), or a new database
    /// (PostgreSQL, empty): for tests that compare two portals.
    /// No database yet, a SQLite file's path, whatever the engine.
    pub fn sqlite_file() -> TestPortal {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("portal.db");
        TestPortal {
            dir,
            db,
            postgres: None,
        }
    }

    pub fn at_file(db: PathBuf) -> TestPortal {
        TestPortal {
            dir: tempfile::tempdir().unwrap(),
            db,
            postgres: None,
        }
    }
}

/// The emptied databases a test process leaves when it ends, once that
/// process is gone.
fn drop_databases_of_ended_runs() {
    let mut admin = postgres_admin();
    let names: Vec<String> = admin
        .query(
            "SELECT datname::text FROM pg_database WHERE datname LIKE 'sb\\_test\\_%'",
            &[],
        )
        .map(|rows| rows.iter().map(|r| r.get(0)).collect())
        .unwrap_or_default();
    for name in names {
        let pid = name.split('_').nth(2).and_then(|p| p.parse::<u32>().ok());
        if pid.is_some_and(|pid| {
            pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists()
        }) {
            let _ = admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
        }
    }
}

/// Databases a finished test left, emptied for the next: a CREATE
/// DATABASE costs a quarter of a second of the server's time, emptying one
/// a few milliseconds (issue 19).
static EMPTIED: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

impl Drop for TestPortal {
    fn drop(&mut self) {
        let Some(name) = &self.postgres else { return };
        // Nothing of the test may still be connected, then nothing of its
        // portal may be left: the schema, its extension, its tables.
        let emptied = (|| -> Result<(), postgres::Error> {
            postgres_admin().batch_execute(&format!(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
                 WHERE datname = '{name}' AND pid <> pg_backend_pid()"
            ))?;
            let server = postgres_server();
            let base = server.rsplit_once('/').map_or(server.as_str(), |(b, _)| b);
            let mut client = postgres::Client::connect(&format!("{base}/{name}"), postgres::NoTls)?;
            client.batch_execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
        })();
        match emptied {
            Ok(()) => EMPTIED
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(name.clone()),
            Err(_) => {
                let _ = postgres_admin()
                    .batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
            }
        }
    }
}

impl TestPortal {
    /// A professional portal with Ana Ruiz as its super admin.
    pub fn new() -> TestPortal {
        TestPortal::initialised_at(T0)
    }

    /// A professional portal created at `now` with Ana Ruiz as super admin.
    pub fn initialised_at(now: &str) -> TestPortal {
        let portal = TestPortal::empty();
        portal.run(&acme_init(now)).ok();
        portal
    }

    /// No database yet, just its path.
    pub fn empty() -> TestPortal {
        let dir = tempfile::tempdir().unwrap();
        if on_postgres() {
            let (name, db) = new_postgres_database();
            return TestPortal {
                dir,
                db,
                postgres: Some(name),
            };
        }
        let db = dir.path().join("portal.db");
        TestPortal {
            dir,
            db,
            postgres: None,
        }
    }

    /// The binary on this portal, as `run` starts it (for a test that
    /// talks to it while it runs).
    pub fn command(&self, args: &[&str]) -> std::process::Command {
        let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin("switchboard"));
        command
            .env_remove("SWITCHBOARD_USER")
            .env("SWITCHBOARD_DB", &self.db)
            .env("TZ", "UTC")
            // English unless a test asks for another language (--lang).
            .env("SWITCHBOARD_LANG", "en")
            // Logs (written on errors) stay in the test's folder.
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            // The config file too (a test that needs one writes it there).
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .env_remove("SWITCHBOARD_LOG")
            .args(args);
        command
    }

    /// Writes the config file the binary reads.
    pub fn write_config(&self, text: &str) {
        let dir = self.dir.path().join("config").join("switchboard");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("config.toml"), text).unwrap();
    }

    pub fn run(&self, args: &[&str]) -> Run {
        let output = self.command(args).output().unwrap();
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Acts as `user` at `now`, with --json.
    pub fn act(&self, user: &str, now: &str, args: &[&str]) -> Run {
        let mut all = vec!["--json", "--as", user, "--now", now];
        all.extend_from_slice(args);
        self.run(&all)
    }

    /// Reads at `now` with --json, as nobody in particular.
    pub fn read(&self, now: &str, args: &[&str]) -> Value {
        let mut all = vec!["--json", "--now", now];
        all.extend_from_slice(args);
        self.run(&all).ok().json()
    }

    /// Connects an account as the admin and returns its id.
    pub fn connect(&self, network: &str, handle: &str, now: &str) -> i64 {
        self.connect_as(ADMIN, network, handle, now)
    }

    /// Connects an account as `user` and returns its id.
    pub fn connect_as(&self, user: &str, network: &str, handle: &str, now: &str) -> i64 {
        self.act(user, now, &["account", "connect", network, handle])
            .ok()
            .json()["id"]
            .as_i64()
            .unwrap()
    }

    /// Connects an account with a display name as the admin; returns its id.
    pub fn connect_named(&self, network: &str, handle: &str, name: &str, now: &str) -> i64 {
        self.act(
            ADMIN,
            now,
            &["account", "connect", network, handle, "--name", name],
        )
        .ok()
        .json()["id"]
            .as_i64()
            .unwrap()
    }

    pub fn schedule(&self, account: i64, now: &str, at: &str) -> i64 {
        self.act(
            ADMIN,
            now,
            &[
                "post",
                "schedule",
                &account.to_string(),
                "--at",
                at,
                "--text",
                "hello",
            ],
        )
        .ok()
        .json()["id"]
            .as_i64()
            .unwrap()
    }

    pub fn add_user(&self, email: &str, extra: &[&str]) {
        let mut args = vec!["user", "add", email, "--name", "Someone"];
        args.extend_from_slice(extra);
        self.act(ADMIN, T0, &args).ok();
    }

    /// Every row of every table, as text: the whole content of the portal.
    /// What a watch records after a delivery's last attempt: every
    /// delivery of the portal failed for good with `error`; their ids.
    pub fn fail_every_delivery(&self, error: &str) -> Vec<i64> {
        if let Some(mut client) = self.postgres() {
            client
                .execute(
                    "UPDATE deliveries SET status = 'failed', attempts = 8, last_error = $1",
                    &[&error],
                )
                .unwrap();
            return client
                .query("SELECT id FROM deliveries ORDER BY id", &[])
                .unwrap()
                .iter()
                .map(|r| r.get(0))
                .collect();
        }
        let conn = rusqlite::Connection::open(&self.db).unwrap();
        conn.execute(
            "UPDATE deliveries SET status = 'failed', attempts = 8, last_error = ?1",
            [error],
        )
        .unwrap();
        let mut stmt = conn
            .prepare("SELECT id FROM deliveries ORDER BY id")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .map(|id| id.unwrap())
            .collect()
    }

    /// Runs `sql` on the portal's database as another program (or an older
    /// release) would, past every check of ours.
    pub fn execute_raw(&self, sql: &str) {
        if let Some(mut client) = self.postgres() {
            client.batch_execute(sql).unwrap();
            return;
        }
        let conn = rusqlite::Connection::open(&self.db).unwrap();
        conn.execute_batch(sql).unwrap();
    }

    /// A client of this portal's PostgreSQL database, when it has one.
    pub fn postgres(&self) -> Option<postgres::Client> {
        self.postgres.as_ref()?;
        Some(
            postgres::Client::connect(self.db.to_str().unwrap(), postgres::NoTls)
                .expect("the test's PostgreSQL database"),
        )
    }

    pub fn dump(&self) -> String {
        if let Some(mut client) = self.postgres() {
            let mut text = String::new();
            for table in dumped_tables() {
                for message in client
                    .simple_query(&format!("SELECT * FROM {table} ORDER BY 1"))
                    .unwrap()
                {
                    if let postgres::SimpleQueryMessage::Row(row) = message {
                        let cells: Vec<String> = (0..row.len())
                            .map(|i| format!("{:?}", row.get(i)))
                            .collect();
                        text.push_str(&format!("{table}: {}\n", cells.join(" | ")));
                    }
                }
            }
            return text;
        }
        sqlite_rows(&self.db, &dumped_tables())
            .iter()
            .map(|row| format!("{row}\n"))
            .collect()
    }
}

/// `init` of the Acme portal, professional, with Ana Ruiz as super admin.
pub fn acme_init(now: &str) -> [&str; 11] {
    [
        "init",
        "--portal",
        "Acme Corp",
        "--tier",
        "professional",
        "--admin",
        ADMIN,
        "--admin-name",
        "Ana Ruiz",
        "--now",
        now,
    ]
}

/// Every file under a folder, at any depth.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(files_under(&path));
        } else {
            files.push(path);
        }
    }
    files
}

/// The tables a dump shows: all of the one description but the outbox,
/// whose leases move with the wall clock.
pub fn dumped_tables() -> Vec<&'static str> {
    switchboard::store::tables::TABLES
        .iter()
        .map(|t| t.name)
        .filter(|name| *name != "deliveries")
        .collect()
}

pub mod oauth;
pub mod tui;

/// The instant the Acme portal stands at.
pub const ACME_NOW: &str = "2026-03-01T09:00:00Z";

/// A portal with a history, run forward through the engine to ACME_NOW:
/// one account in its reminder week, one disconnected for inactivity, one
/// expired but still listed, one hidden, users of every role.
pub fn acme() -> TestPortal {
    from_template("acme", build_acme)
}

/// A fixture built once per test process and copied for each test (issue
/// 19: about twenty commands each time made most of the TUI tests' cost).
/// On PostgreSQL each test builds its own.
pub fn from_template(name: &str, build: fn() -> TestPortal) -> TestPortal {
    use std::collections::HashMap;
    use std::sync::Mutex;
    static TEMPLATES: Mutex<Option<HashMap<String, PathBuf>>> = Mutex::new(None);
    if on_postgres() {
        return build();
    }
    let template = {
        let mut templates = TEMPLATES.lock().unwrap_or_else(|e| e.into_inner());
        let templates = templates.get_or_insert_with(HashMap::new);
        templates
            .entry(name.to_string())
            .or_insert_with(|| {
                let built = build();
                // Everything in the file itself, nothing left in a -wal.
                rusqlite::Connection::open(&built.db)
                    .and_then(|c| c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)"))
                    .unwrap();
                let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fixtures");
                std::fs::create_dir_all(&dir).unwrap();
                remove_templates_of_ended_runs(&dir);
                let kept = dir.join(format!("{name}-{}.db", std::process::id()));
                std::fs::copy(&built.db, &kept).unwrap();
                kept
            })
            .clone()
    };
    let p = TestPortal::empty();
    std::fs::copy(&template, &p.db).unwrap();
    p
}

/// Templates left by test processes that have ended (their pid is gone).
fn remove_templates_of_ended_runs(dir: &Path) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let pid = name
            .rsplit_once('-')
            .and_then(|(_, rest)| rest.strip_suffix(".db"))
            .and_then(|pid| pid.parse::<u32>().ok());
        if let Some(pid) = pid
            && pid != std::process::id()
            && !Path::new(&format!("/proc/{pid}")).exists()
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

fn build_acme() -> TestPortal {
    let start = "2025-11-20T09:00:00Z";
    let p = TestPortal::initialised_at(start);
    let add = |email: &str, name: &str, extra: &[&str]| {
        let mut args = vec!["user", "add", email, "--name", name];
        args.extend_from_slice(extra);
        p.act(ADMIN, start, &args).ok();
    };
    add(
        "bo@example.com",
        "Bo Chen",
        &["--access", "all", "--publish"],
    );
    add(
        "cy@example.com",
        "Cy Park",
        &["--access", "own", "--publish"],
    );
    add("vi@example.com", "Vi Ortiz", &["--access", "own"]);
    let connect = |user: &str, at: &str, network: &str, handle: &str, name: &str| -> i64 {
        p.act(
            user,
            at,
            &["account", "connect", network, handle, "--name", name],
        )
        .ok()
        .json()["id"]
            .as_i64()
            .unwrap()
    };
    let old = connect(ADMIN, start, "facebook", "acmeold", "Acme Archive");
    let style = connect(
        "bo@example.com",
        start,
        "instagram",
        "acmestyle",
        "Acme Style",
    );
    let news = connect(ADMIN, start, "x", "acmenews", "Acme News");
    let careers = connect(ADMIN, start, "linkedin", "acmecareers", "Acme Careers");
    connect("bo@example.com", start, "youtube", "acmetv", "Acme TV");
    p.act(
        ADMIN,
        "2025-11-25T09:00:00Z",
        &["account", "disconnect", &old.to_string()],
    )
    .ok();
    let corp = connect(
        ADMIN,
        "2025-12-04T09:00:00Z",
        "facebook",
        "acmecorp",
        "Acme Corp",
    );
    let post = |user: &str, at: &str, account: i64, when: &str, text: &str| {
        p.act(
            user,
            at,
            &[
                "post",
                "schedule",
                &account.to_string(),
                "--at",
                when,
                "--text",
                text,
            ],
        )
        .ok();
    };
    post(
        ADMIN,
        "2025-12-04T09:00:00Z",
        corp,
        "2025-12-20T10:00:00Z",
        "Holiday opening hours",
    );
    post(
        "bo@example.com",
        "2025-12-04T09:00:00Z",
        corp,
        "2026-03-02T10:00:00Z",
        "Spring collection teaser",
    );
    post(
        ADMIN,
        "2025-12-04T09:00:00Z",
        corp,
        "2026-03-10T10:00:00Z",
        "Spring collection launch",
    );
    post(
        ADMIN,
        "2025-12-04T09:00:00Z",
        news,
        "2026-03-05T10:00:00Z",
        "Quarterly results thread",
    );
    post(
        ADMIN,
        "2025-12-04T09:00:00Z",
        careers,
        "2025-12-08T10:00:00Z",
        "We are hiring engineers",
    );
    p.act(
        ADMIN,
        "2025-12-04T09:00:00Z",
        &[
            "post",
            "draft",
            &corp.to_string(),
            "--text",
            "Idea: customer stories",
        ],
    )
    .ok();
    p.act(
        ADMIN,
        "2025-12-10T09:00:00Z",
        &["account", "disconnect", &careers.to_string()],
    )
    .ok();
    p.act(
        "bo@example.com",
        "2026-02-20T09:00:00Z",
        &["account", "reconnect", &style.to_string()],
    )
    .ok();
    p.run(&["clock", "set", ACME_NOW]).ok();
    p
}

/// Runs `script` with Python and the parsers of tests/python/site (a
/// parser we did not write), `input` on its stdin; its stdout as JSON.
pub fn python_json(script: &str, input: &[u8], what: &str) -> serde_json::Value {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut python = Command::new("python3")
        .arg("-c")
        .arg(script)
        .env(
            "PYTHONPATH",
            concat!(env!("CARGO_MANIFEST_DIR"), "/tests/python/site"),
        )
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    python.stdin.take().unwrap().write_all(input).unwrap();
    let output = python.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "{what} refused it: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}
