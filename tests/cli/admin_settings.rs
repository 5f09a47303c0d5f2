//! Issue 21, items 1 and 2: people read their own zone (the rules never
//! do), and a portal's reminders go out on the admin's terms, each lead
//! once per grant.

use crate::common::{ADMIN, T0, TestPortal};

const BO: &str = "bo@example.com";

/// The reminders an account's last connector has, by instant.
fn reminders_of(p: &TestPortal, user: &str, now: &str) -> Vec<String> {
    let inbox = p.act(user, now, &["notifications"]).ok().json();
    let mut at: Vec<String> = inbox
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "reauth_reminder")
        .map(|n| n["at"].as_str().unwrap().to_string())
        .collect();
    at.sort();
    at
}

#[test]
fn t1_an_italian_admin_reads_rome_time_while_json_and_the_audit_keep_utc() {
    let p = TestPortal::new();
    // 2026-03-01 09:00 UTC: the deadline is 2026-05-30 09:00 UTC, 11:00 in
    // Rome (CEST).
    let id = p.connect("facebook", "acme", T0).to_string();
    let utc = p
        .run(&["--as", ADMIN, "--now", T0, "account", "show", &id])
        .ok();
    assert!(
        utc.stdout.contains("2026-05-30 09:00 UTC"),
        "{}",
        utc.stdout
    );
    p.act(
        ADMIN,
        T0,
        &["user", "set", ADMIN, "--timezone", "europe/rome"],
    )
    .ok();
    let rome = p
        .run(&["--as", ADMIN, "--now", T0, "account", "show", &id])
        .ok();
    assert!(
        rome.stdout.contains("2026-05-30 11:00 CEST"),
        "{}",
        rome.stdout
    );
    // JSON keeps RFC 3339 UTC, whoever reads.
    let json = p.act(ADMIN, T0, &["account", "show", &id]).ok().json();
    assert_eq!(json["reauth_due_at"], "2026-05-30T09:00:00Z", "{json}");
    // The setting is stored as the tz database spells it, and audited.
    let users = p.act(ADMIN, T0, &["user", "list"]).ok().json();
    assert_eq!(users[0]["timezone"], "Europe/Rome", "{users}");
    let audit = p.read(T0, &["audit"]);
    let last = audit.as_array().unwrap().last().unwrap();
    assert_eq!(last["action"], "user_channels");
    assert!(last["at"].as_str().unwrap().ends_with('Z'), "{last}");
}

#[test]
fn t1_a_user_without_a_zone_reads_the_portals_and_portal_set_is_for_super_admins() {
    let p = TestPortal::new();
    p.add_user(BO, &["--access", "all", "--publish"]);
    let refused = p.act(BO, T0, &["portal", "set", "--timezone", "Europe/Rome"]);
    assert_eq!(refused.code, 3, "{}", refused.stderr);
    let denied = p.read(T0, &["audit"]);
    let last = denied.as_array().unwrap().last().unwrap();
    assert_eq!(
        (last["action"].as_str(), last["outcome"].as_str()),
        (Some("portal_settings"), Some("denied")),
        "{last}"
    );
    let set = p
        .act(ADMIN, T0, &["portal", "set", "--timezone", "Europe/Rome"])
        .ok()
        .json();
    assert_eq!(set["timezone"], "Europe/Rome");
    assert_eq!(set["reminders"], "7d");
    let clock = p.run(&["--as", BO, "--now", T0, "clock", "show"]).ok();
    assert!(
        clock.stdout.contains("2026-03-01 10:00 CET"),
        "{}",
        clock.stdout
    );
    // Bo's own zone wins over the portal's; 'portal' gives it back.
    p.act(
        BO,
        T0,
        &["user", "set", BO, "--timezone", "America/New_York"],
    )
    .ok();
    let ny = p.run(&["--as", BO, "--now", T0, "clock", "show"]).ok();
    assert!(ny.stdout.contains("2026-03-01 04:00 EST"), "{}", ny.stdout);
    p.act(BO, T0, &["user", "set", BO, "--timezone", "portal"])
        .ok();
    let back = p.run(&["--as", BO, "--now", T0, "clock", "show"]).ok();
    assert!(back.stdout.contains("10:00 CET"), "{}", back.stdout);
}

#[test]
fn t1_a_zone_that_is_not_one_is_refused_with_the_name_it_probably_meant() {
    let p = TestPortal::new();
    let run = p.run(&[
        "--as",
        ADMIN,
        "user",
        "set",
        ADMIN,
        "--timezone",
        "Italy/Rome",
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("did you mean Europe/Rome?"),
        "{}",
        run.stderr
    );
    let unknown = p.run(&["--as", ADMIN, "portal", "set", "--timezone", "Mars/Base"]);
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.contains("IANA name"), "{}", unknown.stderr);
    let users = p.act(ADMIN, T0, &["user", "list"]).ok().json();
    assert_eq!(users[0]["timezone"], serde_json::Value::Null);
}

