//! Issue 7: an action lands on the account that was confirmed, ids are never
//! given to another, and no file is touched that should not be.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::common::tui::Harness;
use crate::common::{ADMIN, T0, TestPortal};
use crossterm::event::KeyCode;

const LATER: &str = "2026-03-02T09:00:00Z";

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// Runs the binary with no portal named: commands that make their own.
fn without_db(args: &[&str]) -> std::process::Output {
    assert_cmd::Command::cargo_bin("switchboard")
        .unwrap()
        .env_remove("SWITCHBOARD_DB")
        .env_remove("SWITCHBOARD_USER")
        .args(args)
        .output()
        .unwrap()
}

/// `init` of a portal at `db`.
fn init(p: &TestPortal, db: &Path) -> crate::common::Run {
    p.run(&[
        "--db",
        db.to_str().unwrap(),
        "init",
        "--portal",
        "Acme",
        "--tier",
        "professional",
        "--admin",
        ADMIN,
        "--admin-name",
        "Ana",
    ])
}

// 1. Ids are never reused.

#[test]
fn r13_a_removed_accounts_id_is_never_given_to_another() {
    let p = TestPortal::new();
    let first = p.connect("facebook", "acme", T0);
    p.act(
        ADMIN,
        T0,
        &["account", "remove", &first.to_string(), "--confirm", "acme"],
    )
    .ok();
    let second = p.connect("instagram", "other", T0);
    assert!(second > first, "the new account took id {second}");
    // A script holding the old id reaches nothing.
    let stale = p.act(ADMIN, T0, &["account", "disconnect", &first.to_string()]);
    assert_eq!(stale.code, 4, "{}", stale.stderr);
}

#[test]
fn r13_purged_post_ids_are_never_given_to_another() {
    let p = TestPortal::new();
    let id = p.connect("linkedin", "acme", T0);
    let post = p.schedule(id, T0, "2026-03-20T09:00:00Z");
    p.act(ADMIN, T0, &["account", "disconnect", &id.to_string()])
        .ok();
    // LinkedIn's window is 60 days: the posts are purged (R7).
    p.read("2026-06-01T09:00:00Z", &["sweep"]);
    assert_eq!(
        p.read("2026-06-01T09:00:00Z", &["post", "list"]),
        serde_json::json!([])
    );
    let other = p.connect("facebook", "fresh", "2026-06-01T09:00:00Z");
    let next = p.schedule(other, "2026-06-01T09:00:00Z", "2026-06-20T09:00:00Z");
    assert!(next > post, "post id {next} reused");
}

/// The previous release's schema (001 only), with a removed account and
/// purged posts that were at the top of their id ranges.
fn portal_of_the_previous_release(path: &Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(include_str!("../../src/store/migrations/001_portal.sql"))
        .unwrap();
    conn.execute_batch(
        "PRAGMA user_version = 1;
         INSERT INTO portal VALUES (1, 'Old Corp', 'professional', NULL, 1772355600);
         INSERT INTO users VALUES (1, 'ana@example.com', 'Ana', 1, 'all', 1, 1);
         INSERT INTO accounts (id, network, handle, name, status, first_connected_at, authorized_at,
             original_connector, last_connector, next_event_at)
             VALUES (1, 'facebook', 'kept', 'Kept', 'connected', 1772355600, 1772355600, 1, 1, 1780131600);
         INSERT INTO posts VALUES (1, 1, 'scheduled', NULL, 1780000000, NULL, 1, 1772355600, 'kept post');
         INSERT INTO notifications VALUES (1, 'reauth_reminder', 1, 1, 1772355600, 0);
         INSERT INTO notifications VALUES (2, 'reauth_reminder', 7, 1, 1772355600, 0);
         INSERT INTO audit VALUES (1, 1772355600, 'ana@example.com', 'connect', 7, 'ok', 'X account @gone connected', NULL);
         INSERT INTO audit VALUES (2, 1772355600, 'ana@example.com', 'schedule_post', 7, 'ok', 'post #40 scheduled for 2026-05-01T09:00:00Z', NULL);
         INSERT INTO audit VALUES (3, 1772355600, 'ana@example.com', 'remove', 7, 'ok', 'X account @gone removed with its 1 post', 1);",
    )
    .unwrap();
}

#[test]
fn r13_a_portal_of_the_previous_release_opens_with_nothing_lost_and_ids_kept_taken() {
    let p = TestPortal::empty();
    portal_of_the_previous_release(&p.db);
    let accounts = p.read(T0, &["account", "list", "--all"]);
    assert_eq!(accounts[0]["handle"], "kept");
    assert_eq!(accounts[0]["id"], 1);
    let posts = p.read(T0, &["post", "list"]);
    assert_eq!(posts[0]["text"], "kept post");
    // R13: the removed account's notification went; the kept one stayed.
    let inbox = p.read(T0, &["--as", ADMIN, "notifications"]);
    assert_eq!(inbox.as_array().unwrap().len(), 1, "{inbox}");
    assert_eq!(inbox[0]["account_id"], 1);
    // The audit log still remembers account #7 and post #40: neither id is
    // handed out again.
    let fresh = p.connect("x", "new", T0);
    assert!(fresh > 7, "account id {fresh} was the removed account's");
    let post = p.schedule(fresh, T0, "2026-03-20T09:00:00Z");
    assert!(post > 40, "post id {post} was named in the audit log");
    let audit = p.read(T0, &["audit", "--account", "7"]);
    assert_eq!(audit.as_array().unwrap().len(), 3);
}

