//! CLI.md, checked from outside: commands, JSON fields, exit codes, errors.

use crate::common::{ADMIN, T0, TestPortal};
use serde_json::Value;

const ACCOUNT_FIELDS: [&str; 17] = [
    "id",
    "network",
    "handle",
    "name",
    "status",
    "disconnect_reason",
    "disconnected_at",
    "first_connected_at",
    "authorized_at",
    "last_activity_at",
    "original_connector",
    "last_connector",
    "reauth_due_at",
    "reminder_at",
    "reconnect_deadline",
    "hidden",
    "id",
];
const POST_FIELDS: [&str; 8] = [
    "id",
    "account_id",
    "status",
    "cancel_cause",
    "scheduled_at",
    "published_at",
    "created_by",
    "text",
];

fn has_fields(value: &Value, fields: &[&str]) {
    for f in fields {
        assert!(value.get(f).is_some(), "missing field {f} in {value}");
    }
}

fn assert_error(run: &crate::common::Run, code: i32) {
    assert_eq!(
        run.code, code,
        "stdout: {}\nstderr: {}",
        run.stdout, run.stderr
    );
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "one error line: {}", run.stderr);
    assert!(lines[0].starts_with("error: "), "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}

fn assert_json_error(run: &crate::common::Run, code: i32) -> String {
    assert_error(run, code);
    let doc = run.json();
    assert!(doc["error"]["message"].is_string(), "{doc}");
    doc["error"]["code"].as_str().unwrap().to_string()
}

#[test]
fn init_creates_a_portal_and_refuses_an_existing_file() {
    let p = TestPortal::empty();
    let run = p.run(&[
        "init",
        "--portal",
        "Acme",
        "--tier",
        "enterprise",
        "--admin",
        ADMIN,
        "--admin-name",
        "Ana",
        "--json",
    ]);
    let doc = run.ok().json();
    assert_eq!(doc["tier"], "enterprise");
    assert_eq!(doc["admin"], ADMIN);
    let again = p.run(&[
        "init",
        "--portal",
        "Acme",
        "--tier",
        "enterprise",
        "--admin",
        ADMIN,
        "--admin-name",
        "Ana",
    ]);
    assert_error(&again, 5);
}

#[test]
fn a_missing_database_is_exit_4_and_is_not_created() {
    if crate::common::sqlite_files_only("a missing file") {
        return;
    }
    let p = TestPortal::empty();
    for args in [
        &["account", "list"][..],
        &["sweep"],
        &["clock", "show"],
        &["audit"],
    ] {
        assert_error(&p.run(args), 4);
    }
    assert!(!p.db.exists());
}

#[test]
fn a_file_that_is_not_sqlite_is_a_clear_error() {
    if crate::common::sqlite_files_only("a file that is not SQLite") {
        return;
    }
    let p = TestPortal::empty();
    std::fs::write(
        &p.db,
        "this is not a database, just some text that goes on for a while\n".repeat(50),
    )
    .unwrap();
    let run = p.run(&["--json", "account", "list"]);
    assert_eq!(assert_json_error(&run, 1), "not_a_database");
}

#[test]
fn a_sqlite_file_that_is_not_a_portal_is_refused() {
    if crate::common::sqlite_files_only("another program's SQLite file") {
        return;
    }
    let p = TestPortal::empty();
    rusqlite::Connection::open(&p.db)
        .unwrap()
        .execute_batch("CREATE TABLE t (x)")
        .unwrap();
    assert_error(&p.run(&["account", "list"]), 1);
}

#[test]
fn a_database_from_a_newer_version_is_refused() {
    if crate::common::sqlite_files_only(
        "a newer SQLite schema (tests/postgres.rs checks the server's)",
    ) {
        return;
    }
    let p = TestPortal::new();
    rusqlite::Connection::open(&p.db)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let run = p.run(&["--json", "account", "list"]);
    assert_eq!(assert_json_error(&run, 1), "newer_schema");
    assert!(run.stderr.contains("upgrade"), "{}", run.stderr);
}

#[test]
fn a_read_only_database_is_a_clear_error() {
    if crate::common::sqlite_files_only("a read-only file") {
        return;
    }
    use std::os::unix::fs::PermissionsExt;
    let p = TestPortal::new();
    std::fs::set_permissions(&p.db, std::fs::Permissions::from_mode(0o444)).unwrap();
    let run = p.run(&["--json", "account", "list"]);
    assert_eq!(assert_json_error(&run, 1), "read_only");
}

#[test]
fn malformed_values_are_exit_2() {
    let p = TestPortal::new();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["--as", ADMIN, "account", "connect", "myspace", "acme"],
            "unknown_network",
        ),
        (vec!["--now", "yesterday", "account", "list"], "bad_instant"),
        (vec!["clock", "advance", "ninety"], "bad_duration"),
        (vec!["clock", "set", "2026-02-30T00:00:00Z"], "bad_instant"),
        (vec!["--as", ADMIN, "tier", "set", "gold"], "bad_tier"),
        (vec!["post", "list", "--tab", "outbox"], "bad_tab"),
        (
            vec!["--as", ADMIN, "account", "connect", "x", "two words"],
            "bad_handle",
        ),
        (
            vec!["--as", ADMIN, "user", "add", "not-an-email", "--name", "X"],
            "bad_email",
        ),
        (vec!["account", "frobnicate"], "usage"),
        (vec!["account", "show", "abc"], "usage"),
    ];
    for (mut args, code) in cases {
        args.insert(0, "--json");
        let run = p.run(&args);
        assert_eq!(assert_json_error(&run, 2), code, "{args:?}");
    }
}

