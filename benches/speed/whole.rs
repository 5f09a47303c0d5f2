//! What a user waits for (issue 22, item 7): whole processes against a
//! whole-process floor, and the TUI in a real pseudo-terminal from a key to
//! its frame, with its resident set after every screen.
//!
//! The floor process is this benchmark's own executable run with
//! `--floor`: it opens the same file with the same rusqlite, runs the SQL
//! that yields the same rows, and prints them as JSON, as the command does,
//! and nothing else (no schema check, no clock, no permissions).

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use rusqlite::types::ValueRef;

use super::{Bench, Measured, NOW, SAME_ROWS, cutoff, list_sql, measure, median_of, raw};

/// The floor's queries, by name: the rows a command prints.
fn floor_query(name: &str) -> (String, Vec<rusqlite::types::Value>) {
    use rusqlite::types::Value;
    match name {
        "accounts" => (
            list_sql(false),
            vec![
                Value::Integer(cutoff()),
                Value::Null,
                Value::Null,
                Value::Null,
            ],
        ),
        "clock" => ("SELECT swept_until FROM portal".into(), vec![]),
        posts => {
            let account = posts.trim_start_matches("posts:").parse::<i64>().unwrap();
            (
                format!(
                    "SELECT {SAME_ROWS} FROM posts p JOIN accounts a ON a.id = p.account_id \
                     JOIN users u ON u.id = p.created_by WHERE p.account_id = ?1 \
                     ORDER BY p.id LIMIT 50"
                ),
                vec![Value::Integer(account)],
            )
        }
    }
}

/// `--floor DB QUERY`: the rows as a JSON array of objects on stdout.
pub fn floor(args: &[String]) {
    let conn = raw(Path::new(&args[0]));
    let (sql, params) = floor_query(&args[1]);
    let mut stmt = conn.prepare(&sql).unwrap();
    let names: Vec<String> = stmt.column_names().map(|n| n.to_string()).collect();
    let mut rows = stmt.query(rusqlite::params_from_iter(params)).unwrap();
    let mut out = Vec::new();
    while let Some(row) = rows.next().unwrap() {
        let mut object = serde_json::Map::new();
        for (i, name) in names.iter().enumerate() {
            let value = match row.get_ref(i).unwrap() {
                ValueRef::Null => serde_json::Value::Null,
                ValueRef::Integer(n) => n.into(),
                ValueRef::Real(f) => f.into(),
                ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned().into(),
                ValueRef::Blob(b) => b.len().into(),
            };
            object.insert(name.clone(), value);
        }
        out.push(serde_json::Value::Object(object));
    }
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    serde_json::to_writer(&mut lock, &out).unwrap();
    writeln!(lock).unwrap();
}

/// A process to completion, its output discarded; wall and CPU.
fn process(program: &Path, args: &[&str]) -> Measured {
    measure(|| {
        let status = std::process::Command::new(program)
            .args(args)
            .stdout(std::process::Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "{program:?} {args:?}");
    })
    .1
}

