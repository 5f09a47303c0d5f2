//! Issue 21, item 3: a recipient who chose a digest gets one message a day
//! at their hour listing every account that needs them, the most urgent
//! first; a catch-up of many reminders becomes one digest, sent once, and
//! nothing stale is in it.

use std::io::Write;
use std::process::{Command, Stdio};

use super::delivery::{
    BO, Mail, SmtpServer, outbox, set_email, smtp_config, start_watch, stop, wait_until,
    write_config,
};
use crate::common::{ADMIN, T0, TestPortal};

/// The mail's text as Python's email parser reads it.
fn text_of(mail: &Mail) -> String {
    let mut python = Command::new("python3")
        .args([
            "-c",
            "import sys, email, email.policy\n\
             m = email.message_from_bytes(sys.stdin.buffer.read(), policy=email.policy.default)\n\
             assert not m.defects, m.defects\n\
             print(m.get_content())",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    python
        .stdin
        .take()
        .unwrap()
        .write_all(mail.data.replace('\n', "\r\n").as_bytes())
        .unwrap();
    let out = python.wait_with_output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// The digests' hour comes (the test does not wait for tomorrow 08:00).
fn the_hour_comes(p: &TestPortal) {
    p.execute_raw("UPDATE deliveries SET next_attempt_ms = 0 WHERE digest_day IS NOT NULL");
}

#[test]
fn a_catch_up_of_many_reminders_is_one_digest_per_recipient_at_their_hour() {
    let smtp = SmtpServer::start();
    let p = TestPortal::new();
    p.run(&["--now", T0, "clock", "set", T0]).ok();
    p.add_user(BO, &["--access", "all", "--publish"]);
    set_email(&p, &[ADMIN, BO], "on");
    for i in 0..5 {
        p.connect_as(BO, "facebook", &format!("brand{i:02}"), T0);
    }
    // One account due a day later than the others: its own group.
    p.run(&["--as", ADMIN, "clock", "advance", "1d"]).ok();
    p.connect_as(BO, "instagram", "late", "2026-03-02T09:00:00Z");
    for (user, zone) in [(BO, "Europe/Rome"), (ADMIN, "UTC")] {
        p.run(&[
            "--as",
            ADMIN,
            "user",
            "set",
            user,
            "--delivery",
            "digest",
            "--digest-at",
            "08:00",
            "--timezone",
            zone,
        ])
        .ok();
    }
    write_config(&p, &smtp_config(smtp.port));
    p.run(&["--as", ADMIN, "clock", "advance", "84d"]).ok();
    // 6 reminders each, waiting for their recipient's 08:00.
    let rows = outbox(&p);
    assert_eq!(rows.len(), 12);
    for row in &rows {
        assert_eq!(row["status"], "pending");
        assert!(row["digest_day"].is_string(), "{row}");
        let at = row["next_attempt_at"].as_str().unwrap();
        let hour = if row["recipient"] == BO {
            ["T07:00:00Z", "T06:00:00Z"] // 08:00 in Rome, CET or CEST
        } else {
            ["T08:00:00Z", "T08:00:00Z"]
        };
        assert!(hour.iter().any(|h| at.ends_with(h)), "{row}");
    }
    let watch = start_watch(&p);
    std::thread::sleep(std::time::Duration::from_millis(1_500));
    assert!(smtp.mails().is_empty(), "nothing before the hour");
    the_hour_comes(&p);
    wait_until("two digests", 20, || smtp.mails().len() >= 2);
    std::thread::sleep(std::time::Duration::from_millis(700));
    let (code, stderr) = stop(watch);
    assert_eq!(code, Some(0), "{stderr}");
    let mails = smtp.mails();
    assert_eq!(mails.len(), 2, "one digest each: {mails:#?}");
    for mail in &mails {
        assert_eq!(
            mail.header("Subject").unwrap(),
            "Switchboard: 6 accounts need you"
        );
        assert!(mail.header("Message-ID").unwrap().starts_with("<digest."));
        let text = text_of(mail);
        assert_eq!(
            text.matches("switchboard account reconnect").count(),
            6,
            "{text}"
        );
        // Grouped by deadline, the most urgent first.
        let first = text.find("brand00").unwrap();
        let late = text.find("late").unwrap();
        assert!(first < late, "{text}");
        assert_eq!(text.matches("By ").count(), 2, "{text}");
    }
    let to_bo = mails.iter().find(|m| m.to == [BO]).unwrap();
    assert!(
        text_of(to_bo).contains("By May 30 2026 11:00 (Europe/Rome):"),
        "{}",
        text_of(to_bo)
    );
    // Every row delivered, once.
    assert!(
        outbox(&p)
            .iter()
            .all(|r| r["status"] == "delivered" && r["attempts"] == 1)
    );
}

#[test]
fn a_digest_leaves_out_what_is_no_longer_true_and_is_not_sent_when_nothing_is() {
    let smtp = SmtpServer::start();
    let p = TestPortal::new();
    p.run(&["--now", T0, "clock", "set", T0]).ok();
    set_email(&p, &[ADMIN], "on");
    let a = p.connect("facebook", "stays", T0);
    let b = p.connect("instagram", "reconnected", T0);
    p.run(&["--as", ADMIN, "user", "set", ADMIN, "--delivery", "digest"])
        .ok();
    write_config(&p, &smtp_config(smtp.port));
    p.run(&["--as", ADMIN, "clock", "advance", "84d"]).ok();
    // Reconnected since: its reminder no longer holds.
    p.run(&["--as", ADMIN, "account", "disconnect", &b.to_string()])
        .ok();
    p.run(&["--as", ADMIN, "account", "reconnect", &b.to_string()])
        .ok();
    the_hour_comes(&p);
    let watch = start_watch(&p);
    wait_until("the digest", 20, || smtp.mails().len() == 1);
    let (code, _) = stop(watch);
    assert_eq!(code, Some(0));
    let text = text_of(&smtp.mails()[0]);
    assert!(text.contains(&format!("reconnect {a}")), "{text}");
    assert!(!text.contains("@reconnected"), "{text}");
    assert_eq!(
        smtp.mails()[0].header("Subject").unwrap(),
        "Switchboard: one account needs you"
    );
    let rows = outbox(&p);
    let expired = rows.iter().filter(|r| r["status"] == "expired").count();
    assert_eq!(expired, 1, "{rows:?}");
}
