//! `cargo bench`: each operation timed through the project's own code and as
//! the raw SQL floor on the same file (the project's rusqlite and bundled
//! SQLite, the least work for the same rows), in the same run; one table of
//! medians (wall and CPU time), ratios and memory. Whole processes and the
//! TUI in a pseudo-terminal are in `speed/whole.rs`; a write's floor made
//! from the rows it changed, in `speed/replay.rs`.
//!
//! Size: `SWITCHBOARD_BENCH_ACCOUNTS` (default 1 000) and
//! `SWITCHBOARD_BENCH_POSTS` (default ten per account); runs per operation:
//! `SWITCHBOARD_BENCH_RUNS` (default 5). The generated portal is cached under
//! `target/bench-portals/`. `SWITCHBOARD_BENCH_ONLY=sweep,tui` runs only
//! those groups. CI runs the small size as a smoke test: it checks
//! that every ratio is computed, not that a target is met (this machine is
//! noisy; targets are read off the table).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags, params};
use switchboard::lifecycle::Tab;
use switchboard::lifecycle::time::{from_unix_seconds, parse_instant};
use switchboard::store::accounts::{self, Bound, ListCursor, ListFilter};
use switchboard::store::{Portal, actions, generate, posts, previews};

#[path = "speed/replay.rs"]
mod replay;
#[path = "speed/whole.rs"]
mod whole;

const NOW: &str = "2026-03-01T09:00:00Z";

/// What a listed post carries (the columns the project reads for a row).
const SAME_ROWS: &str = "p.id, p.account_id, p.status, p.cancel_cause, p.scheduled_at, \
     p.published_at, u.email, p.text, a.status, a.network, a.handle, a.name, u.name";

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// Wall time, and the CPU time it took (this process's and the children
/// it waited for): the machine is shared, so CPU says what wall time
/// cannot (issue 22, item 7).
#[derive(Clone, Copy, Debug)]
struct Measured {
    wall: Duration,
    cpu: Option<Duration>,
}

impl From<Duration> for Measured {
    fn from(wall: Duration) -> Measured {
        Measured { wall, cpu: None }
    }
}

/// CPU time so far of this process and of its waited-for children.
fn cpu_now() -> Duration {
    let used = |who| {
        // SAFETY: getrusage fills the struct it is given.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        unsafe { libc::getrusage(who, &mut usage) };
        let tv = |t: libc::timeval| {
            Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
        };
        tv(usage.ru_utime) + tv(usage.ru_stime)
    };
    used(libc::RUSAGE_SELF) + used(libc::RUSAGE_CHILDREN)
}

/// One run of `f`, wall and CPU.
fn measure<T>(f: impl FnOnce() -> T) -> (T, Measured) {
    let cpu = cpu_now();
    let started = Instant::now();
    let out = f();
    let wall = started.elapsed();
    let cpu = cpu_now().saturating_sub(cpu);
    (
        out,
        Measured {
            wall,
            cpu: Some(cpu),
        },
    )
}

fn median_of(runs: Vec<Measured>) -> Measured {
    let wall = median(runs.iter().map(|m| m.wall).collect());
    let cpus: Vec<Duration> = runs.iter().filter_map(|m| m.cpu).collect();
    Measured {
        wall,
        cpu: (!cpus.is_empty()).then(|| median(cpus)),
    }
}

/// Runs `f` `runs` times on a fresh `prepare()`d input; the medians.
fn time<T>(runs: u64, mut prepare: impl FnMut() -> T, mut f: impl FnMut(T)) -> Measured {
    median_of(
        (0..runs.max(1))
            .map(|_| {
                let input = prepare();
                measure(|| f(input)).1
            })
            .collect(),
    )
}

struct Row {
    work: String,
    project: Measured,
    floor: Measured,
    memory: Option<String>,
}

fn show(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms >= 100.0 {
        format!("{ms:.0} ms")
    } else if ms >= 1.0 {
        format!("{ms:.1} ms")
    } else {
        format!("{:.0} µs", ms * 1000.0)
    }
}

struct Bench {
    dir: PathBuf,
    base: PathBuf,
    runs: u64,
    rows: Vec<Row>,
    scratch: u64,
}

impl Bench {
    /// A fresh copy of the portal to write to.
    fn copy(&mut self) -> PathBuf {
        self.scratch += 1;
        let to = self.dir.join(format!("scratch-{}.db", self.scratch));
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", to.display()));
        }
        std::fs::copy(&self.base, &to).unwrap();
        to
    }

    fn add(&mut self, work: &str, project: impl Into<Measured>, floor: impl Into<Measured>) {
        self.rows.push(Row {
            work: work.into(),
            project: project.into(),
            floor: floor.into(),
            memory: None,
        });
    }
}

fn now() -> switchboard::lifecycle::Instant {
    parse_instant(NOW).unwrap()
}