#[test]
fn t1_deadlines_on_romes_clock_changes_read_the_right_hour_and_abbreviation() {
    let p = TestPortal::initialised_at("2025-12-01T00:00:00Z");
    p.act(
        ADMIN,
        "2025-12-01T00:00:00Z",
        &["portal", "set", "--timezone", "Europe/Rome"],
    )
    .ok();
    let show = |id: i64, now: &str| {
        p.run(&[
            "--as",
            ADMIN,
            "--now",
            now,
            "account",
            "show",
            &id.to_string(),
        ])
        .ok()
        .stdout
    };
    // Spring: 2026-03-29 01:30 UTC is 03:30 CEST (02:30 never happens).
    let spring = p.connect("facebook", "spring", "2025-12-29T01:30:00Z");
    let shown = show(spring, "2026-01-01T00:00:00Z");
    assert!(shown.contains("2026-03-29 03:30 CEST"), "{shown}");
    // Autumn: 00:30 and 01:30 UTC on 2026-10-25 are both 02:30 in Rome:
    // only the abbreviation tells them apart.
    let first = p.connect("instagram", "first", "2026-07-27T00:30:00Z");
    let second = p.connect("instagram", "second", "2026-07-27T01:30:00Z");
    let now = "2026-07-27T02:00:00Z";
    assert!(show(first, now).contains("2026-10-25 02:30 CEST"));
    assert!(show(second, now).contains("2026-10-25 02:30 CET"));
    // The rules never saw a local time: the deadline is 90 days of UTC.
    let json = p
        .act(ADMIN, now, &["account", "show", &second.to_string()])
        .ok()
        .json();
    assert_eq!(json["reauth_due_at"], "2026-10-25T01:30:00Z");
}

#[test]
fn r9_two_leads_each_go_out_once_per_grant() {
    let p = TestPortal::new();
    let set = p
        .act(ADMIN, T0, &["portal", "set", "--reminders", "1d,7d"])
        .ok()
        .json();
    assert_eq!(set["reminders"], "7d,1d");
    let id = p.connect("facebook", "acme", T0).to_string();
    // The account's detail names both.
    let shown = p
        .run(&["--as", ADMIN, "--now", T0, "account", "show", &id])
        .ok()
        .stdout;
    assert!(shown.contains("2026-05-23 09:00 UTC"), "{shown}");
    assert!(shown.contains("2026-05-29 09:00 UTC"), "{shown}");
    // Deadline 2026-05-30 09:00: reminders 05-23 and 05-29.
    assert_eq!(
        reminders_of(&p, ADMIN, "2026-05-24T00:00:00Z"),
        ["2026-05-23T09:00:00Z"]
    );
    assert_eq!(
        reminders_of(&p, ADMIN, "2026-05-29T12:00:00Z"),
        ["2026-05-23T09:00:00Z", "2026-05-29T09:00:00Z"]
    );
    // Sweeping again sends nothing more (R9c per lead).
    p.read("2026-05-29T23:00:00Z", &["sweep"]);
    assert_eq!(reminders_of(&p, ADMIN, "2026-05-29T23:00:00Z").len(), 2);
}

#[test]
fn r9_a_reconnect_between_two_leads_starts_a_new_grants_reminders() {
    let p = TestPortal::new();
    p.act(ADMIN, T0, &["portal", "set", "--reminders", "7d,1d"])
        .ok();
    let id = p.connect("facebook", "acme", T0).to_string();
    // The week-before reminder of the first grant, then a reconnect.
    p.act(
        ADMIN,
        "2026-05-25T00:00:00Z",
        &["account", "disconnect", &id],
    )
    .ok();
    p.act(
        ADMIN,
        "2026-05-25T00:00:00Z",
        &["account", "reconnect", &id],
    )
    .ok();
    // The first grant's one-day-before never comes; the new grant's
    // deadline is 2026-08-23 00:00, its reminders 08-16 and 08-22.
    assert_eq!(
        reminders_of(&p, ADMIN, "2026-08-22T12:00:00Z"),
        [
            "2026-05-23T09:00:00Z",
            "2026-08-16T00:00:00Z",
            "2026-08-22T00:00:00Z"
        ]
    );
}

#[test]
fn r9_a_lead_already_past_when_the_account_connects_is_never_sent() {
    let p = TestPortal::new();
    // 100 days before a 90-day deadline is before the grant began.
    p.act(ADMIN, T0, &["portal", "set", "--reminders", "100d,7d"])
        .ok();
    p.connect("facebook", "acme", T0);
    assert_eq!(
        reminders_of(&p, ADMIN, "2026-05-29T00:00:00Z"),
        ["2026-05-23T09:00:00Z"]
    );
}

#[test]
fn r9_a_plan_that_is_not_one_is_refused_saying_why() {
    let p = TestPortal::new();
    for (plan, why) in [
        ("7d,7d", "7d is there twice"),
        ("30m", "30m is outside 1h to 366d"),
        ("1d,2d,3d,4d,5d,6d", "more than 5 leads"),
        ("7x", "7x"),
    ] {
        let run = p.run(&["--as", ADMIN, "portal", "set", "--reminders", plan]);
        assert_eq!(run.code, 2, "{plan}: {}", run.stderr);
        assert!(run.stderr.contains(why), "{plan}: {}", run.stderr);
    }
    let shown = p.act(ADMIN, T0, &["portal", "show"]).ok().json();
    assert_eq!(shown["reminders"], "7d");
    if !crate::common::on_postgres() {
        assert_eq!(shown["engine"], "sqlite", "{shown}");
        assert_eq!(shown["tls"], serde_json::Value::Null);
    }
}

#[test]
fn r9_a_plan_changed_after_connecting_moves_the_accounts_next_reminder() {
    let p = TestPortal::new();
    p.connect("facebook", "acme", T0);
    // Deadline 2026-05-30 09:00; a lead of two weeks, set afterwards,
    // comes due on 05-16, before the week-before the account was waiting for.
    p.act(ADMIN, T0, &["portal", "set", "--reminders", "14d,7d"])
        .ok();
    assert_eq!(
        reminders_of(&p, ADMIN, "2026-05-17T09:00:00Z"),
        ["2026-05-16T09:00:00Z"]
    );
}
