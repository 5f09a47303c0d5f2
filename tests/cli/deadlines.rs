//! Issue 21, item 5: the deadlines ahead as an iCalendar file, checked by a
//! parser we did not write (Python's `icalendar`, in tests/python/site).

use std::process::Stdio;

use crate::common::{ACME_NOW, ADMIN, acme};

/// The calendar's events as Python's `icalendar` reads them.
fn parsed(ics: &str) -> serde_json::Value {
    let script = r#"
import json, sys
from icalendar import Calendar
calendar = Calendar.from_ical(sys.stdin.buffer.read())
events = []
for event in calendar.walk('VEVENT'):
    alarms = [str(a.decoded('TRIGGER').isoformat()) for a in event.walk('VALARM')]
    events.append({
        'uid': str(event['UID']),
        'summary': str(event['SUMMARY']),
        'description': str(event['DESCRIPTION']),
        'start': event.decoded('DTSTART').isoformat(),
        'sequence': int(event['SEQUENCE']),
        'alarms': alarms,
    })
print(json.dumps({'name': str(calendar['X-WR-CALNAME']), 'events': events}))
"#;
    crate::common::python_json(script, ics.as_bytes(), "icalendar")
}

#[test]
#[cfg_attr(
    no_python_parsers,
    ignore = "needs Python's icalendar: python3 -m pip install --target tests/python/site -r tests/python/requirements.txt (README, Test)"
)]
fn the_deadlines_import_into_a_calendar_and_a_new_export_updates_the_same_events() {
    let p = acme();
    // A name with what iCalendar must escape.
    p.act(
        ADMIN,
        ACME_NOW,
        &[
            "account",
            "connect",
            "x",
            "acmelabs",
            "--name",
            "Acme, Labs; R&D \\ Team",
        ],
    )
    .ok();
    let ics = p
        .run(&[
            "--now",
            ACME_NOW,
            "deadlines",
            "--days",
            "400",
            "--format",
            "ics",
        ])
        .ok()
        .stdout;
    assert!(ics.contains("\r\n"), "lines end in CRLF");
    let calendar = parsed(&ics);
    let events = calendar["events"].as_array().unwrap();
    // The same deadlines as the JSON says, in the same order.
    let json = p.read(ACME_NOW, &["deadlines", "--days", "400"]);
    let json = json.as_array().unwrap();
    assert_eq!(events.len(), json.len(), "{calendar}");
    assert!(!events.is_empty());
    for (event, deadline) in events.iter().zip(json) {
        let handle = deadline["handle"].as_str().unwrap();
        assert!(
            event["summary"].as_str().unwrap().contains(handle),
            "{event}"
        );
        let at = deadline["at"].as_str().unwrap().replace('Z', "+00:00");
        assert_eq!(event["start"], at, "{event}");
        // The alarm at the reminder (or the purge warning).
        if let Some(warned) = deadline["warned_at"].as_str() {
            assert_eq!(event["alarms"][0], warned.replace('Z', "+00:00"), "{event}");
        }
    }
    // The name comes through whole, escapes undone by the parser.
    assert!(
        events.iter().any(|e| e["description"]
            .as_str()
            .unwrap()
            .contains("Acme, Labs; R&D \\ Team")),
        "{calendar}"
    );
    // Another export later: the same UIDs (a re-import updates the events,
    // never duplicates them).
    let later = p
        .run(&[
            "--now",
            "2026-03-02T09:00:00Z",
            "deadlines",
            "--days",
            "400",
            "--format",
            "ics",
        ])
        .ok()
        .stdout;
    let uids = |c: &serde_json::Value| -> Vec<String> {
        c["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["uid"].as_str().unwrap().to_string())
            .collect()
    };
    let again = parsed(&later);
    for uid in uids(&again) {
        assert!(uids(&calendar).contains(&uid), "{uid} is new");
    }
}

#[test]
fn no_deadline_ahead_says_so_and_the_days_are_checked() {
    let p = crate::common::TestPortal::new();
    let run = p.run(&["deadlines", "--days", "30"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("No deadline in the next 30 days"),
        "{}",
        run.stdout
    );
    let run = p.run(&["deadlines", "--days", "0"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
}

#[test]
#[cfg_attr(
    no_python_parsers,
    ignore = "needs Python's icalendar: python3 -m pip install --target tests/python/site -r tests/python/requirements.txt (README, Test)"
)]
fn watch_keeps_the_calendar_current_for_a_subscriber() {
    let p = acme();
    let file = p.dir.path().join("deadlines.ics");
    let mut watch = p
        .command(&["watch", "--ics", file.to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let read_when = |done: &dyn Fn(&serde_json::Value) -> bool| {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        loop {
            if let Ok(text) = std::fs::read_to_string(&file) {
                let calendar = parsed(&text);
                if done(&calendar) {
                    return calendar;
                }
            }
            assert!(
                std::time::Instant::now() < deadline,
                "the calendar never got there"
            );
            std::thread::sleep(std::time::Duration::from_millis(200));
        }
    };
    let has = |uid_start: &'static str| {
        move |c: &serde_json::Value| {
            c["events"].as_array().is_some_and(|e| {
                e.iter()
                    .any(|e| e["uid"].as_str().unwrap().starts_with(uid_start))
            })
        }
    };
    let accounts = p.read(ACME_NOW, &["account", "list"]);
    let corp = accounts
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["handle"] == "acmecorp")
        .unwrap()["id"]
        .to_string();
    read_when(&has("reauthorize-"));
    // A disconnect elsewhere: its deadline becomes the purge.
    p.act(ADMIN, ACME_NOW, &["account", "disconnect", &corp])
        .ok();
    let purge = format!("purge-{corp}@");
    let calendar = read_when(&move |c: &serde_json::Value| {
        c["events"].as_array().is_some_and(|e| {
            e.iter()
                .any(|e| e["uid"].as_str().unwrap().starts_with(&purge))
        })
    });
    // SAFETY: a plain signal to our own child.
    unsafe { libc::kill(watch.id() as i32, libc::SIGTERM) };
    let _ = watch.wait();
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert!(calendar["name"].as_str().unwrap().contains("Acme Corp"));
}