fn raw(path: &Path) -> Connection {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE).unwrap();
    conn.busy_timeout(Duration::from_secs(5)).unwrap();
    conn
}

/// The cached generated portal of this size; building it is timed against
/// a raw bulk load of the same rows (the generate row).
fn portal(dir: &Path, accounts: u64, posts: u64, runs: u64) -> (PathBuf, Measured, Measured) {
    let base = dir.join(format!("portal-{accounts}-{posts}.db"));
    let build = |path: &Path| {
        let _ = std::fs::remove_file(path);
        measure(|| {
            generate::generate(
                path,
                &generate::Plan {
                    accounts: accounts as u32,
                    posts,
                    seed: 1,
                    now: Some(now()),
                },
                &mut |_, _, _| {},
            )
            .unwrap()
        })
        .1
    };
    let project = if base.exists() {
        // Cached: time one more build beside it, the cache stays.
        let fresh = dir.join("generate-timing.db");
        let d = build(&fresh);
        let _ = std::fs::remove_file(&fresh);
        d
    } else {
        build(&base)
    };
    let floor = time(
        runs.min(3),
        || {
            let path = dir.join("floor-load.db");
            let _ = std::fs::remove_file(&path);
            path
        },
        |path| raw_bulk_load(&base, &path),
    );
    let _ = std::fs::remove_file(dir.join("floor-load.db"));
    (base, project, floor)
}

/// The least work for the same file: the portal's own tables and indexes
/// (its schema, read from `source`), the same rows (read from `source`, the
/// generated portal) written with cached statements in one transaction, no
/// journal, secondary indexes built after the rows. What it leaves out is
/// what `generate` adds: drawing the rows and applying the rules to them.
fn raw_bulk_load(source: &Path, path: &Path) {
    let from = raw(source);
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(
        "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;",
    )
    .unwrap();
    let schema = |kind: &str| -> Vec<String> {
        let mut stmt = from
            .prepare(
                "SELECT sql FROM sqlite_master WHERE type = ?1 AND sql IS NOT NULL \
                 AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
            )
            .unwrap();
        stmt.query_map([kind], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    };
    for table in schema("table") {
        conn.execute_batch(&table).unwrap();
    }
    let tx = conn.unchecked_transaction().unwrap();
    for table in ["portal", "users", "accounts", "posts", "audit"] {
        // Stored columns only: a generated column is computed, not written.
        let columns: Vec<String> = {
            let mut stmt = from
                .prepare(&format!(
                    "SELECT name FROM pragma_table_xinfo('{table}') WHERE hidden = 0"
                ))
                .unwrap();
            stmt.query_map([], |r| r.get(0))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap()
        };
        let list = columns.join(", ");
        let marks = vec!["?"; columns.len()].join(", ");
        let mut read = from
            .prepare(&format!("SELECT {list} FROM {table} ORDER BY rowid"))
            .unwrap();
        let mut write = tx
            .prepare_cached(&format!("INSERT INTO {table} ({list}) VALUES ({marks})"))
            .unwrap();
        let mut rows = read.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            let values: Vec<rusqlite::types::Value> =
                (0..columns.len()).map(|i| row.get(i).unwrap()).collect();
            write
                .execute(rusqlite::params_from_iter(values.iter()))
                .unwrap();
        }
    }
    for index in schema("index") {
        tx.execute_batch(&index).unwrap();
    }
    tx.commit().unwrap();
}

fn list_sql(seek: bool) -> String {
    format!(
        "SELECT id, network, handle, name, status FROM accounts \
         WHERE (disconnected_at IS NULL OR disconnected_at > ?1) {} \
         ORDER BY network, name, id LIMIT 50",
        if seek {
            "AND (network, name, id) > (?2, ?3, ?4)"
        } else {
            "AND ?2 IS NULL AND ?3 IS NULL AND ?4 IS NULL"
        }
    )
}