/// Whole processes, alternating project and floor run by run.
pub fn process_rows(b: &mut Bench) {
    let path = b.copy();
    let db = path.to_str().unwrap().to_string();
    let account: i64 = raw(&path)
        .query_row(
            "SELECT account_id FROM posts GROUP BY account_id ORDER BY count(*) DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let account_text = account.to_string();
    let posts = format!("posts:{account}");
    let project = Path::new(env!("CARGO_BIN_EXE_switchboard"));
    let floor = std::env::current_exe().unwrap();
    for (work, args, query) in [
        (
            "account list --limit 50, whole process",
            vec!["account", "list", "--limit", "50"],
            "accounts",
        ),
        (
            "post list --account (its posts), whole process",
            vec!["post", "list", "--account", &account_text],
            &posts,
        ),
        ("clock show, whole process", vec!["clock", "show"], "clock"),
    ] {
        let mut all = vec!["--db", &db, "--now", NOW, "--json"];
        all.extend(args);
        let (mut ours, mut floors) = (Vec::new(), Vec::new());
        for _ in 0..b.runs.max(3) * 4 {
            ours.push(process(project, &all));
            floors.push(process(&floor, &["--floor", &db, query]));
        }
        b.add(work, median_of(ours), median_of(floors));
    }
}

/// A program in a pseudo-terminal, its output read through a vt100 parser
/// by a thread that notes the instant the screen first equals what a
/// caller waits for.
struct Terminal {
    shared: Arc<(Mutex<Screen>, Condvar)>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

struct Screen {
    parser: vt100::Parser,
    /// What is awaited, and when it showed.
    awaited: Option<(String, Option<Instant>)>,
}

const COLS: u16 = 200;
const ROWS: u16 = 60;

impl Terminal {
    fn start(program: &Path, args: &[&str], home: &Path) -> Terminal {
        use portable_pty::{CommandBuilder, PtySize, native_pty_system};
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("TZ", "UTC");
        cmd.env("HOME", home);
        cmd.env("XDG_CONFIG_HOME", home);
        cmd.env("XDG_DATA_HOME", home);
        cmd.env_remove("SWITCHBOARD_DB");
        let child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        let shared = Arc::new((
            Mutex::new(Screen {
                parser: vt100::Parser::new(ROWS, COLS, 0),
                awaited: None,
            }),
            Condvar::new(),
        ));
        let mut reader = pty.master.try_clone_reader().unwrap();
        let sink = Arc::clone(&shared);
        std::thread::spawn(move || {
            let mut buf = [0u8; 16384];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let (lock, shown) = &*sink;
                let mut screen = lock.lock().unwrap();
                screen.parser.process(&buf[..n]);
                let contents = screen.parser.screen().contents();
                if let Some((want, at @ None)) = &mut screen.awaited
                    && contents == *want
                {
                    *at = Some(Instant::now());
                    shown.notify_all();
                }
            }
        });
        let writer = pty.master.take_writer().unwrap();
        Terminal {
            shared,
            writer,
            child,
            _master: pty.master,
        }
    }

    fn contents(&self) -> String {
        self.shared.0.lock().unwrap().parser.screen().contents()
    }

    /// Waits until the screen stops changing for `quiet`; its contents,
    /// and about when they last changed (polled every 2 ms).
    fn settle(&self, quiet: Duration) -> (String, Instant) {
        let mut last = self.contents();
        let mut since = Instant::now();
        let deadline = Instant::now() + Duration::from_secs(60);
        while since.elapsed() < quiet && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(2));
            let now = self.contents();
            if now != last {
                last = now;
                since = Instant::now();
            }
        }
        (last, since)
    }

    /// Sends `bytes` and waits until the screen equals `want`; the time
    /// from the write to that frame.
    fn key_to(&mut self, bytes: &[u8], want: &str) -> Duration {
        let (lock, shown) = &*self.shared;
        lock.lock().unwrap().awaited = Some((want.to_string(), None));
        let sent = Instant::now();
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
        let mut screen = lock.lock().unwrap();
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some((_, Some(at))) = &screen.awaited {
                let took = at.duration_since(sent);
                screen.awaited = None;
                return took;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                let now = screen.parser.screen().contents();
                let differ: Vec<String> = now
                    .lines()
                    .zip(want.lines())
                    .filter(|(a, b)| a != b)
                    .map(|(a, b)| format!("now:  {a}\nwant: {b}"))
                    .take(4)
                    .collect();
                panic!("the frame never showed:\n{}", differ.join("\n"));
            }
            screen = shown.wait_timeout(screen, left).unwrap().0;
        }
    }

    /// CPU time so far of the child (every thread, from schedstat).
    fn cpu(&self) -> Duration {
        let Some(pid) = self.child.process_id() else {
            return Duration::ZERO;
        };
        let nanos: u64 = std::fs::read_dir(format!("/proc/{pid}/task"))
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|task| std::fs::read_to_string(task.path().join("schedstat")).ok())
            .filter_map(|s| s.split_whitespace().next()?.parse::<u64>().ok())
            .sum();
        Duration::from_nanos(nanos)
    }

    /// The child's resident set now, in KiB.
    fn resident(&self) -> u64 {
        let pid = self.child.process_id().unwrap_or(0);
        std::fs::read_to_string(format!("/proc/{pid}/status"))
            .unwrap_or_default()
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0)
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The TUI in a 200x60 pseudo-terminal: each screen's key to its finished
/// frame, against the terminal's own echo of a key (the kernel's line
/// discipline through the same PTY and parser: the least a key can take to
/// show); its resident set after every screen.
pub fn tui_pty_rows(b: &mut Bench) {
    let path = b.copy();
    let home = tempfile::tempdir().unwrap();
    let project = Path::new(env!("CARGO_BIN_EXE_switchboard"));
    let args = [
        "--db",
        path.to_str().unwrap(),
        "--now",
        NOW,
        "--as",
        switchboard::store::generate::ADMIN_EMAIL,
    ];
    // Launch to first frame, a few times (each a new process), against the
    // floor process printing the same first page.
    let mut launches = Vec::new();
    let mut launch_floors = Vec::new();
    let floor_exe = std::env::current_exe().unwrap();
    let db = path.to_str().unwrap();
    for _ in 0..b.runs.max(3) {
        let launched = Instant::now();
        let tui = Terminal::start(project, &args, home.path());
        let (first, drawn) = tui.settle(Duration::from_millis(500));
        assert!(first.contains("Switchboard"), "not the TUI:\n{first}");
        launches.push(Measured::from(drawn.duration_since(launched)));
        drop(tui);
        launch_floors.push(process(&floor_exe, &["--floor", db, "accounts"]));
    }
    let mut tui = Terminal::start(project, &args, home.path());
    let (first, _) = tui.settle(Duration::from_millis(500));
    let mut resident = vec![("launch".to_string(), tui.resident())];
    let screens = [
        ('2', "Publishing"),
        ('3', "Notifications"),
        ('4', "Activity"),
        ('1', "Accounts"),
    ];
    // Each screen's finished frame, learned on a second round: the first
    // visit to Notifications marks them read, and the bell changes.
    let mut frames = Vec::new();
    for round in 0..2 {
        frames.clear();
        for (key, name) in screens {
            tui.writer.write_all(&[key as u8]).unwrap();
            tui.writer.flush().unwrap();
            let (frame, _) = tui.settle(Duration::from_millis(300));
            if round == 0 {
                resident.push((name.to_string(), tui.resident()));
            }
            frames.push((key, name, frame));
        }
    }
    assert!(first.contains("Switchboard"), "not the TUI:\n{first}");
    let mut times: Vec<Vec<Measured>> = vec![Vec::new(); frames.len()];
    for _ in 0..b.runs.max(3) * 4 {
        for (i, (key, _, frame)) in frames.iter().enumerate() {
            let cpu = tui.cpu();
            let wall = tui.key_to(&[*key as u8], frame);
            // The frame is on screen; the TUI's CPU for it.
            times[i].push(Measured {
                wall,
                cpu: Some(tui.cpu().saturating_sub(cpu)),
            });
        }
    }
    drop(tui);
    // The floor: a key echoed by the terminal itself, to a program that
    // reads nothing until then (`sleep`).
    let mut echo = Terminal::start(Path::new("/bin/sleep"), &["600"], home.path());
    echo.settle(Duration::from_millis(100));
    let mut echoes = Vec::new();
    let mut shown = String::new();
    for _ in 0..b.runs.max(3) * 4 {
        shown.push('x');
        let want = shown.clone();
        echoes.push(Measured {
            wall: echo.key_to(b"x", &want),
            cpu: None,
        });
    }
    drop(echo);
    let floor = median_of(echoes);
    b.add(
        "TUI in a PTY: launch to first frame (200x60) vs the floor process's first page",
        median_of(launches),
        median_of(launch_floors),
    );
    for ((_, name, _), runs) in frames.iter().zip(times) {
        b.add(
            &format!("TUI in a PTY: {name} screen, key to frame vs a key's echo"),
            median_of(runs),
            floor,
        );
    }
    let peak = resident.iter().map(|(_, kib)| *kib).max().unwrap_or(0);
    b.rows.push(super::Row {
        work: "TUI in a PTY: resident set after launch and each screen".into(),
        project: Duration::ZERO.into(),
        floor: Duration::ZERO.into(),
        memory: Some(format!(
            "{} (peak {:.1} MiB)",
            resident
                .iter()
                .map(|(name, kib)| format!("{name} {:.1}", *kib as f64 / 1024.0))
                .collect::<Vec<_>>()
                .join(", "),
            peak as f64 / 1024.0
        )),
    });
}
