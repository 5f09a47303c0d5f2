//! Issue 12, first part: `switchboard watch` keeps a portal swept on the
//! system clock, wakes when another process changes the portal, and stops
//! with exit 0 on SIGTERM.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{ADMIN, TestPortal};

/// The real time, as RFC 3339, `seconds` from now.
fn in_seconds(seconds: i64) -> String {
    (chrono::Utc::now() + chrono::TimeDelta::seconds(seconds))
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn start_watch(p: &TestPortal) -> Child {
    Command::new(assert_cmd::cargo::cargo_bin("switchboard"))
        .env("SWITCHBOARD_DB", &p.db)
        .env("SWITCHBOARD_LANG", "en")
        .env("XDG_DATA_HOME", p.dir.path().join("data"))
        .args(["--json", "watch"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn post_status(p: &TestPortal, id: i64) -> String {
    let posts = p
        .run(&["--json", "post", "list", "--account", "1"])
        .ok()
        .json();
    posts
        .as_array()
        .unwrap()
        .iter()
        .find(|post| post["id"] == id)
        .map(|post| post["status"].as_str().unwrap().to_string())
        .unwrap_or_default()
}

#[test]
fn r12_watch_publishes_a_post_scheduled_by_another_process_at_its_time_and_stops_on_sigterm() {
    // A portal on the system clock, with nothing due.
    let p = TestPortal::empty();
    p.run(&[
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
    .ok();
    p.run(&["--as", ADMIN, "account", "connect", "facebook", "acme"])
        .ok();
    let mut watch = start_watch(&p);
    std::thread::sleep(Duration::from_millis(700));
    // Another process schedules a post two seconds ahead: the watch, asleep
    // with nothing due, must notice the change and publish it at its time.
    let scheduled = p
        .run(&[
            "--json",
            "--as",
            ADMIN,
            "post",
            "schedule",
            "1",
            "--at",
            &in_seconds(2),
            "--text",
            "Spring is here",
        ])
        .ok()
        .json();
    let id = scheduled["id"].as_i64().unwrap();
    // Watched through the watch's own output: a command run meanwhile
    // would sweep, and could publish it before the watch does.
    let lines = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let stdout = watch.stdout.take().unwrap();
    let kept = std::sync::Arc::clone(&lines);
    let reader = std::thread::spawn(move || {
        use std::io::BufRead;
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            kept.lock().unwrap().push(line);
        }
    });
    let names_it = |lines: &[String]| {
        lines
            .iter()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .flat_map(|doc| doc["events"].as_array().cloned().unwrap_or_default())
            .filter(|e| e["kind"] == "published" && e["post_id"] == id)
            .count()
    };
    let started = Instant::now();
    while names_it(&lines.lock().unwrap()) == 0 {
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "the watch did not publish the post"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(post_status(&p, id), "published");
    // SIGTERM: exit 0, and the sweep it printed names the publication.
    unsafe {
        libc::kill(watch.id() as i32, libc::SIGTERM);
    }
    let started = Instant::now();
    let status = loop {
        if let Some(status) = watch.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the watch did not stop"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    let output = watch.wait_with_output().unwrap();
    assert_eq!(
        status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    reader.join().unwrap();
    let lines = lines.lock().unwrap();
    assert_eq!(
        names_it(&lines),
        1,
        "one sweep document names it:\n{lines:?}"
    );
}

// The same tests on a PostgreSQL portal (issue 13).
postgres_twins!("watch.rs": r12_watch_publishes_a_post_scheduled_by_another_process_at_its_time_and_stops_on_sigterm);
