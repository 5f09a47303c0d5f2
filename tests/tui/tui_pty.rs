//! The real binary in a pseudo-terminal, read through a vt100 parser: what a
//! user sees and does, and the terminal as it is left after quitting.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common::{ACME_NOW, ADMIN, acme};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const ROWS: u16 = 36;
const COLS: u16 = 120;
/// How long a screen must stay unchanged to count as drawn.
const SETTLED_MS: u64 = 50;

struct Tui {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    /// Kept open for the child's life; its termios is the terminal's.
    master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Tui {
    fn start(db: &std::path::Path, user: &str) -> Tui {
        Tui::start_with(db, &["--as", user])
    }

    /// The binary with `--db DB` and these arguments, in a 120×36 terminal.
    fn start_with(db: &std::path::Path, args: &[&str]) -> Tui {
        let mut all = vec!["--db", db.to_str().unwrap()];
        all.extend_from_slice(args);
        Tui::start_sized(db.parent().unwrap(), &all, COLS, ROWS)
    }

    /// The binary with these arguments, its home and data in `home`, in a
    /// terminal of this size.
    fn start_sized(home: &std::path::Path, args: &[&str], cols: u16, rows: u16) -> Tui {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(assert_cmd::cargo::cargo_bin("switchboard"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("TZ", "UTC");
        cmd.env("HOME", home);
        cmd.env("XDG_CONFIG_HOME", home);
        cmd.env("XDG_DATA_HOME", home);
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("SWITCHBOARD_DB");
        let child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        // A thread drains the PTY, or the child blocks on a full buffer.
        let mut reader = pty.master.try_clone_reader().unwrap();
        let sink = Arc::clone(&parser);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pty.master.take_writer().unwrap();
        Tui {
            parser,
            writer,
            child,
            master: pty.master,
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    fn wait_for(&self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("'{text}' never showed:\n{}", self.screen());
    }

    /// The (column, row) of a text, 0-based.
    fn position(&self, text: &str) -> (u16, u16) {
        let parser = self.parser.lock().unwrap();
        let screen = parser.screen();
        for (row, line) in screen.rows(0, COLS).enumerate() {
            if let Some(byte) = line.find(text) {
                let column = line[..byte].chars().count() as u16;
                return (column, row as u16);
            }
        }
        panic!("'{text}' is not on screen");
    }

    /// Whether the terminal is in raw mode (no line editing, no echo).
    fn raw_mode(&self) -> bool {
        let fd = self.master.as_raw_fd().expect("a unix pty");
        let mut termios: libc::termios = unsafe { std::mem::zeroed() };
        // SAFETY: a valid descriptor and a valid out pointer.
        assert_eq!(unsafe { libc::tcgetattr(fd, &mut termios) }, 0);
        termios.c_lflag & (libc::ICANON | libc::ECHO) == 0
    }

    /// Sends a key, then waits until the screen has changed and stayed
    /// the same for a moment: the key's work is done.
    /// Sends keys and waits until the screen changed and then stayed still
    /// for `SETTLED_MS` (the TUI takes keys in order, so this only paces
    /// the test, it does not order it).
    fn send_and_settle(&mut self, bytes: &[u8]) {
        let before = self.screen();
        self.send(bytes);
        let deadline = Instant::now() + Duration::from_secs(15);
        let mut last = before.clone();
        let mut still_since = Instant::now();
        loop {
            assert!(Instant::now() < deadline, "nothing changed:\n{last}");
            std::thread::sleep(Duration::from_millis(15));
            let now = self.screen();
            if now != last {
                last = now;
                still_since = Instant::now();
            } else if last != before && still_since.elapsed() > Duration::from_millis(SETTLED_MS) {
                return;
            }
        }
    }

    fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    fn wait_exit(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            if self.child.try_wait().unwrap().is_some() {
                // Let the reader thread take the last bytes.
                std::thread::sleep(Duration::from_millis(200));
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("the TUI did not exit:\n{}", self.screen());
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

#[test]
fn hovering_a_row_by_mouse_motion_reveals_its_actions() {
    let p = acme();
    let mut tui = Tui::start(&p.db, ADMIN);
    tui.wait_for("@acmenews");
    assert!(!tui.screen().contains("[Reconnect]"));
    let (column, row) = tui.position("@acmenews");
    // SGR any-motion report, no button: what the terminal sends on mouse-over.
    tui.send(format!("\x1b[<35;{};{}M", column + 1, row + 1).as_bytes());
    tui.wait_for("[Reconnect]");
    let (_, actions_row) = tui.position("[Reconnect]");
    assert_eq!(actions_row, row, "the actions appear on the hovered row");
    assert_eq!(
        tui.position("@acmenews").1,
        row,
        "and rows do not move under the pointer"
    );
}

#[test]
fn disconnecting_by_keyboard_through_the_dialog_changes_the_database() {
    let p = acme();
    let mut tui = Tui::start(&p.db, ADMIN);
    tui.wait_for("@acmecorp");
    // The first row (Acme Corp) is hovered; d opens the dialog.
    tui.send(b"d");
    tui.wait_for("Disconnect account");
    tui.wait_for("2 scheduled posts");
    // Focus starts on Cancel: Tab to the button, Enter.
    tui.send(b"\t");
    tui.send(b"\r");
    tui.wait_for("Disconnected @acmecorp");
    tui.send(b"q");
    tui.wait_exit();
    let corp = p.read(ACME_NOW, &["account", "show", "6"]);
    assert_eq!(corp["status"], "disconnected");
    assert_eq!(corp["disconnect_reason"], "manual");
    let canceled = p.read(
        ACME_NOW,
        &["post", "list", "--tab", "canceled", "--account", "6"],
    );
    let causes: Vec<&str> = canceled
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["cancel_cause"].as_str().unwrap())
        .collect();
    assert_eq!(causes, ["disconnected", "disconnected"]);
}

#[test]
fn reconnecting_a_hidden_account_through_the_connect_account_dialog() {
    let p = acme();
    let mut tui = Tui::start(&p.db, ADMIN);
    tui.wait_for("is hidden");
    tui.send(b"c");
    tui.wait_for("Which network?");
    tui.send(b"\r"); // Facebook
    tui.wait_for("[x] @acmeold");
    // List -> handle -> name -> Continue.
    tui.send(b"\t\t\t");
    tui.send(b"\r");
    tui.wait_for("1 reconnected");
    tui.send(b"q");
    tui.wait_exit();
    let old = p.read(ACME_NOW, &["account", "show", "1"]);
    assert_eq!(old["status"], "connected");
    assert_eq!(old["handle"], "acmeold");
}

#[test]
fn quitting_leaves_the_alternate_screen_and_turns_mouse_reporting_off() {
    let p = acme();
    let mut tui = Tui::start(&p.db, ADMIN);
    tui.wait_for("@acmecorp");
    {
        let parser = tui.parser.lock().unwrap();
        assert!(parser.screen().alternate_screen());
        assert_ne!(
            parser.screen().mouse_protocol_mode(),
            vt100::MouseProtocolMode::None
        );
    }
    tui.send(b"q");
    tui.wait_exit();
    let parser = tui.parser.lock().unwrap();
    assert!(
        !parser.screen().alternate_screen(),
        "back on the main screen"
    );
    assert_eq!(
        parser.screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None
    );
}

#[test]
fn another_process_changing_the_portal_shows_up_without_a_keypress() {
    let p = acme();
    let tui = Tui::start(&p.db, ADMIN);
    tui.wait_for("@acmetv");
    p.act(ADMIN, ACME_NOW, &["account", "disconnect", "5"]).ok();
    tui.wait_for("Disconnected (manual)");
}

#[test]
fn demo_opens_the_tui_with_the_tour_and_brackets_step_and_rewind() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let cast = dir.path().join("session.cast");
    let mut tui = Tui::start_with(&db, &["--record", cast.to_str().unwrap(), "demo"]);
    tui.wait_for("Tour · Reauthorize or disconnect social accounts");
    tui.wait_for("Northwind Outfitters (Enterprise)");
    tui.send(b"]");
    tui.wait_for("step 1/24");
    tui.send(b"]");
    tui.wait_for("step 2/24");
    tui.send(b"[");
    tui.wait_for("Back to before the previous step");
    tui.wait_for("step 1/24");
    tui.send(b"q");
    tui.wait_exit();
    // The session was recorded as asciicast v2, and replays to the tour.
    let text = std::fs::read_to_string(&cast).unwrap();
    let mut lines = text.lines();
    let header: serde_json::Value = serde_json::from_str(lines.next().unwrap()).unwrap();
    assert_eq!(header["version"], 2);
    assert_eq!(header["width"], COLS);
    let mut replay = vt100::Parser::new(ROWS, COLS, 0);
    let mut seen_tour = false;
    for line in lines {
        let event: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(event[1], "o");
        replay.process(event[2].as_str().unwrap().as_bytes());
        seen_tour |= replay.screen().contents().contains("step 2/24");
    }
    assert!(seen_tour, "the recording shows the tour");
    assert!(
        !replay.screen().alternate_screen(),
        "the recording ends back on the main screen"
    );
}

/// Issue 7: a signal gives the terminal back exactly as `q` does.
#[test]
fn signals_give_the_terminal_back_as_quitting_does() {
    for signal in ["TERM", "HUP", "INT", "QUIT"] {
        let p = acme();
        let mut tui = Tui::start(&p.db, ADMIN);
        tui.wait_for("@acmecorp");
        assert!(tui.raw_mode(), "SIG{signal}: the TUI runs in raw mode");
        {
            let parser = tui.parser.lock().unwrap();
            assert!(parser.screen().alternate_screen());
        }
        let pid = tui.child.process_id().unwrap();
        let kill = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &pid.to_string()])
            .status()
            .unwrap();
        assert!(kill.success());
        tui.wait_exit();
        assert!(!tui.raw_mode(), "SIG{signal} left raw mode on");
        let parser = tui.parser.lock().unwrap();
        let screen = parser.screen();
        assert!(
            !screen.alternate_screen(),
            "SIG{signal}: still on the alternate screen"
        );
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "SIG{signal}: mouse reporting left on"
        );
        assert!(!screen.hide_cursor(), "SIG{signal}: the cursor is hidden");
    }
}

/// Issue 7: under 80x24 nothing of the hidden UI acts.
#[test]
fn the_too_small_screen_is_inert() {
    let p = acme();
    let mut tui = Tui::start(&p.db, ADMIN);
    tui.wait_for("@acmecorp");
    tui.master
        .resize(PtySize {
            rows: 20,
            cols: 70,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    tui.parser.lock().unwrap().screen_mut().set_size(20, 70);
    tui.wait_for("needs a terminal of at least");
    let before = p.dump();
    // What would move the clock and disconnect with no dialog ever seen.
    tui.send(b"t\r");
    tui.send(b"d\x1b[D\r");
    tui.send(b"x\r");
    std::thread::sleep(Duration::from_millis(800));
    assert_eq!(p.dump(), before, "a key acted on the hidden UI");
    tui.send(b"q");
    tui.wait_exit();
}

/// Issue 8: compose, reschedule and cancel a post, in a real terminal.
#[test]
fn composing_rescheduling_and_canceling_a_post_in_a_terminal() {
    let p = acme();
    let mut tui = Tui::start(&p.db, ADMIN);
    tui.wait_for("@acmecorp");
    // Compose on the hovered account (the first row).
    tui.send(b"a");
    tui.wait_for("Compose a post");
    tui.send(b"\r");
    tui.send(b"Written in a terminal");
    tui.send(b"\r");
    tui.send(b"2026-03-20 08:00");
    tui.wait_for("publishes Mar 20 2026 08:00");
    tui.send(b"\r");
    tui.wait_for("scheduled");
    // Publishing: the new post is the last of the Scheduled tab.
    tui.send(b"2");
    tui.wait_for("Written in a terminal");
    tui.send(b"G");
    tui.send(b"e");
    tui.wait_for("Reschedule post");
    tui.send(&[0x7f; 16]);
    tui.send(b"2026-03-21 08:00\r");
    tui.wait_for("rescheduled for 2026-03-21 08:00 UTC");
    tui.send(b"G");
    tui.send(b"x");
    tui.wait_for("Cancel post #");
    tui.send(b"\x1b[D\r");
    tui.wait_for("canceled");
    tui.send(b"q");
    tui.wait_exit();
    let posts = p.read(ACME_NOW, &["post", "list", "--tab", "canceled"]);
    let post = posts
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["text"] == "Written in a terminal")
        .expect("the post is in the Canceled tab");
    assert_eq!(post["scheduled_at"], "2026-03-21T08:00:00Z");
    assert_eq!(post["cancel_cause"], "user");
}

/// Issue 8: three accounts marked and disconnected through one dialog.
#[test]
fn bulk_disconnecting_three_accounts_in_a_terminal() {
    let p = acme();
    let mut tui = Tui::start(&p.db, ADMIN);
    tui.wait_for("@acmecorp");
    // acmecorp, then acmestyle and acmetv further down.
    tui.send(b" ");
    tui.send(b"j ");
    tui.send(b"jjjj ");
    tui.wait_for("3 accounts marked");
    tui.send(b"d");
    tui.wait_for("Disconnect 3 accounts of the 3 marked");
    tui.send(b"\x1b[D\r");
    tui.wait_for("3 accounts disconnected");
    tui.send(b"q");
    tui.wait_exit();
    let connected = p.read(ACME_NOW, &["account", "list", "--status", "connected"]);
    assert_eq!(connected.as_array().unwrap().len(), 0, "{connected}");
}

/// The TUI in a terminal whose far end then goes away: an admin's SSH
/// connection dropping. It runs under a shell that waits for it, as a
/// login shell or tmux's `sh -c` do: the kernel's SIGHUP then reaches the
/// shell (the session leader), not the TUI, which must notice by itself.
/// Reads until the accounts show, then closes every descriptor of the
/// master side; `after` runs once it is closed, with the TUI's pid.
fn hang_up_under_the_tui(after: impl FnOnce(u32)) -> Duration {
    let p = acme();
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new("sh");
    let binary = assert_cmd::cargo::cargo_bin("switchboard");
    cmd.args([
        "-c",
        "\"$0\" \"$@\"; true",
        binary.to_str().unwrap(),
        "--db",
        p.db.to_str().unwrap(),
        "--as",
        ADMIN,
    ]);
    cmd.env("TERM", "xterm-256color");
    cmd.env("HOME", p.dir.path());
    cmd.env("XDG_CONFIG_HOME", p.dir.path());
    cmd.env("XDG_DATA_HOME", p.dir.path());
    let mut shell = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    // The reader's own descriptor is closed when this thread ends.
    let shown = std::thread::spawn(move || {
        let mut seen = Vec::new();
        let mut buf = [0u8; 8192];
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            match reader.read(&mut buf) {
                Ok(0) | Err(_) => return false,
                Ok(n) => seen.extend_from_slice(&buf[..n]),
            }
            if String::from_utf8_lossy(&seen).contains("@acmecorp") {
                return true;
            }
        }
        false
    });
    assert!(shown.join().unwrap(), "the accounts never showed");
    let shell_pid = shell.process_id().unwrap();
    let children =
        std::fs::read_to_string(format!("/proc/{shell_pid}/task/{shell_pid}/children")).unwrap();
    let pid: u32 = children.split_whitespace().next().unwrap().parse().unwrap();
    let alive = || {
        std::path::Path::new(&format!("/proc/{pid}")).exists()
            && !std::fs::read_to_string(format!("/proc/{pid}/stat"))
                .unwrap_or_default()
                .contains(") Z ")
    };
    let writer = pty.master.take_writer().unwrap();
    drop(writer);
    drop(pty.master);
    let started = Instant::now();
    after(pid);
    while alive() {
        if started.elapsed() > Duration::from_secs(10) {
            unsafe {
                libc::kill(pid as i32, libc::SIGKILL);
            }
            panic!("the TUI was still running 10 s after its terminal hung up");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = shell.wait();
    started.elapsed()
}

#[test]
fn a_tui_whose_terminal_hangs_up_leaves_at_once() {
    let took = hang_up_under_the_tui(|_| {});
    assert!(took < Duration::from_secs(2), "took {took:?}");
}

#[test]
fn sigterm_ends_a_tui_whose_terminal_is_gone_within_a_second() {
    let took = hang_up_under_the_tui(|pid| {
        std::thread::sleep(Duration::from_millis(300));
        let started = Instant::now();
        unsafe {
            libc::kill(pid as i32, libc::SIGTERM);
        }
        let _ = started;
    });
    assert!(took < Duration::from_millis(1300), "took {took:?}");
}

#[test]
fn a_recording_holds_one_event_per_frame_not_one_per_write() {
    let p = acme();
    let cast = p.dir.path().join("session.cast");
    let mut tui = Tui::start_with(&p.db, &["--as", ADMIN, "--record", cast.to_str().unwrap()]);
    tui.wait_for("@acmecorp");
    for _ in 0..5 {
        tui.send(b"j");
        std::thread::sleep(Duration::from_millis(100));
    }
    tui.send(b"q");
    tui.wait_exit();
    let text = std::fs::read_to_string(&cast).unwrap();
    let events: Vec<serde_json::Value> = text
        .lines()
        .skip(1)
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let bytes: usize = events.iter().map(|e| e[2].as_str().unwrap().len()).sum();
    // A handful of frames (the first, a reload, five moves, the goodbye).
    assert!(
        events.len() <= 40,
        "{} events for {bytes} bytes",
        events.len()
    );
    assert!(
        bytes / events.len() > 40,
        "{} events for {bytes} bytes",
        events.len()
    );
}

/// Walks a bundled tour to its last step with `]` alone, in a real
/// terminal of this size, then back to its start with `[` (issue 18,
/// item 1: a step that opens a dialog with a field kept `]` as text).
fn walk_tour(name: &str, intro: &str, over: &str, cols: u16, rows: u16) {
    let home = tempfile::tempdir().unwrap();
    let mut tui = Tui::start_sized(home.path(), &["tour", name], cols, rows);
    tui.wait_for(intro);
    for _ in 1..=24 {
        tui.send_and_settle(b"]");
    }
    tui.wait_for(over);
    for _ in 1..=24 {
        tui.send_and_settle(b"[");
    }
    tui.wait_for(intro);
    tui.send(b"q");
    tui.wait_exit();
}

#[test]
fn the_english_tour_walks_to_its_end_and_back_with_brackets_at_80x24() {
    walk_tour("article", "24 steps walk", "The tour is over", 80, 24);
}

#[test]
fn the_italian_tour_walks_to_its_end_and_back_with_brackets_at_120x36() {
    walk_tour(
        "articolo",
        "24 passi percorrono",
        "Il tour è finito",
        120,
        36,
    );
}