#[test]
fn unknown_users_accounts_and_posts_are_exit_4() {
    let p = TestPortal::new();
    assert_eq!(
        assert_json_error(
            &p.act("nobody@example.com", T0, &["account", "connect", "x", "a"]),
            4
        ),
        "no_user"
    );
    assert_eq!(
        assert_json_error(&p.act(ADMIN, T0, &["account", "disconnect", "42"]), 4),
        "no_account"
    );
    assert_eq!(
        assert_json_error(&p.act(ADMIN, T0, &["post", "cancel", "42"]), 4),
        "no_post"
    );
    assert_eq!(
        assert_json_error(&p.act(ADMIN, T0, &["account", "show", "0"]), 4),
        "no_account"
    );
    assert_json_error(&p.act(ADMIN, T0, &["account", "show", "-5"]), 2);
    assert_json_error(
        &p.act(ADMIN, T0, &["account", "show", "99999999999999999999"]),
        2,
    );
}

#[test]
fn acting_commands_need_a_user() {
    let p = TestPortal::new();
    let run = p.run(&["--json", "--now", T0, "account", "connect", "x", "acme"]);
    assert_json_error(&run, 2);
    assert!(run.stderr.contains("--as"), "{}", run.stderr);
}

#[test]
fn global_flags_go_before_or_after_the_subcommand() {
    let p = TestPortal::new();
    let run = p.run(&[
        "account", "connect", "x", "acme", "--as", ADMIN, "--now", T0, "--json",
    ]);
    assert_eq!(run.ok().json()["handle"], "acme");
}