// 2. Removal takes the notifications with it.

#[test]
fn r13_removing_an_account_removes_its_notifications() {
    let p = TestPortal::new();
    let id = p.connect("facebook", "acme", T0);
    // The reminder goes out 83 days after connecting.
    let reminded = "2026-05-24T09:00:00Z";
    p.read(reminded, &["sweep"]);
    let inbox = p.read(reminded, &["--as", ADMIN, "notifications"]);
    assert_eq!(inbox.as_array().unwrap().len(), 1, "{inbox}");
    p.act(
        ADMIN,
        reminded,
        &["account", "remove", &id.to_string(), "--confirm", "acme"],
    )
    .ok();
    assert_eq!(
        p.read(reminded, &["--as", ADMIN, "notifications"]),
        serde_json::json!([])
    );
    let conn = rusqlite::Connection::open(&p.db).unwrap();
    let left: i64 = conn
        .query_row("SELECT count(*) FROM notifications", [], |r| r.get(0))
        .unwrap();
    assert_eq!(left, 0);
}

// 3. A confirmed action acts on what was shown, or not at all.

#[test]
fn if_version_refuses_an_action_on_an_account_that_changed_since_it_was_shown() {
    let p = TestPortal::new();
    let id = p.connect("facebook", "acme", T0);
    let seen = p.read(T0, &["account", "show", &id.to_string()])["version"]
        .as_i64()
        .unwrap();
    p.schedule(id, T0, "2026-03-20T09:00:00Z");
    let before = p.dump();
    let refused = p.act(
        ADMIN,
        T0,
        &[
            "account",
            "disconnect",
            &id.to_string(),
            "--if-version",
            &seen.to_string(),
        ],
    );
    assert_eq!(refused.code, 5, "{}", refused.stderr);
    assert!(refused.stderr.starts_with("error: "));
    assert!(refused.stderr.contains("changed since it was shown"));
    assert_eq!(refused.json()["error"]["code"], "account_changed");
    // Only the refusal's audit entry was written.
    let after = p.dump();
    assert_eq!(
        before
            .lines()
            .filter(|l| !l.starts_with("audit"))
            .collect::<Vec<_>>(),
        after
            .lines()
            .filter(|l| !l.starts_with("audit"))
            .collect::<Vec<_>>()
    );
    let now = p.read(T0, &["account", "show", &id.to_string()])["version"]
        .as_i64()
        .unwrap();
    p.act(
        ADMIN,
        T0,
        &[
            "account",
            "disconnect",
            &id.to_string(),
            "--if-version",
            &now.to_string(),
        ],
    )
    .ok();
}

#[test]
fn a_disconnect_dialog_does_not_act_on_posts_it_never_showed() {
    let (p, id, mut h) = acme_hovered();
    h.char('d');
    h.expect("Disconnect account");
    h.expect("0 scheduled posts");
    // Meanwhile, another process disconnects, reconnects and schedules 3 posts.
    p.act(ADMIN, T0, &["account", "disconnect", &id.to_string()])
        .ok();
    p.act(ADMIN, T0, &["account", "reconnect", &id.to_string()])
        .ok();
    for day in ["2026-03-10", "2026-03-11", "2026-03-12"] {
        p.schedule(id, T0, &format!("{day}T09:00:00Z"));
    }
    // Press "Disconnect account" (focus starts on Cancel).
    h.key(KeyCode::Left);
    h.key(KeyCode::Enter);
    let account = p.read(T0, &["account", "show", &id.to_string()]);
    assert_eq!(account["status"], "connected", "the stale dialog acted");
    // The dialog is shown again with the fresh numbers.
    h.expect("3 scheduled posts");
    h.expect("changed since this dialog opened");
    // Confirming now acts on what is shown.
    h.key(KeyCode::Left);
    h.key(KeyCode::Enter);
    let account = p.read(T0, &["account", "show", &id.to_string()]);
    assert_eq!(account["status"], "disconnected");
}

#[test]
fn a_remove_dialog_does_not_remove_an_account_that_changed_meanwhile() {
    let (p, id, mut h) = acme_hovered();
    h.char('x');
    h.keys("acme");
    p.schedule(id, T0, "2026-03-10T09:00:00Z");
    h.key(KeyCode::Tab);
    h.key(KeyCode::Enter);
    let account = p.run(&["--json", "--now", T0, "account", "show", &id.to_string()]);
    assert_eq!(
        account.code, 0,
        "the account was removed: {}",
        account.stderr
    );
    h.expect("changed since this dialog opened");
}