fn floor_rows(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> usize {
    let mut stmt = conn.prepare_cached(sql).unwrap();
    let columns = stmt.column_count();
    let mut rows = stmt.query(params).unwrap();
    let mut n = 0;
    // Every column is read (SQLite decodes a column only when asked), as
    // the project's rows read them; nothing is copied out.
    while let Some(row) = rows.next().unwrap() {
        for i in 0..columns {
            std::hint::black_box(row.get_ref(i).unwrap());
        }
        n += 1;
    }
    n
}

fn cutoff() -> i64 {
    (now() - switchboard::lifecycle::time::days(90)).timestamp()
}

fn accounts_rows(b: &mut Bench) {
    let runs = b.runs;
    let base = b.base.clone();
    let project = time(
        runs,
        || (),
        |()| {
            let portal = Portal::open(&base).unwrap();
            let rows = accounts::window(
                portal.connection(),
                ListFilter::list(now()),
                Bound::Start,
                50,
            )
            .unwrap();
            assert!(!rows.is_empty());
        },
    );
    let floor = time(
        runs,
        || (),
        |()| {
            let conn = raw(&base);
            let n = floor_rows(
                &conn,
                &list_sql(false),
                params![cutoff(), None::<String>, None::<String>, None::<i64>],
            );
            assert!(n > 0);
        },
    );
    b.add("open + first page of accounts", project, floor);
    // Deep in the list: after the middle account.
    let conn = raw(&base);
    let middle: (String, String, i64) = conn
        .query_row(
            "SELECT network, name, id FROM accounts ORDER BY network, name, id LIMIT 1 OFFSET \
             (SELECT count(*) / 2 FROM accounts)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    let portal = Portal::open(&base).unwrap();
    let cursor = ListCursor {
        network: middle.0.clone(),
        name: middle.1.clone(),
        id: middle.2,
        urgent_at: 0,
    };
    let project = time(
        runs * 4,
        || (),
        |()| {
            accounts::window(
                portal.connection(),
                ListFilter::list(now()),
                Bound::After(&cursor),
                50,
            )
            .unwrap();
        },
    );
    let floor = time(
        runs * 4,
        || (),
        |()| {
            floor_rows(
                &conn,
                &list_sql(true),
                params![cutoff(), middle.0, middle.1, middle.2],
            );
        },
    );
    b.add("a keyset page deep in the Accounts list", project, floor);
}

fn publishing_rows(b: &mut Bench) {
    let runs = b.runs * 4;
    let portal = Portal::open(&b.base).unwrap();
    let conn = raw(&b.base);
    for tab in Tab::ALL {
        // Every tab lists by `listed_at` (migration 003), soonest first in
        // Scheduled, newest first elsewhere.
        let key = "p.listed_at";
        let desc = if tab == Tab::Scheduled { "" } else { " DESC" };
        let stream = |condition: &str, seek: &str| {
            format!(
                "SELECT {SAME_ROWS}, {key} AS listed FROM posts p JOIN accounts a ON a.id = p.account_id \
                 JOIN users u ON u.id = p.created_by \
                 WHERE {condition} {seek} ORDER BY {key}{desc}, p.id{desc} LIMIT 35"
            )
        };
        let floor_sql = |seek: &str| match tab {
            Tab::Scheduled => stream("p.status = 'scheduled' AND a.status = 'connected'", seek),
            Tab::Published => stream("p.status = 'published' AND a.status = 'connected'", seek),
            Tab::Drafts => stream("p.status = 'draft'", seek),
            // R5a: canceled posts, and scheduled posts of accounts that are
            // not connected; the same two streams, merged by SQLite.
            Tab::Canceled => format!(
                "SELECT * FROM (SELECT * FROM ({}) UNION ALL SELECT * FROM ({})) \
                 ORDER BY listed DESC, 1 DESC LIMIT 35",
                stream("p.status = 'canceled'", seek),
                stream("p.status = 'scheduled' AND a.status != 'connected'", seek)
            ),
        };
        let first_floor = floor_sql("AND ?1 IS NULL AND ?2 IS NULL");
        let project = time(
            runs,
            || (),
            |()| {
                posts::tab_page(portal.connection(), tab, None, 35).unwrap();
            },
        );
        let floor = time(
            runs,
            || (),
            |()| {
                floor_rows(&conn, &first_floor, params![None::<i64>, None::<i64>]);
            },
        );
        b.add(
            &format!("Publishing · {} · first page", tab.name()),
            project,
            floor,
        );
        // Twenty pages in.
        let mut cursor = None;
        for _ in 0..20 {
            match posts::tab_page(portal.connection(), tab, cursor, 35)
                .unwrap()
                .last()
            {
                Some(last) => cursor = Some(last.cursor),
                None => break,
            }
        }
        let Some(cursor) = cursor else { continue };
        let op = if desc.is_empty() { ">" } else { "<" };
        let deep_floor = floor_sql(&format!("AND ({key}, p.id) {op} (?1, ?2)"));
        let project = time(
            runs,
            || (),
            |()| {
                posts::tab_page(portal.connection(), tab, Some(cursor), 35).unwrap();
            },
        );
        let floor = time(
            runs,
            || (),
            |()| {
                floor_rows(&conn, &deep_floor, params![cursor.0, cursor.1]);
            },
        );
        b.add(
            &format!("Publishing · {} · page 21", tab.name()),
            project,
            floor,
        );
    }
}

/// Times a read through the project against its floor query, and adds the row.
fn read_pair(
    b: &mut Bench,
    work: &str,
    mut project: impl FnMut(),
    conn: &Connection,
    floor_sql: &str,
    floor_params: &[&dyn rusqlite::ToSql],
) {
    let runs = b.runs * 4;
    let project = time(runs, || (), |()| project());
    let floor = time(
        runs,
        || (),
        |()| {
            floor_rows(conn, floor_sql, floor_params);
        },
    );
    b.add(work, project, floor);
}

fn filtered_rows(b: &mut Bench) {
    let conn = raw(&b.base);
    let account: i64 = conn
        .query_row(
            "SELECT account_id FROM posts GROUP BY account_id ORDER BY count(*) DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let mut portal = Portal::open(&b.base).unwrap();
    let rows = |condition: &str| {
        format!(
            "SELECT {SAME_ROWS} FROM posts p JOIN accounts a ON a.id = p.account_id \
             JOIN users u ON u.id = p.created_by WHERE {condition} ORDER BY p.id LIMIT 50"
        )
    };
    let post_page = |portal: &Portal, tab, account| {
        posts::page(portal.connection(), tab, account, None, 50).unwrap();
    };
    read_pair(
        b,
        "post list --tab scheduled (first 50)",
        || post_page(&portal, Some(Tab::Scheduled), None),
        &conn,
        &rows("p.status = 'scheduled' AND a.status = 'connected'"),
        &[],
    );
    read_pair(
        b,
        "post list --tab canceled (first 50)",
        || post_page(&portal, Some(Tab::Canceled), None),
        &conn,
        // R5a: the same two streams by id, merged by SQLite.
        &format!(
            "SELECT * FROM (SELECT * FROM ({}) UNION ALL SELECT * FROM ({})) ORDER BY 1 LIMIT 50",
            rows("p.status = 'canceled'"),
            rows("p.status = 'scheduled' AND a.status != 'connected'")
        ),
        &[],
    );
    read_pair(
        b,
        "post list --account (its posts)",
        || post_page(&portal, None, Some(account)),
        &conn,
        &rows("p.account_id = ?1"),
        &[&account],
    );
    read_pair(
        b,
        "audit --account",
        || {
            switchboard::store::audit::for_each(portal.connection(), Some(account), |_| Ok(()))
                .unwrap();
        },
        &conn,
        "SELECT id, at, detail FROM audit WHERE account_id = ?1 ORDER BY at, id",
        &[&account],
    );
    read_pair(
        b,
        "account detail",
        || {
            portal
                .read(Some(now()), Some(generate::ADMIN_EMAIL), |s| {
                    previews::detail(s, account)
                })
                .unwrap();
        },
        &conn,
        "SELECT status, count(*) FROM posts WHERE account_id = ?1 GROUP BY status",
        &[&account],
    );
}

/// An account connected now with `count` scheduled posts, on a fresh copy.
fn with_scheduled_posts(b: &mut Bench, count: i64) -> (PathBuf, i64) {
    let path = b.copy();
    let mut portal = Portal::open(&path).unwrap();
    let id = portal
        .run(Some(now()), Some(generate::ADMIN_EMAIL), |s| {
            actions::connect(
                s,
                switchboard::lifecycle::Network::Facebook,
                "bench-heavy",
                None,
            )
        })
        .unwrap()
        .account
        .account
        .id;
    let conn = raw(&path);
    conn.execute(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?2) \
         INSERT INTO posts (account_id, status, scheduled_at, created_by, created_at, text) \
         SELECT ?1, 'scheduled', ?3 + i * 60, 1, ?3, 'heavy' FROM n",
        params![id, count, now().timestamp() + 86_400],
    )
    .unwrap();
    (path, id)
}

fn disconnect_rows(b: &mut Bench) {
    for count in [200, 20_000] {
        let runs = b.runs.min(3);
        let mut prepared = Vec::new();
        for _ in 0..runs {
            prepared.push(with_scheduled_posts(b, count));
        }
        let mut inputs = prepared.clone().into_iter();
        let project = time(
            runs,
            || inputs.next().unwrap(),
            |(path, id)| {
                let mut portal = Portal::open(&path).unwrap();
                portal
                    .run(Some(now()), Some(generate::ADMIN_EMAIL), |s| {
                        actions::disconnect(s, id, None)
                    })
                    .unwrap();
            },
        );
        let mut inputs = prepared.clone().into_iter();
        let reconnect = time(
            runs,
            || inputs.next().unwrap(),
            |(path, id)| {
                let mut portal = Portal::open(&path).unwrap();
                portal
                    .run(Some(now()), Some(generate::ADMIN_EMAIL), |s| {
                        actions::reconnect(s, id, None)
                    })
                    .unwrap();
            },
        );
        let mut fresh = Vec::new();
        for _ in 0..runs {
            fresh.push(with_scheduled_posts(b, count));
        }
        let mut inputs = fresh.into_iter();
        let floor = time(
            runs,
            || inputs.next().unwrap(),
            |(path, id)| {
                let conn = raw(&path);
                conn.execute_batch("BEGIN IMMEDIATE").unwrap();
                conn.execute(
                    "UPDATE accounts SET status = 'disconnected', disconnect_reason = 'manual', \
                 disconnected_at = ?2 WHERE id = ?1",
                    params![id, now().timestamp()],
                )
                .unwrap();
                conn.execute_batch("COMMIT").unwrap();
            },
        );
        b.add(
            &format!("disconnect, {count} scheduled posts"),
            project,
            floor,
        );
        b.add(
            &format!("reconnect, {count} scheduled posts"),
            reconnect,
            floor,
        );
    }
}

fn sweep_rows(b: &mut Bench) {
    let runs = b.runs.min(3);
    let base = b.base.clone();
    let project = time(
        runs,
        || (),
        |()| {
            let mut portal = Portal::open(&base).unwrap();
            portal.run(Some(now()), None, |_| Ok(())).unwrap();
        },
    );
    let floor = time(
        runs,
        || (),
        |()| {
            let conn = raw(&base);
            conn.execute_batch("BEGIN IMMEDIATE").unwrap();
            let _: Option<i64> = conn
                .query_row(
                    "SELECT min(next_event_at) FROM accounts WHERE next_event_at IS NOT NULL",
                    [],
                    |r| r.get(0),
                )
                .unwrap();
            conn.execute_batch("COMMIT").unwrap();
        },
    );
    b.add("sweep with nothing due", project, floor);
    // A tenth of the accounts due.
    let conn = raw(&base);
    let tenth: i64 = conn
        .query_row(
            "SELECT next_event_at FROM accounts WHERE next_event_at IS NOT NULL \
             ORDER BY next_event_at LIMIT 1 OFFSET (SELECT count(*) / 10 FROM accounts)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let until = from_unix_seconds(tenth).unwrap();
    let mut events = 0;
    let copies: Vec<PathBuf> = (0..runs).map(|_| b.copy()).collect();
    let mut inputs = copies.clone().into_iter();
    let mut project_pages = 0;
    let project = time(
        runs,
        || inputs.next().unwrap(),
        |path| {
            let mut portal = Portal::open(&path).unwrap();
            // Every page the sweep writes stays in the WAL until counted.
            portal
                .connection()
                .sqlite()
                .unwrap()
                .execute_batch("PRAGMA wal_autocheckpoint = 0")
                .unwrap();
            events = portal
                .run(Some(until), None, |s| Ok(s.swept.len()))
                .unwrap();
            project_pages = wal_frames(portal.connection().sqlite().unwrap());
        },
    );
    // The floor: the rows the sweep changed (every table's inserts, updates
    // and deletes), written again as plain statements into a fresh copy.
    let changes = replay::changes(&b.base, &copies[0]);
    let mut floor_pages = 0;
    let fresh: Vec<PathBuf> = (0..runs).map(|_| b.copy()).collect();
    let mut inputs = fresh.into_iter();
    let floor = time(
        runs,
        || inputs.next().unwrap(),
        |path| {
            floor_pages = replay::write(&path, &changes);
        },
    );
    b.rows.push(Row {
        work: format!(
            "sweep with a tenth due ({events} events, {} rows changed) vs its rows written plainly",
            changes.rows
        ),
        project,
        floor,
        memory: Some(format!("WAL pages {project_pages} vs {floor_pages}")),
    });
}

/// The pages written to the WAL since the last checkpoint.
fn wal_frames(conn: &Connection) -> i64 {
    conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| r.get(1))
        .unwrap()
}

/// Waits for a child and returns its peak resident memory in KiB, read from
/// its own `VmHWM` while it runs (the kernel's rusage would count the pages
/// it shared with this process before `exec`).
fn wait_peak(mut child: std::process::Child) -> Option<u64> {
    let status = format!("/proc/{}/status", child.id());
    let mut peak = None;
    loop {
        if let Ok(text) = std::fs::read_to_string(&status)
            && let Some(kib) = text
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        {
            peak = Some(peak.unwrap_or(0).max(kib));
        }
        if child.try_wait().ok()?.is_some() {
            return peak;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn memory_rows(b: &mut Bench) {
    // `sweep --json` catching up a month, through the real binary.
    let path = b.copy();
    let until = "2026-03-31T09:00:00Z";
    // Each on its own copy: the first sweep would leave nothing for the other.
    let run = |path: &Path, json: bool| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_switchboard"));
        command
            .args(["--db", path.to_str().unwrap(), "--now", until, "sweep"])
            .stdout(std::process::Stdio::null());
        if json {
            command.arg("--json");
        }
        let (peak, took) = measure(|| wait_peak(command.spawn().unwrap()));
        (took, peak)
    };
    let (json_time, json_peak) = run(&path, true);
    let (plain_time, plain_peak) = run(&b.copy(), false);
    b.rows.push(Row {
        work: "sweep catching up 30 days: --json vs human output".into(),
        project: json_time,
        floor: plain_time,
        memory: Some(format!(
            "{:.1} / {:.1} MiB",
            json_peak.unwrap_or(0) as f64 / 1024.0,
            plain_peak.unwrap_or(0) as f64 / 1024.0
        )),
    });
}

/// An SMTP sink on loopback for the delivery row: accepts every mail,
/// counts them. Returns its port and the count.
fn smtp_sink() -> (u16, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    use std::io::{BufRead, Write};
    use std::sync::atomic::Ordering;
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let count = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counted = std::sync::Arc::clone(&count);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let counted = std::sync::Arc::clone(&counted);
            std::thread::spawn(move || {
                let mut writer = stream.try_clone().unwrap();
                let mut reader = std::io::BufReader::new(stream);
                let _ = writer.write_all(b"220 sink ESMTP\r\n");
                let mut line = String::new();
                let mut in_data = false;
                while reader.read_line(&mut line).unwrap_or(0) > 0 {
                    let reply: &[u8] = if in_data {
                        if line == ".\r\n" {
                            in_data = false;
                            counted.fetch_add(1, Ordering::SeqCst);
                            b"250 queued\r\n"
                        } else {
                            b""
                        }
                    } else if line.starts_with("EHLO") {
                        b"250-sink\r\n250 8BITMIME\r\n"
                    } else if line.starts_with("DATA") {
                        in_data = true;
                        b"354 go\r\n"
                    } else if line.starts_with("QUIT") {
                        let _ = writer.write_all(b"221 bye\r\n");
                        break;
                    } else {
                        b"250 ok\r\n"
                    };
                    if !reply.is_empty() && writer.write_all(reply).is_err() {
                        break;
                    }
                    line.clear();
                }
            });
        }
    });
    (port, count)
}

/// The watch delivering a catch-up's reminders by email, against a raw
/// client sending as many mails of the same size over one connection to
/// the same sink (issue 22: a connection per mail was 2.4 times slower).
fn delivery_rows(b: &mut Bench) {
    use std::io::{BufRead, Write};
    use std::sync::atomic::Ordering;
    let exe = env!("CARGO_BIN_EXE_switchboard");
    let path = b.copy();
    let dir = b.dir.join("delivery-home");
    let _ = std::fs::remove_dir_all(&dir);
    let (port, sent) = smtp_sink();
    std::fs::create_dir_all(dir.join("config/switchboard")).unwrap();
    std::fs::write(
        dir.join("config/switchboard/config.toml"),
        format!(
            "[email]\nhost = \"127.0.0.1\"\nport = {port}\nsecurity = \"none\"\nfrom = \"Switchboard <switchboard@bench.test>\"\n"
        ),
    )
    .unwrap();
    let command = |args: &[&str]| {
        let mut c = std::process::Command::new(exe);
        c.args(["--db", path.to_str().unwrap()])
            .args(args)
            .env("SWITCHBOARD_LANG", "en")
            .env("XDG_CONFIG_HOME", dir.join("config"))
            .env("XDG_DATA_HOME", dir.join("data"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        c
    };
    let ok = |args: &[&str]| assert!(command(args).status().unwrap().success(), "{args:?}");
    let admin = generate::ADMIN_EMAIL;
    ok(&[
        "--as",
        admin,
        "user",
        "set",
        admin,
        "--email-notifications",
        "on",
    ]);
    // A week of reminders and purge warnings comes due.
    ok(&["--as", admin, "clock", "advance", "7d"]);
    let queued: i64 = raw(&path)
        .query_row("SELECT count(*) FROM deliveries", [], |r| r.get(0))
        .unwrap();
    if queued == 0 {
        eprintln!("delivery row skipped: nothing came due");
        return;
    }
    // CPU: the watch's, and this process's (the sink's thread, in both).
    let cpu = cpu_now();
    let started = Instant::now();
    let mut watch = command(&["watch"]).spawn().unwrap();
    while (sent.load(Ordering::SeqCst) as i64) < queued
        && started.elapsed() < Duration::from_secs(120)
    {
        std::thread::sleep(Duration::from_millis(5));
    }
    let wall = started.elapsed();
    unsafe { libc::kill(watch.id() as i32, libc::SIGTERM) };
    let _ = watch.wait();
    let project = Measured {
        wall,
        cpu: Some(cpu_now().saturating_sub(cpu)),
    };
    // The floor: the same number of mails, one connection, no portal.
    let body = "x".repeat(900);
    sent.store(0, Ordering::SeqCst);
    let cpu = cpu_now();
    let started = Instant::now();
    let stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    let mut writer = stream.try_clone().unwrap();
    let mut reader = std::io::BufReader::new(stream);
    let mut line = String::new();
    let mut expect = |reader: &mut std::io::BufReader<std::net::TcpStream>| loop {
        line.clear();
        reader.read_line(&mut line).unwrap();
        if line.as_bytes().get(3) != Some(&b'-') {
            break;
        }
    };
    expect(&mut reader);
    writer.write_all(b"EHLO floor\r\n").unwrap();
    expect(&mut reader);
    for _ in 0..queued {
        for command in [
            "MAIL FROM:<f@bench.test>\r\n",
            "RCPT TO:<admin@generated.test>\r\n",
            "DATA\r\n",
        ] {
            writer.write_all(command.as_bytes()).unwrap();
            expect(&mut reader);
        }
        writer
            .write_all(format!("Subject: x\r\n\r\n{body}\r\n.\r\n").as_bytes())
            .unwrap();
        expect(&mut reader);
    }
    let floor = Measured {
        wall: started.elapsed(),
        cpu: Some(cpu_now().saturating_sub(cpu)),
    };
    b.add(
        &format!("watch: {queued} reminders by email vs one raw SMTP connection"),
        project,
        floor,
    );
}

/// The PostgreSQL rows (issue 22), on the server of
/// `SWITCHBOARD_BENCH_POSTGRES` (default: the local one by its socket):
/// `migrate` into an empty database against a plain COPY of the same rows
/// into an empty database of the same schema, and a whole read command on
/// PostgreSQL against the same command on the SQLite file. Without a server
/// they say so and are left out (CI starts one).
fn postgres_rows(b: &mut Bench) {
    let server = std::env::var("SWITCHBOARD_BENCH_POSTGRES")
        .unwrap_or_else(|_| "postgres://root@/postgres?host=/var/run/postgresql".into());
    let Ok(mut admin) = postgres::Client::connect(&server, postgres::NoTls) else {
        eprintln!("PostgreSQL rows skipped: no server at {server}");
        return;
    };
    let url_of = |db: &str| server.replacen("/postgres?", &format!("/{db}?"), 1);
    let fresh = |admin: &mut postgres::Client, db: &str| {
        // Two statements: neither may run in a transaction block.
        admin
            .batch_execute(&format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"))
            .unwrap();
        admin
            .batch_execute(&format!("CREATE DATABASE {db}"))
            .unwrap();
    };
    let exe = env!("CARGO_BIN_EXE_switchboard");
    // CPU here is the client's: the server's processes are not children.
    let whole = |args: &[&str]| {
        measure(|| {
            let status = std::process::Command::new(exe)
                .args(args)
                .env("SWITCHBOARD_LANG", "en")
                .stdout(std::process::Stdio::null())
                .status()
                .unwrap();
            assert!(status.success(), "{args:?}");
        })
        .1
    };
    let base = b.base.to_string_lossy().into_owned();
    let target = url_of("switchboard_bench");
    let mut migrate_times = Vec::new();
    for _ in 0..b.runs.max(1) {
        fresh(&mut admin, "switchboard_bench");
        migrate_times.push(whole(&["migrate", "--from", &base, "--to", &target]));
    }
    // The floor: the same rows, as the server writes them out, copied into
    // an empty database of the same schema in one transaction.
    let mut source = postgres::Client::connect(&target, postgres::NoTls).unwrap();
    let tables = switchboard::store::tables::TABLES;
    let mut dumped = Vec::new();
    for table in tables {
        let mut text = Vec::new();
        std::io::Read::read_to_end(
            &mut source
                .copy_out(&format!("COPY {} TO STDOUT", table.name))
                .unwrap(),
            &mut text,
        )
        .unwrap();
        dumped.push((table.name, text));
    }
    let schema_only = |client: &mut postgres::Client| {
        // The schema as migrate made it, without rows.
        let statements: Vec<String> = switchboard::store::schema::postgres_migrations()
            .iter()
            .map(|s| s.to_string())
            .collect();
        for sql in statements {
            client.batch_execute(&sql).unwrap();
        }
    };
    let mut floor_times = Vec::new();
    for _ in 0..b.runs.max(1) {
        fresh(&mut admin, "switchboard_floor");
        let mut floor =
            postgres::Client::connect(&url_of("switchboard_floor"), postgres::NoTls).unwrap();
        schema_only(&mut floor);
        let started = Instant::now();
        let mut tx = floor.transaction().unwrap();
        for (table, text) in &dumped {
            let mut writer = tx.copy_in(&format!("COPY {table} FROM STDIN")).unwrap();
            std::io::Write::write_all(&mut writer, text).unwrap();
            writer.finish().unwrap();
        }
        tx.commit().unwrap();
        floor.batch_execute("ANALYZE").unwrap();
        floor_times.push(started.elapsed());
    }
    b.add(
        "migrate SQLite to PostgreSQL vs a plain COPY of the same rows",
        median_of(migrate_times),
        median(floor_times),
    );
    // A whole read command, PostgreSQL against SQLite, alternating. The
    // migrated database is vacuumed first: the server's autovacuum would
    // otherwise be reading a million new rows beside the reads timed.
    postgres::Client::connect(&target, postgres::NoTls)
        .unwrap()
        .batch_execute("VACUUM (ANALYZE)")
        .unwrap();
    let copy = b.copy();
    let file = copy.to_string_lossy().into_owned();
    let (mut on_postgres, mut on_file) = (Vec::new(), Vec::new());
    let list = |db: &str| {
        [
            "--db",
            db,
            "--as",
            generate::ADMIN_EMAIL,
            "account",
            "list",
            "--limit",
            "50",
        ]
        .map(str::to_string)
    };
    for _ in 0..(b.runs.max(1) * 6) {
        let args = list(&target);
        on_postgres.push(whole(&args.iter().map(String::as_str).collect::<Vec<_>>()));
        let args = list(&file);
        on_file.push(whole(&args.iter().map(String::as_str).collect::<Vec<_>>()));
    }
    b.add(
        "account list, whole process: PostgreSQL vs SQLite",
        median_of(on_postgres),
        median_of(on_file),
    );
    for db in ["switchboard_bench", "switchboard_floor"] {
        let _ = admin.batch_execute(&format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"));
    }
}

/// The benchmark; run as `--floor DB QUERY`, the floor process (whole.rs).
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--floor") {
        return whole::floor(&args[1..]);
    }
    let accounts = env_number("SWITCHBOARD_BENCH_ACCOUNTS", 1_000);
    let posts = env_number("SWITCHBOARD_BENCH_POSTS", accounts * 10);
    let runs = env_number("SWITCHBOARD_BENCH_RUNS", 5);
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-portals");
    std::fs::create_dir_all(&dir).unwrap();
    eprintln!("building or reusing a portal of {accounts} accounts and {posts} posts…");
    let (base, generate_project, generate_floor) = portal(&dir, accounts, posts, runs);
    let mut b = Bench {
        dir: dir.clone(),
        base,
        runs,
        rows: Vec::new(),
        scratch: 0,
    };
    b.add(
        "generate (the whole portal)",
        generate_project,
        generate_floor,
    );
    // `SWITCHBOARD_BENCH_ONLY=sweep,delivery` runs only those groups (while
    // working on one); the table is then partial.
    let only = std::env::var("SWITCHBOARD_BENCH_ONLY").ok();
    type Group = (&'static str, fn(&mut Bench));
    let groups: [Group; 10] = [
        ("accounts", accounts_rows),
        ("publishing", publishing_rows),
        ("filtered", filtered_rows),
        ("disconnect", disconnect_rows),
        ("sweep", sweep_rows),
        ("process", whole::process_rows),
        ("tui", whole::tui_pty_rows),
        ("memory", memory_rows),
        ("postgres", postgres_rows),
        ("delivery", delivery_rows),
    ];
    for (name, group) in groups {
        if only
            .as_deref()
            .is_none_or(|only| only.split(',').any(|o| o.trim() == name))
        {
            group(&mut b);
        }
    }
    for entry in std::fs::read_dir(&dir).unwrap().flatten() {
        if entry.file_name().to_string_lossy().starts_with("scratch-") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    println!("\n{accounts} accounts, {posts} posts; medians of {runs} runs\n");
    println!(
        "| work | switchboard (wall · CPU) | floor (wall · CPU) | ratio (wall · CPU) | memory, pages |"
    );
    println!("|---|---|---|---|---|");
    let mut computed = 0;
    let both = |m: &Measured| match m.cpu {
        Some(cpu) => format!("{} · {}", show(m.wall), show(cpu)),
        None => show(m.wall),
    };
    for row in &b.rows {
        let timed = row.floor.wall > Duration::ZERO;
        let ratio = if timed {
            computed += 1;
            let wall = row.project.wall.as_secs_f64() / row.floor.wall.as_secs_f64();
            match (row.project.cpu, row.floor.cpu) {
                (Some(p), Some(f)) if f > Duration::ZERO => {
                    format!("{wall:.2}x · {:.2}x", p.as_secs_f64() / f.as_secs_f64())
                }
                _ => format!("{wall:.2}x"),
            }
        } else {
            "-".into()
        };
        let (project, floor) = if timed {
            (both(&row.project), both(&row.floor))
        } else {
            ("-".into(), "-".into())
        };
        println!(
            "| {} | {project} | {floor} | {ratio} | {} |",
            row.work,
            row.memory.as_deref().unwrap_or("")
        );
    }
    // The smoke test's check: every timed row got its ratio.
    let timed = b
        .rows
        .iter()
        .filter(|r| r.floor.wall > Duration::ZERO)
        .count();
    assert!(computed >= timed, "a ratio is missing");
    println!("\n{computed} ratios computed");
}