#[test]
fn account_json_has_every_contract_field() {
    let p = TestPortal::new();
    let id = p.connect("facebook", "@acmecorp", T0);
    let shown = p.read(T0, &["account", "show", &id.to_string()]);
    has_fields(&shown, &ACCOUNT_FIELDS);
    assert_eq!(shown["handle"], "acmecorp");
    assert_eq!(shown["status"], "connected");
    assert_eq!(shown["original_connector"], ADMIN);
    assert_eq!(shown["reauth_due_at"], "2026-05-30T09:00:00Z");
    assert_eq!(shown["reminder_at"], "2026-05-23T09:00:00Z");
    assert_eq!(shown["reconnect_deadline"], Value::Null);
    assert_eq!(shown["hidden"], false);
    let list = p.read(T0, &["account", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    has_fields(&list[0], &ACCOUNT_FIELDS);
}

#[test]
fn post_json_has_every_contract_field() {
    let p = TestPortal::new();
    let id = p.connect("linkedin", "acme", T0);
    p.schedule(id, T0, "2026-03-05T10:00:00Z");
    p.act(
        ADMIN,
        T0,
        &["post", "draft", &id.to_string(), "--text", "idea"],
    )
    .ok();
    let posts = p.read(T0, &["post", "list"]);
    assert_eq!(posts.as_array().unwrap().len(), 2);
    for post in posts.as_array().unwrap() {
        has_fields(post, &POST_FIELDS);
    }
    assert_eq!(posts[0]["status"], "scheduled");
    assert_eq!(posts[0]["created_by"], ADMIN);
    assert_eq!(posts[1]["status"], "draft");
    assert_eq!(posts[1]["scheduled_at"], Value::Null);
}

#[test]
fn sweep_json_lists_events_with_their_fields() {
    let p = TestPortal::new();
    let id = p.connect("facebook", "acme", T0);
    let post = p.schedule(id, T0, "2026-03-02T09:00:00Z");
    let sweep = p.read("2026-06-01T00:00:00Z", &["sweep"]);
    assert_eq!(sweep["swept_to"], "2026-06-01T00:00:00Z");
    let events = sweep["events"].as_array().unwrap();
    let kinds: Vec<&str> = events.iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["published", "reauth_reminder", "disconnected"]);
    assert_eq!(events[0]["post_id"], post);
    assert_eq!(events[0]["at"], "2026-03-02T09:00:00Z");
    assert_eq!(events[2]["reason"], "reauth_expired");
    assert_eq!(events[2]["at"], "2026-05-30T09:00:00Z");
    for e in events {
        has_fields(e, &["at", "kind", "account_id"]);
    }
    // R12a: repeating a sweep changes nothing.
    let before = p.dump();
    let again = p.read("2026-06-01T00:00:00Z", &["sweep"]);
    assert_eq!(again["events"].as_array().unwrap().len(), 0);
    assert_eq!(p.dump(), before);
}

#[test]
fn notifications_and_audit_json_shapes() {
    let p = TestPortal::new();
    let id = p.connect("instagram", "acme", T0);
    let inbox = p
        .act(ADMIN, "2026-05-24T00:00:00Z", &["notifications"])
        .ok()
        .json();
    let n = &inbox[0];
    has_fields(n, &["id", "kind", "account_id", "recipient", "at"]);
    assert_eq!(n["kind"], "reauth_reminder");
    assert_eq!(n["account_id"], id);
    assert_eq!(n["recipient"], ADMIN);
    assert_eq!(n["at"], "2026-05-23T09:00:00Z");
    let audit = p.read(
        "2026-05-24T00:00:00Z",
        &["audit", "--account", &id.to_string()],
    );
    for e in audit.as_array().unwrap() {
        has_fields(
            e,
            &["at", "actor", "action", "account_id", "outcome", "detail"],
        );
    }
    assert_eq!(audit[0]["action"], "connect");
    assert_eq!(audit[1]["actor"], "system");
}

#[test]
fn clock_set_advance_and_show() {
    let p = TestPortal::new();
    let id = p.connect("youtube", "acme", T0);
    p.schedule(id, T0, "2026-03-05T00:00:00Z");
    let set = p.run(&["--json", "clock", "set", T0]).ok().json();
    assert_eq!(set["clock"], T0);
    let advanced = p.run(&["--json", "clock", "advance", "7d"]).ok().json();
    assert_eq!(advanced["clock"], "2026-03-08T09:00:00Z");
    assert_eq!(advanced["events"][0]["kind"], "published");
    let shown = p.run(&["--json", "clock", "show"]).ok().json();
    assert_eq!(shown["now"], "2026-03-08T09:00:00Z");
    assert_eq!(shown["source"], "demo");
    assert_eq!(shown["swept_to"], "2026-03-08T09:00:00Z");
    // T4: the demo clock stands still.
    let again = p.run(&["--json", "clock", "show"]).ok().json();
    assert_eq!(again["now"], "2026-03-08T09:00:00Z");
}

#[test]
fn t4_a_command_before_the_last_swept_instant_is_refused_and_changes_nothing() {
    let p = TestPortal::new();
    p.connect("x", "acme", T0);
    p.read("2026-04-01T00:00:00Z", &["sweep"]);
    let before = p.dump();
    let run = p.act(
        ADMIN,
        "2026-03-15T00:00:00Z",
        &["account", "connect", "x", "other"],
    );
    assert_eq!(assert_json_error(&run, 5), "clock_backwards");
    assert!(
        run.stderr.contains("2026-04-01 00:00 UTC"),
        "{}",
        run.stderr
    );
    assert_error(&p.run(&["clock", "set", "2026-03-02T00:00:00Z"]), 5);
    assert_eq!(p.dump(), before, "nothing changes");
}

#[test]
fn r10e_a_refused_action_changes_nothing_but_the_audit_log() {
    let p = TestPortal::new();
    p.add_user("bo@example.com", &["--access", "all", "--publish"]);
    let id = p.connect("facebook", "acme", T0);
    p.schedule(id, T0, "2026-03-20T00:00:00Z");
    let without_audit = |p: &TestPortal| {
        p.dump()
            .lines()
            .filter(|l| !l.starts_with("audit:"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let before = without_audit(&p);
    let run = p.act(
        "bo@example.com",
        T0,
        &["account", "disconnect", &id.to_string()],
    );
    assert_eq!(assert_json_error(&run, 3), "denied");
    assert!(run.stderr.contains(ADMIN), "names who may: {}", run.stderr);
    assert_eq!(without_audit(&p), before);
    let audit = p.read(T0, &["audit", "--account", &id.to_string()]);
    let last = audit.as_array().unwrap().last().unwrap();
    assert_eq!(last["outcome"], "denied");
    assert_eq!(last["actor"], "bo@example.com");
    assert_eq!(last["action"], "disconnect");
}

#[test]
fn state_refusals_are_exit_5_and_audited() {
    let p = TestPortal::new();
    let id = p.connect("facebook", "acme", T0);
    let sid = id.to_string();
    assert_eq!(
        assert_json_error(&p.act(ADMIN, T0, &["account", "reconnect", &sid]), 5),
        "already_connected"
    );
    assert_json_error(
        &p.act(ADMIN, T0, &["account", "connect", "facebook", "ACME"]),
        5,
    );
    assert_eq!(
        assert_json_error(
            &p.act(
                ADMIN,
                T0,
                &["post", "schedule", &sid, "--at", T0, "--text", "now"]
            ),
            5
        ),
        "not_in_the_future"
    );
    assert_eq!(
        assert_json_error(
            &p.act(ADMIN, T0, &["account", "remove", &sid, "--confirm", "acne"]),
            5
        ),
        "wrong_confirmation"
    );
    p.run(&["--now", T0, "network-event", &sid, "deleted"]).ok();
    assert_eq!(
        assert_json_error(&p.act(ADMIN, T0, &["account", "reconnect", &sid]), 5),
        "deleted_on_network"
    );
    let audit = p.read(T0, &["audit", "--account", &sid]);
    let denied = audit
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["outcome"] == "denied")
        .count();
    assert_eq!(denied, 5);
}

#[test]
fn r2_tiers_without_the_social_tool_refuse_social_actions() {
    let p = TestPortal::new();
    let id = p.connect("x", "acme", T0);
    p.act(ADMIN, T0, &["tier", "set", "starter"]).ok();
    let run = p.act(ADMIN, T0, &["account", "disconnect", &id.to_string()]);
    assert_json_error(&run, 3);
    assert!(
        run.stderr
            .contains("Professional, Enterprise, Legacy Basic"),
        "{}",
        run.stderr
    );
    assert_json_error(&p.act(ADMIN, T0, &["account", "list"]), 3);
    // Data is kept, and the tier can be raised again.
    p.act(ADMIN, T0, &["tier", "set", "legacy_basic"]).ok();
    assert_eq!(
        p.read(T0, &["account", "list"]).as_array().unwrap().len(),
        1
    );
}

#[test]
fn users_add_list_and_deactivate() {
    let p = TestPortal::new();
    let added = p
        .act(
            ADMIN,
            T0,
            &[
                "user",
                "add",
                "cy@example.com",
                "--name",
                "Cy",
                "--access",
                "own",
                "--publish",
            ],
        )
        .ok()
        .json();
    assert_eq!(added["access"], "own");
    assert_eq!(added["publish"], true);
    assert_json_error(
        &p.act(
            ADMIN,
            T0,
            &["user", "add", "cy@example.com", "--name", "Cy"],
        ),
        5,
    );
    assert_json_error(
        &p.act(
            "cy@example.com",
            T0,
            &["user", "add", "dee@example.com", "--name", "D"],
        ),
        3,
    );
    let list = p.read(T0, &["user", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 2);
    // The last active super admin stays.
    assert_json_error(&p.act(ADMIN, T0, &["user", "deactivate", ADMIN]), 5);
    let gone = p
        .act(ADMIN, T0, &["user", "deactivate", "cy@example.com"])
        .ok()
        .json();
    assert_eq!(gone["active"], false);
    // R10: a deactivated user may do nothing.
    assert_json_error(&p.act("cy@example.com", T0, &["account", "list"]), 3);
}

#[test]
fn notifications_of_others_are_for_super_admins_only() {
    let p = TestPortal::new();
    p.add_user("bo@example.com", &["--access", "all", "--publish"]);
    p.connect("facebook", "acme", T0);
    let later = "2026-05-24T00:00:00Z";
    let admin_inbox = p.act("bo@example.com", later, &["notifications", "--user", ADMIN]);
    assert_json_error(&admin_inbox, 3);
    let read = p
        .act(ADMIN, later, &["notifications", "--user", "bo@example.com"])
        .ok()
        .json();
    assert_eq!(read.as_array().unwrap().len(), 0);
    assert_json_error(&p.run(&["--json", "--now", later, "notifications"]), 2);
}

#[test]
fn human_output_has_no_json_and_lists_accounts_by_network() {
    let p = TestPortal::new();
    p.connect("x", "acmenews", T0);
    p.connect("facebook", "acmecorp", T0);
    let run = p.run(&["--now", T0, "account", "list"]).ok();
    let facebook = run.stdout.find("Facebook").unwrap();
    let x = run.stdout.find("\nX\n").unwrap();
    assert!(facebook < x, "{}", run.stdout);
    assert!(
        run.stdout
            .contains("reauthorize by 2026-05-30 09:00 UTC (in 90 days)"),
        "{}",
        run.stdout
    );
}

#[test]
fn generate_gives_the_same_portal_for_the_same_seed() {
    if crate::common::sqlite_files_only("generate (it builds a SQLite file)") {
        return;
    }
    let a = TestPortal::empty();
    let b = TestPortal::empty();
    for p in [&a, &b] {
        p.run(&[
            "generate",
            "--accounts",
            "60",
            "--posts",
            "400",
            "--seed",
            "7",
        ])
        .ok();
    }
    assert_eq!(a.dump(), b.dump());
    let accounts = a.read("2026-03-01T09:00:00Z", &["account", "list", "--all"]);
    let accounts = accounts.as_array().unwrap();
    assert_eq!(accounts.len(), 60);
    for status in ["connected", "disconnected", "expired"] {
        assert!(accounts.iter().any(|a| a["status"] == status), "{status}");
    }
    let posts = a.read("2026-03-01T09:00:00Z", &["post", "list"]);
    for status in ["draft", "scheduled", "published", "canceled"] {
        assert!(
            posts
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p["status"] == status),
            "{status}"
        );
    }
    // Nothing was left overdue: the first sweep at the generation instant does nothing.
    let sweep = a.read("2026-03-01T09:00:00Z", &["sweep"]);
    assert_eq!(sweep["events"].as_array().unwrap().len(), 0, "{sweep}");
}

#[test]
fn no_subcommand_without_a_terminal_says_to_use_a_subcommand() {
    let p = TestPortal::new();
    let run = p.run(&[]);
    assert_ne!(run.code, 0);
    assert!(run.stderr.starts_with("error: "), "{}", run.stderr);
    assert!(run.stderr.contains("subcommand"), "{}", run.stderr);
}

/// Issue 8: the Accounts list by state, network and urgency.
#[test]
fn account_list_filters_by_status_and_network_and_sorts_by_urgency() {
    let p = crate::common::acme();
    let now = crate::common::ACME_NOW;
    let handles = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["account", "list"];
        all.extend_from_slice(args);
        p.read(now, &all)
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["handle"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(handles(&["--status", "expired"]), ["acmecareers"]);
    assert_eq!(handles(&["--network", "x"]), ["acmenews"]);
    let attention = handles(&["--status", "attention"]);
    assert!(attention.contains(&"acmecorp".to_string()), "{attention:?}");
    assert!(attention.contains(&"acmenews".to_string()), "{attention:?}");
    assert!(!attention.contains(&"acmetv".to_string()), "{attention:?}");
    let urgent = handles(&["--sort", "urgency"]);
    assert_eq!(
        urgent[0], "acmecorp",
        "the soonest deadline first: {urgent:?}"
    );
    assert_eq!(urgent.last().unwrap(), "acmetv", "never asks again: last");
    let bad = p.run(&["--now", now, "account", "list", "--status", "sleepy"]);
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr.starts_with("error: unknown status 'sleepy'"),
        "{}",
        bad.stderr
    );
    let bad = p.run(&["--now", now, "account", "list", "--sort", "fame"]);
    assert_eq!(bad.code, 2);
}

/// Issue 8: several ids, each its own result, in one transaction; the first
/// refusal's exit code once the others are done.
#[test]
fn account_disconnect_takes_several_ids_with_a_result_each() {
    let p = crate::common::acme();
    let now = crate::common::ACME_NOW;
    let ids: Vec<String> = ["acmecorp", "acmetv", "acmenews"]
        .iter()
        .map(|h| {
            p.read(now, &["account", "list", "--all"])
                .as_array()
                .unwrap()
                .iter()
                .find(|a| a["handle"] == *h)
                .unwrap()["id"]
                .to_string()
        })
        .collect();
    let mut args = vec!["account", "disconnect"];
    args.extend(ids.iter().map(String::as_str));
    let run = p.act(crate::common::ADMIN, now, &args);
    // acmenews is already disconnected: refused by the state (exit 5).
    assert_eq!(run.code, 5, "{}", run.stderr);
    assert!(
        run.stderr
            .starts_with("error: 1 of 3 accounts were not disconnected"),
        "{}",
        run.stderr
    );
    let doc = run.json();
    let results = doc["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    assert_eq!(results[0]["ok"], true);
    assert_eq!(results[0]["account"]["status"], "disconnected");
    assert_eq!(results[1]["ok"], true);
    assert_eq!(results[2]["ok"], false);
    assert!(results[2]["error"]["message"].as_str().is_some());
    // One id keeps CLI.md's single account document.
    let one = p
        .act(
            crate::common::ADMIN,
            now,
            &["account", "reconnect", &ids[0]],
        )
        .ok()
        .json();
    assert_eq!(one["status"], "connected");
}

/// Issue 8: back to the system clock, never backwards (T4).
#[test]
fn t4_clock_unset_goes_back_to_the_system_clock_only_when_it_is_not_ahead() {
    let p = TestPortal::new();
    // The test portal's demo clock: set in the past, behind the system clock.
    p.run(&["clock", "set", "2026-03-01T09:00:00Z"]).ok();
    let done = p.run(&["--json", "clock", "unset"]).ok().json();
    assert_eq!(done["source"], "system");
    let show = p.run(&["--json", "clock", "show"]).ok().json();
    assert_eq!(show["demo_clock"], serde_json::Value::Null);
    assert_eq!(show["source"], "system");
    // Ahead of the system clock: refused, nothing changes.
    p.run(&["clock", "set", "2999-01-01T00:00:00Z"]).ok();
    let refused = p.run(&["clock", "unset"]);
    assert_eq!(refused.code, 5, "{}", refused.stderr);
    assert!(refused.stderr.starts_with("error: "));
    let show = p.run(&["--json", "clock", "show"]).ok().json();
    assert_eq!(show["demo_clock"], "2999-01-01T00:00:00Z");
}

// The same tests on a PostgreSQL portal (issue 13).
postgres_twins!("cli_contract.rs": init_creates_a_portal_and_refuses_an_existing_file, a_missing_database_is_exit_4_and_is_not_created, a_file_that_is_not_sqlite_is_a_clear_error, a_sqlite_file_that_is_not_a_portal_is_refused, a_database_from_a_newer_version_is_refused, a_read_only_database_is_a_clear_error, malformed_values_are_exit_2, unknown_users_accounts_and_posts_are_exit_4, acting_commands_need_a_user, global_flags_go_before_or_after_the_subcommand, account_json_has_every_contract_field, post_json_has_every_contract_field, sweep_json_lists_events_with_their_fields, notifications_and_audit_json_shapes, clock_set_advance_and_show, t4_a_command_before_the_last_swept_instant_is_refused_and_changes_nothing, r10e_a_refused_action_changes_nothing_but_the_audit_log, state_refusals_are_exit_5_and_audited, r2_tiers_without_the_social_tool_refuse_social_actions, users_add_list_and_deactivate, notifications_of_others_are_for_super_admins_only, human_output_has_no_json_and_lists_accounts_by_network, generate_gives_the_same_portal_for_the_same_seed, no_subcommand_without_a_terminal_says_to_use_a_subcommand, account_list_filters_by_status_and_network_and_sorts_by_urgency, account_disconnect_takes_several_ids_with_a_result_each, t4_clock_unset_goes_back_to_the_system_clock_only_when_it_is_not_ahead);