/// A portal with @acme, its clock at T0, on screen with @acme hovered.
fn acme_hovered() -> (TestPortal, i64, Harness) {
    let p = TestPortal::new();
    let id = p.connect("facebook", "acme", T0);
    p.run(&["clock", "set", T0]).ok();
    let mut h = Harness::open(&p.db, ADMIN, 120, 36);
    h.hover_handle("acme");
    (p, id, h)
}

// 6. A file that is not a portal is never changed.

#[test]
fn another_programs_database_is_refused_without_being_changed() {
    let p = TestPortal::empty();
    {
        let conn = rusqlite::Connection::open(&p.db).unwrap();
        conn.execute_batch(
            "PRAGMA user_version = 3; CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);
             INSERT INTO notes (body) VALUES ('mine');",
        )
        .unwrap();
    }
    let before = std::fs::read(&p.db).unwrap();
    let run = p.run(&["--now", T0, "account", "list"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("not a Switchboard portal"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read(&p.db).unwrap(),
        before,
        "the file was changed"
    );
    let wal = p.db.with_file_name("portal.db-wal");
    assert!(!wal.exists(), "the file was switched to WAL");
}

#[test]
fn an_empty_file_is_refused_and_stays_empty() {
    let p = TestPortal::empty();
    std::fs::write(&p.db, b"").unwrap();
    let run = p.run(&["--now", T0, "account", "list"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("empty file"), "{}", run.stderr);
    assert_eq!(std::fs::metadata(&p.db).unwrap().len(), 0);
}

#[test]
fn a_text_file_is_refused_and_left_as_it_was() {
    let p = TestPortal::empty();
    std::fs::write(&p.db, "shopping list\n".repeat(20)).unwrap();
    let run = p.run(&["--now", T0, "sweep"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("not a SQLite database"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(&p.db).unwrap(),
        "shopping list\n".repeat(20)
    );
}

// 7. Files the app creates are its owner's only.

#[test]
fn new_and_demo_portals_are_readable_by_their_owner_only() {
    let p = TestPortal::new();
    assert_eq!(mode(&p.db), 0o600);
    let demo = p.dir.path().join("demo.db");
    let run = p.run(&["--db", demo.to_str().unwrap(), "demo", "--no-tui"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(mode(&demo), 0o600);
    let generated = p.dir.path().join("generated.db");
    let run = p.run(&[
        "--db",
        generated.to_str().unwrap(),
        "generate",
        "--accounts",
        "20",
        "--posts",
        "50",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(mode(&generated), 0o600);
}

// 8. Builds of dead processes are swept away.

#[test]
fn a_build_left_by_a_dead_process_is_removed_by_the_next_run() {
    let p = TestPortal::empty();
    // A process id that cannot be running: above the kernel's pid_max.
    let stale = p.dir.path().join(".portal.db.99999999.partial");
    for suffix in ["", "-wal", "-shm"] {
        std::fs::write(format!("{}{suffix}", stale.display()), b"half").unwrap();
    }
    let run = init(&p, &p.db);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let left: Vec<String> = std::fs::read_dir(p.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("partial"))
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

#[test]
fn a_generate_stopped_by_a_signal_leaves_no_file_behind() {
    let p = TestPortal::empty();
    for signal in ["TERM", "INT"] {
        let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("switchboard"))
            .args(["generate", "--accounts", "200000", "--posts", "5000000"])
            .env("SWITCHBOARD_DB", &p.db)
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Wait until the build has started.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while !std::fs::read_dir(p.dir.path())
            .unwrap()
            .any(|e| e.unwrap().file_name().to_string_lossy().contains("partial"))
        {
            assert!(std::time::Instant::now() < deadline, "no build started");
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        std::thread::sleep(std::time::Duration::from_millis(300));
        let kill = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status()
            .unwrap();
        assert!(kill.success());
        let output = child.wait_with_output().unwrap();
        assert_ne!(output.status.code(), Some(0));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("error: stopped by a signal"), "{stderr}");
        let left: Vec<String> = std::fs::read_dir(p.dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(left.is_empty(), "SIG{signal} left behind: {left:?}");
    }
}

// 9. A portal replaced under a running process is not written to.

#[test]
fn a_portal_replaced_under_an_open_session_is_not_written() {
    let p = TestPortal::new();
    let id = p.connect("facebook", "acme", T0);
    let mut portal = switchboard::store::Portal::open(&p.db).unwrap();
    // Someone restores another file over it.
    let other = TestPortal::new();
    std::fs::rename(&other.db, &p.db).unwrap();
    let result = portal.run(
        Some(switchboard::lifecycle::time::parse_instant(LATER).unwrap()),
        Some(ADMIN),
        |s| switchboard::store::actions::disconnect(s, id, None),
    );
    let error = result.expect_err("wrote to a replaced file");
    assert_eq!(error.code(), "portal_replaced");
    assert!(error.to_string().contains("start Switchboard again"));
}

#[test]
fn a_portal_whose_wal_was_deleted_is_not_written() {
    let p = TestPortal::new();
    let id = p.connect("facebook", "acme", T0);
    let mut portal = switchboard::store::Portal::open(&p.db).unwrap();
    let wal = p.db.with_file_name("portal.db-wal");
    assert!(wal.exists());
    std::fs::remove_file(&wal).unwrap();
    let result = portal.run(
        Some(switchboard::lifecycle::time::parse_instant(LATER).unwrap()),
        Some(ADMIN),
        |s| switchboard::store::actions::disconnect(s, id, None),
    );
    assert_eq!(result.expect_err("wrote").code(), "portal_replaced");
}

// 5. A recording is always a new file.

#[test]
fn a_recording_never_overwrites_a_file_not_even_the_portal() {
    let p = TestPortal::new();
    p.connect("facebook", "acme", T0);
    let before = p.dump();
    let bytes = std::fs::read(&p.db).unwrap();
    let db = p.db.to_str().unwrap();
    let run = p.run(&["--db", db, "--record", db, "tour", "article", "--headless"]);
    assert_eq!(run.code, 5, "{}", run.stderr);
    assert!(run.stderr.starts_with("error: "), "{}", run.stderr);
    assert!(run.stderr.contains("never overwrites"), "{}", run.stderr);
    assert_eq!(std::fs::read(&p.db).unwrap(), bytes);
    assert_eq!(p.dump(), before);
    let other = p.dir.path().join("notes.txt");
    std::fs::write(&other, "mine").unwrap();
    let run = p.run(&[
        "--record",
        other.to_str().unwrap(),
        "tour",
        "article",
        "--headless",
    ]);
    assert_eq!(run.code, 5, "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&other).unwrap(), "mine");
}

#[test]
fn a_recording_is_readable_by_its_owner_only() {
    let p = TestPortal::empty();
    let cast = p.dir.path().join("tour.cast");
    let output = without_db(&[
        "--record",
        cast.to_str().unwrap(),
        "tour",
        "article",
        "--headless",
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(mode(&cast), 0o600);
}

/// Runs the binary with its data directory (and so its log) in `home`, at
/// the default log level.
fn with_data_home(home: &Path, args: &[&str]) -> std::process::Output {
    assert_cmd::Command::cargo_bin("switchboard")
        .unwrap()
        .env("XDG_DATA_HOME", home)
        .env_remove("SWITCHBOARD_LOG")
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn the_log_is_created_owner_only_in_the_data_directory_with_data_escaped() {
    let home = tempfile::tempdir().unwrap();
    // A command that fails on a name with a terminal escape in it: the
    // failure is logged (at warn, a command's default level).
    let output = with_data_home(
        home.path(),
        &["--db", "/nonexistent/\u{1b}[2J.db", "account", "list"],
    );
    assert_eq!(output.status.code(), Some(4));
    let logs = home.path().join("switchboard").join("logs");
    assert_eq!(mode(&logs), 0o700);
    let files: Vec<_> = std::fs::read_dir(&logs)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    assert_eq!(mode(&files[0]), 0o600);
    let text = std::fs::read_to_string(&files[0]).unwrap();
    assert!(text.contains("no portal database at"), "{text}");
    assert!(
        !text.contains('\u{1b}'),
        "an escape reached the log: {text:?}"
    );
}

#[test]
fn a_command_with_nothing_to_log_leaves_no_log_file() {
    let home = tempfile::tempdir().unwrap();
    let output = with_data_home(home.path(), &["completions", "bash"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(!home.path().join("switchboard").exists());
}

// 8. The headless tour's throwaway portal lives in a private folder.

#[test]
fn the_headless_tour_ignores_a_folder_planted_at_the_old_predictable_path() {
    // What another user could plant: the old `switchboard-tour-PID` name
    // cannot be guessed now; a folder of that shape is never used.
    let p = TestPortal::empty();
    let tmp = p.dir.path().join("tmp");
    std::fs::create_dir(&tmp).unwrap();
    let output = assert_cmd::Command::cargo_bin("switchboard")
        .unwrap()
        .env("TMPDIR", &tmp)
        .env_remove("SWITCHBOARD_DB")
        .env_remove("SWITCHBOARD_USER")
        .args(["tour", "article", "--headless"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    // The scratch folder is gone after the run.
    assert_eq!(std::fs::read_dir(&tmp).unwrap().count(), 0);
}

// 11. Nothing from the data reaches a terminal raw.

#[test]
fn names_handles_and_emails_with_control_bidi_or_invisible_characters_are_refused() {
    let p = TestPortal::new();
    for (args, named) in [
        (
            vec!["account", "connect", "facebook", "acme\u{1b}[2J"],
            "U+001B",
        ),
        (
            vec!["account", "connect", "facebook", "plain\u{200b}"],
            "U+200B",
        ),
        (
            vec![
                "account",
                "connect",
                "facebook",
                "acme",
                "--name",
                "\u{202e}evil",
            ],
            "U+202E",
        ),
        (
            vec!["user", "add", "bo\u{7}@example.com", "--name", "Bo"],
            "U+0007",
        ),
        (
            vec![
                "user",
                "add",
                "bo@example.com",
                "--name",
                "Bo\u{1b}]52;c;aGk=\u{7}",
            ],
            "U+001B",
        ),
    ] {
        let run = p.act(ADMIN, T0, &args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains(named), "{args:?}: {}", run.stderr);
        assert!(
            !run.stderr.contains('\u{1b}'),
            "raw ESC in {:?}",
            run.stderr
        );
        assert!(!run.stdout.contains('\u{1b}'));
    }
    let run = p.run(&[
        "--db",
        p.dir.path().join("x.db").to_str().unwrap(),
        "init",
        "--portal",
        "Evil\u{1b}[2J",
        "--tier",
        "professional",
        "--admin",
        ADMIN,
        "--admin-name",
        "Ana",
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
}

#[test]
fn stored_control_characters_and_free_text_are_shown_escaped() {
    let p = TestPortal::new();
    let id = p.connect("facebook", "acme", T0);
    let evil = "hi\u{1b}]52;c;aGVsbG8=\u{7}\u{1b}[2J\r\u{202e}there";
    p.act(
        ADMIN,
        T0,
        &["post", "draft", &id.to_string(), "--text", evil],
    )
    .ok();
    // A name stored by an older release, before input was checked.
    let conn = rusqlite::Connection::open(&p.db).unwrap();
    conn.execute(
        "UPDATE users SET name = 'Ana\u{1b}[31m' WHERE email = ?1",
        [ADMIN],
    )
    .unwrap();
    drop(conn);
    for args in [
        vec!["--now", T0, "post", "list"],
        vec!["--now", T0, "user", "list"],
        vec!["--now", T0, "audit"],
        vec!["--now", T0, "account", "list"],
    ] {
        let run = p.run(&args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        for raw in ['\u{1b}', '\u{7}', '\r', '\u{202e}'] {
            assert!(
                !run.stdout.contains(raw),
                "{args:?} printed {raw:?} raw: {:?}",
                run.stdout
            );
        }
    }
    let posts = p.run(&["--now", T0, "post", "list"]).stdout;
    assert!(
        posts.contains("hi\\u{1b}]52;c;aGVsbG8=\\u{7}\\u{1b}[2J\\u{d}\\u{202e}there"),
        "{posts}"
    );
    // JSON keeps the text as it is (JSON escapes it itself).
    let json = p.read(T0, &["post", "list"]);
    assert_eq!(json[0]["text"], evil);
}

#[test]
fn a_tour_file_with_escapes_is_printed_escaped_by_the_headless_tour() {
    let p = TestPortal::empty();
    let tour = p.dir.path().join("evil.toml");
    std::fs::write(
        &tour,
        "title = \"Evil \\u001b[2J tour\"\n\n[[step]]\ntitle = \"Bell \\u0007 here\"\nnarration = \"Clipboard \\u001b]52;c;aGk=\\u0007 and \\u202e bidi\"\nactions = []\n",
    )
    .unwrap();
    let output = without_db(&["tour", tour.to_str().unwrap(), "--headless"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for raw in ['\u{1b}', '\u{7}', '\u{202e}'] {
        assert!(!stdout.contains(raw), "printed {raw:?} raw");
    }
    assert!(stdout.contains("Evil \\u{1b}[2J tour"), "{stdout}");
}

// 12. Lookalikes.

#[test]
fn a_handle_that_only_looks_like_another_is_the_same_handle_or_refused() {
    let p = TestPortal::new();
    let first = p.connect("facebook", "café", T0);
    // "cafe" + a combining acute accent: the same text after NFC.
    let again = p.act(
        ADMIN,
        T0,
        &["account", "connect", "facebook", "cafe\u{301}"],
    );
    assert_eq!(again.code, 5, "{}", again.stderr);
    assert_eq!(again.json()["error"]["code"], "already_connected");
    let invisible = p.act(
        ADMIN,
        T0,
        &["account", "connect", "facebook", "caf\u{e9}\u{200b}"],
    );
    assert_eq!(invisible.code, 2);
    let list = p.read(T0, &["account", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["id"], first);
    // Emails: the same after NFC and case.
    p.add_user("zoé@example.com", &[]);
    let twin = p.act(
        ADMIN,
        T0,
        &["user", "add", "ZOE\u{301}@example.com", "--name", "Twin"],
    );
    assert_ne!(twin.code, 0, "a lookalike user was added: {}", twin.stdout);
}

// 18. The clock stays in range.

#[test]
fn t4_the_clock_never_leaves_the_years_a_portal_can_hold() {
    let p = TestPortal::new();
    p.run(&["clock", "set", "9000-12-31T00:00:00Z"]).ok();
    for _ in 0..2 {
        let run = p.run(&["clock", "advance", "366000d"]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(run.stderr.starts_with("error: "), "{}", run.stderr);
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    }
    let clock = p.run(&["--json", "clock", "show"]).ok().json();
    assert_eq!(clock["demo_clock"], "9000-12-31T00:00:00Z");
}

#[test]
fn t4_the_tui_clock_refuses_to_leave_the_supported_years() {
    let p = TestPortal::new();
    p.run(&["clock", "set", "9000-12-30T00:00:00Z"]).ok();
    let mut h = Harness::open(&p.db, ADMIN, 120, 36);
    // t, then "+90 days" several times: refused, never a panic.
    for _ in 0..3 {
        h.char('t');
        h.keys("jjjj");
        h.key(KeyCode::Enter);
        h.expect("years");
        h.key(KeyCode::Esc);
    }
    let clock = p.run(&["--json", "clock", "show"]).ok().json();
    assert!(
        clock["demo_clock"]
            .as_str()
            .unwrap()
            .starts_with("9000-12-3"),
        "{clock}"
    );
}

// 19. Clear errors at the edges.

/// Runs `script` in a private mount namespace (its mounts vanish with it),
/// or says why it cannot here.
fn in_private_mounts(script: &str) -> Option<std::process::Output> {
    let probe = std::process::Command::new("unshare")
        .args(["-m", "true"])
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: this machine does not allow private mounts (unshare -m)");
        return None;
    }
    Some(
        std::process::Command::new("unshare")
            .args(["-m", "sh", "-c", script])
            .env(
                "SWITCHBOARD_BIN",
                assert_cmd::cargo::cargo_bin("switchboard"),
            )
            .output()
            .unwrap(),
    )
}

#[test]
fn a_full_disk_says_the_disk_is_full() {
    let dir = tempfile::tempdir().unwrap();
    let script = format!(
        "mount -t tmpfs -o size=300k tmpfs {dir} && \"$SWITCHBOARD_BIN\" --db {dir}/p.db generate --accounts 3000 --posts 30000",
        dir = dir.path().display()
    );
    let Some(output) = in_private_mounts(&script) else {
        return;
    };
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.starts_with("error: the disk is full"), "{stderr}");
}

#[test]
fn generate_past_the_file_size_limit_ends_with_an_error_line() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let output = std::process::Command::new("sh")
        .args([
            "-c",
            "ulimit -f 400 && exec \"$SWITCHBOARD_BIN\" --db \"$DIR/p.db\" generate --accounts 3000 --posts 30000",
        ])
        .env("SWITCHBOARD_BIN", assert_cmd::cargo::cargo_bin("switchboard"))
        .env("DIR", dir.path())
        // Its log in a folder of its own: a log grown past the limit
        // elsewhere would fail first.
        .env("XDG_DATA_HOME", data.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(1),
        "killed by a signal? {stderr}"
    );
    assert!(stderr.starts_with("error: "), "{stderr}");
    assert!(stderr.contains("ulimit -f"), "{stderr}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn init_in_a_folder_that_does_not_exist_says_so_and_creates_nothing() {
    let p = TestPortal::empty();
    let missing = p.dir.path().join("no").join("such");
    let db = missing.join("x.db");
    let run = init(&p, &db);
    assert_eq!(run.code, 4, "{}", run.stderr);
    assert!(run.stderr.contains("does not exist"), "{}", run.stderr);
    assert!(!p.dir.path().join("no").exists());
}

// 15. Display width, not characters.

#[test]
fn cli_tables_align_wide_names_by_display_width() {
    let p = TestPortal::new();
    let wide = "東京支社のアカウント公式です長い名前";
    p.connect_named("facebook", "tokyo", wide, T0);
    p.connect_named("facebook", "plain", "Plain", T0);
    let list = p.run(&["--now", T0, "account", "list"]).ok().stdout;
    let at_column = |handle: &str| {
        let line = list.lines().find(|l| l.contains(handle)).unwrap();
        let byte = line.find(&format!("@{handle}")).unwrap();
        switchboard::present::width(&line[..byte])
    };
    assert_eq!(at_column("tokyo"), at_column("plain"), "{list}");
}

#[test]
fn a_wide_name_never_pushes_the_row_actions_off_screen_or_under_another_button() {
    let p = TestPortal::new();
    let name = "👨\u{200D}👩\u{200D}👧 東京支社のアカウント公式です長い名前";
    p.connect_named("facebook", "tokyo", name, T0);
    p.run(&["clock", "set", T0]).ok();
    for (width, height) in [(80, 24), (120, 36)] {
        let mut h = Harness::open(&p.db, ADMIN, width, height);
        h.hover_handle("tokyo");
        let (x, y) = h
            .find("[Remove]")
            .unwrap_or_else(|| panic!("[Remove] is off screen:\n{}", h.screen()));
        assert!(x + 8 < width, "{}", h.screen());
        // The family emoji is drawn whole or not at all, never half.
        let row = h.screen().lines().nth(y as usize).unwrap().to_string();
        assert!(
            !row.contains("👨\u{200D}👩 ") && !row.ends_with('\u{200D}'),
            "{row}"
        );
        // A click on the visible "[Di" opens Disconnect, not Remove.
        let (dx, dy) = h.find("[Disconnect]").unwrap();
        h.click(dx + 2, dy);
        h.expect("Disconnect account");
        assert!(!h.shows("Remove account"), "{}", h.screen());
        h.key(KeyCode::Esc);
    }
}

// 16. Never freeze behind a lock.

#[test]
fn the_tui_keeps_reading_while_another_process_holds_the_write_lock() {
    let p = TestPortal::new();
    p.connect("facebook", "acme", T0);
    p.run(&["clock", "set", T0]).ok();
    let mut h = Harness::open(&p.db, ADMIN, 120, 36);
    let holder = rusqlite::Connection::open(&p.db).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    // The Activity tab reads the audit log; the Accounts tab the list. (Before,
    // each read waited for the lock and then failed: no rows, an error.)
    h.char('4');
    h.expect("connect");
    h.expect("Portal busy");
    h.char('1');
    h.expect("@acme");
    holder.execute_batch("ROLLBACK").unwrap();
    switchboard::tui::reload(&mut h.app, &mut h.runtime);
    h.draw();
    assert!(!h.shows("Portal busy"), "{}", h.screen());
}

#[test]
fn the_cli_still_waits_for_the_lock_then_says_the_portal_is_busy() {
    let p = TestPortal::new();
    let holder = rusqlite::Connection::open(&p.db).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let run = p.run(&["--now", T0, "sweep"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .starts_with("error: another process holds the portal"),
        "{}",
        run.stderr
    );
    holder.execute_batch("ROLLBACK").unwrap();
}

// 17. Bounded input.

#[test]
fn a_paste_past_a_fields_limit_is_cut_with_a_toast() {
    let p = TestPortal::new();
    p.connect("facebook", "acme", T0);
    p.run(&["clock", "set", T0]).ok();
    let mut h = Harness::open(&p.db, ADMIN, 120, 36);
    h.char('/');
    // A filter of 50 000 characters, as a paste arrives without bracketed paste.
    for _ in 0..300 {
        h.char('a');
    }
    let filter = h.app.filter_input.as_ref().unwrap().value().to_string();
    assert_eq!(filter.chars().count(), 256);
    h.expect("at most 256 characters");
    // The list answers (no "LIKE pattern too complex" error).
    h.expect("No account's name or handle contains");
}

#[test]
fn a_filter_of_any_length_is_matched_without_a_database_error() {
    let p = TestPortal::new();
    p.connect("facebook", "acme", T0);
    let portal = switchboard::store::Portal::open(&p.db).unwrap();
    let long = "a".repeat(50_000);
    let rows = switchboard::store::accounts::window(
        portal.connection(),
        switchboard::store::accounts::ListFilter {
            include_hidden: true,
            text: Some(&long),
            ..switchboard::store::accounts::ListFilter::list(
                switchboard::lifecycle::time::parse_instant(T0).unwrap(),
            )
        },
        switchboard::store::accounts::Bound::Start,
        10,
    )
    .unwrap();
    assert!(rows.is_empty());
}

#[test]
fn lookalike_and_mixed_script_handles_are_refused_naming_the_account_they_pass_for() {
    let p = TestPortal::new();
    p.run(&["--now", T0, "clock", "set", T0]).ok();
    let paypal = p.connect("facebook", "paypal", T0);
    // A Cyrillic а among Latin letters.
    let run = p.run(&[
        "--as",
        ADMIN,
        "account",
        "connect",
        "facebook",
        "@p\u{430}ypal",
    ]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(run.stderr.contains("mixes scripts"), "{}", run.stderr);
    // Fullwidth letters: one script, but the same skeleton as @paypal.
    let run = p.run(&[
        "--as",
        ADMIN,
        "account",
        "connect",
        "facebook",
        "@\u{ff30}\u{ff21}\u{ff39}\u{ff30}\u{ff21}\u{ff2c}",
    ]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stderr
            .contains(&format!("looks like @paypal (#{paypal})")),
        "{}",
        run.stderr
    );
    // The same handle on another network is another account.
    let run = p.run(&["--as", ADMIN, "account", "connect", "linkedin", "@paypal"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Nothing was added on Facebook.
    let list = p
        .run(&["--json", "account", "list", "--network", "facebook"])
        .ok()
        .json();
    assert_eq!(list.as_array().unwrap().len(), 1);
}

#[test]
fn migrate_refuses_a_row_that_could_not_be_written_by_our_own_commands_naming_it() {
    let p = TestPortal::new();
    p.run(&["--now", T0, "clock", "set", T0]).ok();
    p.add_user("bo@example.com", &[]);
    // An older release or another program wrote a name with CR LF.
    p.execute_raw(
        "UPDATE users SET name = 'Bo' || char(13) || char(10) || 'Bcc: all@example.com' WHERE email = 'bo@example.com'",
    );
    let copy = p.dir.path().join("copy.db");
    let run = p.run(&[
        "migrate",
        "--from",
        p.db.to_str().unwrap(),
        "--to",
        copy.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stderr.contains("users row 2: its name holds"),
        "{}",
        run.stderr
    );
    assert!(!copy.exists(), "a copy was left behind");
}

/// Adds `email` to `portal` while another process holds it open, so the
/// write stays in its `-wal`; returns a copy of that log (and the holder,
/// to drop when the test has what it needs).
fn user_added_in_the_log(
    portal: &TestPortal,
    email: &str,
) -> (std::path::PathBuf, rusqlite::Connection) {
    let holder = rusqlite::Connection::open(&portal.db).unwrap();
    holder
        .query_row("SELECT count(*) FROM users", [], |r| r.get::<_, i64>(0))
        .unwrap();
    portal
        .run(&["--as", ADMIN, "user", "add", email, "--name", "Someone"])
        .ok();
    let saved = portal.dir.path().join("saved-wal");
    std::fs::copy(wal_of(&portal.db), &saved).unwrap();
    assert!(
        std::fs::metadata(&saved).unwrap().len() > 32,
        "the log holds frames"
    );
    (saved, holder)
}

/// `path`'s `-wal`.
fn wal_of(path: &Path) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push("-wal");
    name.into()
}

#[test]
fn a_write_ahead_log_of_another_portal_is_never_applied_to_this_one() {
    if crate::common::sqlite_files_only("write-ahead logs") {
        return;
    }
    let a = TestPortal::initialised_at(T0);
    let b = TestPortal::initialised_at(T0);
    b.run(&[
        "--as",
        ADMIN,
        "user",
        "add",
        "only-b@example.com",
        "--name",
        "B",
    ])
    .ok();
    // A process holds A open, so a write to A stays in A's -wal.
    let (saved, holder) = user_added_in_the_log(&a, "only-a@example.com");
    // That process then dies without cleaning up (its -wal stays), and
    // someone moves B over A's name.
    drop(holder);
    std::fs::rename(&b.db, &a.db).unwrap();
    let _ = std::fs::remove_file(wal_of(&b.db));
    std::fs::copy(&saved, wal_of(&a.db)).unwrap();
    let run = a.run(&["--json", "user", "list"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stderr.contains("belongs to another database"),
        "{}",
        run.stderr
    );
    // B was left as it was: its own user, not A's.
    std::fs::rename(wal_of(&a.db), a.dir.path().join("aside-wal")).unwrap();
    let users = a.run(&["--json", "user", "list"]).ok().stdout;
    assert!(users.contains("only-b@example.com"), "{users}");
    assert!(!users.contains("only-a@example.com"), "{users}");
}

#[test]
fn a_portals_own_write_ahead_log_left_by_a_crash_is_applied() {
    if crate::common::sqlite_files_only("write-ahead logs") {
        return;
    }
    let a = TestPortal::initialised_at(T0);
    let (saved, holder) = user_added_in_the_log(&a, "crash@example.com");
    // The file as it was before the write's checkpoint: a crash's state.
    let before = a.dir.path().join("before.db");
    let untouched = rusqlite::Connection::open_with_flags(
        format!("file:{}?immutable=1", a.db.display()),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_URI,
    )
    .unwrap();
    untouched
        .backup(
            rusqlite::MAIN_DB,
            &before,
            None::<fn(rusqlite::backup::Progress)>,
        )
        .unwrap();
    drop(untouched);
    drop(holder);
    std::fs::copy(&before, &a.db).unwrap();
    std::fs::copy(&saved, wal_of(&a.db)).unwrap();
    let users = a.run(&["--json", "user", "list"]).ok().stdout;
    assert!(users.contains("crash@example.com"), "{users}");
}

#[test]
fn scheduling_past_the_reauthorization_deadline_warns_that_the_disconnect_cancels_it() {
    let p = TestPortal::new();
    p.run(&["--now", T0, "clock", "set", T0]).ok();
    // Facebook: due 90 days after T0, on 2026-05-30.
    let id = p.connect("facebook", "acme", T0).to_string();
    let schedule = |at: &str| {
        p.run(&[
            "--json", "--as", ADMIN, "post", "schedule", &id, "--at", at, "--text", "hello",
        ])
        .ok()
        .json()
    };
    let before = schedule("2026-05-29T09:00:00Z");
    assert_eq!(before["past_reauth_deadline"], serde_json::Value::Null);
    let after = schedule("2026-06-02T09:00:00Z");
    assert_eq!(after["past_reauth_deadline"], "2026-05-30T09:00:00Z");
    let post = after["id"].as_i64().unwrap().to_string();
    // Human output says it, and so does a reschedule past it.
    let run = p.run(&[
        "--as",
        ADMIN,
        "post",
        "reschedule",
        &post,
        "--at",
        "2026-06-03T09:00:00Z",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("after the account's reauthorization deadline (2026-05-30 09:00 UTC)"),
        "{}",
        run.stdout
    );
    // The Reschedule dialog warns as the instant is typed.
    let mut h = Harness::open(&p.db, ADMIN, 120, 36);
    h.char('2');
    h.char('e');
    assert!(
        !h.shows("canceled unless reauthorized first"),
        "May 29 is before it"
    );
    h.key(KeyCode::Esc);
    h.char('j');
    h.char('e');
    h.expect("canceled unless reauthorized first");
}
