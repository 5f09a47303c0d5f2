//! RULES.md through the binary, as an admin's script would see it.

use crate::common::{ADMIN, T0, TestPortal};
use serde_json::Value;

fn statuses(posts: &Value) -> Vec<(i64, String, Value)> {
    posts
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["id"].as_i64().unwrap(),
                p["status"].as_str().unwrap().to_string(),
                p["cancel_cause"].clone(),
            )
        })
        .collect()
}

fn ids(list: &Value) -> Vec<i64> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|v| v["id"].as_i64().unwrap())
        .collect()
}

#[test]
fn r5a_r5b_r5c_disconnect_cancels_scheduled_hides_published_keeps_drafts() {
    let p = TestPortal::new();
    let id = p.connect("facebook", "acme", T0);
    let sid = id.to_string();
    let published = p.schedule(id, T0, "2026-03-02T00:00:00Z");
    let scheduled = p.schedule(id, T0, "2026-04-01T00:00:00Z");
    let draft = p
        .act(ADMIN, T0, &["post", "draft", &sid, "--text", "later"])
        .ok()
        .json()["id"]
        .as_i64()
        .unwrap();
    let now = "2026-03-10T00:00:00Z";
    let done = p
        .act(ADMIN, now, &["account", "disconnect", &sid])
        .ok()
        .json();
    assert_eq!(done["status"], "disconnected");
    assert_eq!(done["disconnect_reason"], "manual");
    assert_eq!(done["canceled_posts"], 1);
    let canceled = p.read(now, &["post", "list", "--tab", "canceled"]);
    assert_eq!(
        statuses(&canceled),
        [(scheduled, "canceled".into(), "disconnected".into())]
    );
    assert_eq!(
        ids(&p.read(now, &["post", "list", "--tab", "published"])),
        Vec::<i64>::new()
    );
    assert_eq!(
        ids(&p.read(now, &["post", "list", "--tab", "drafts"])),
        [draft]
    );
    // The rows stay (R5b): every post still exists.
    assert_eq!(
        ids(&p.read(now, &["post", "list"])),
        [published, scheduled, draft]
    );
}

#[test]
fn r5d_r5e_no_notification_on_disconnect_and_the_audit_counts_canceled_posts() {
    let p = TestPortal::new();
    let id = p.connect("x", "acme", T0);
    p.schedule(id, T0, "2026-04-01T00:00:00Z");
    p.schedule(id, T0, "2026-04-02T00:00:00Z");
    p.run(&[
        "--now",
        "2026-03-05T00:00:00Z",
        "network-event",
        &id.to_string(),
        "security",
    ])
    .ok();
    let inbox = p
        .act(ADMIN, "2026-03-05T00:00:00Z", &["notifications"])
        .ok()
        .json();
    assert_eq!(inbox.as_array().unwrap().len(), 0);
    let audit = p.read(
        "2026-03-05T00:00:00Z",
        &["audit", "--account", &id.to_string()],
    );
    let last = audit.as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["actor"], "network");
    assert_eq!(last["action"], "disconnect");
    assert_eq!(last["count"], 2);
}

#[test]
fn r5f_a_deadline_disconnects_at_the_deadline_not_when_noticed() {
    let p = TestPortal::new();
    let id = p.connect("instagram", "acme", T0);
    let shown = p.read(
        "2026-08-01T00:00:00Z",
        &["account", "show", &id.to_string()],
    );
    assert_eq!(shown["status"], "disconnected");
    assert_eq!(shown["disconnect_reason"], "reauth_expired");
    assert_eq!(shown["disconnected_at"], "2026-05-30T09:00:00Z");
}

#[test]
fn r6a_r6b_reconnect_resumes_future_posts_and_marks_missed_ones() {
    let p = TestPortal::new();
    p.add_user("bo@example.com", &["--access", "all", "--publish"]);
    let id = p.connect("facebook", "acme", T0);
    let sid = id.to_string();
    let missed = p.schedule(id, T0, "2026-03-20T00:00:00Z");
    let future = p.schedule(id, T0, "2026-05-01T00:00:00Z");
    p.act(
        ADMIN,
        "2026-03-10T00:00:00Z",
        &["account", "disconnect", &sid],
    )
    .ok();
    let now = "2026-04-01T00:00:00Z";
    let back = p
        .act("bo@example.com", now, &["account", "reconnect", &sid])
        .ok()
        .json();
    assert_eq!(back["status"], "connected");
    assert_eq!(back["authorized_at"], now);
    assert_eq!(back["last_activity_at"], now);
    assert_eq!(back["last_connector"], "bo@example.com");
    assert_eq!(back["original_connector"], ADMIN);
    assert_eq!(back["first_connected_at"], T0);
    assert_eq!(back["resumed_posts"], 1);
    assert_eq!(back["missed_posts"], 1);
    assert_eq!(
        statuses(&p.read(now, &["post", "list"])),
        [
            (missed, "canceled".into(), "missed".into()),
            (future, "scheduled".into(), Value::Null)
        ]
    );
    // The resumed post publishes at its time; the missed one can be rescheduled.
    let later = "2026-05-02T00:00:00Z";
    let published = p.read(later, &["post", "list", "--tab", "published"]);
    assert_eq!(published[0]["id"], future);
    assert_eq!(published[0]["published_at"], "2026-05-01T00:00:00Z");
    let again = p
        .act(
            ADMIN,
            later,
            &[
                "post",
                "reschedule",
                &missed.to_string(),
                "--at",
                "2026-05-10T00:00:00Z",
            ],
        )
        .ok()
        .json();
    assert_eq!(again["status"], "scheduled");
}

#[test]
fn r6c_published_posts_are_listed_again_after_a_reconnect() {
    let p = TestPortal::new();
    let id = p.connect("linkedin", "acme", T0);
    let post = p.schedule(id, T0, "2026-03-02T00:00:00Z");
    p.act(
        ADMIN,
        "2026-03-05T00:00:00Z",
        &["account", "disconnect", &id.to_string()],
    )
    .ok();
    p.act(
        ADMIN,
        "2026-03-06T00:00:00Z",
        &["account", "reconnect", &id.to_string()],
    )
    .ok();
    assert_eq!(
        ids(&p.read(
            "2026-03-06T00:00:00Z",
            &["post", "list", "--tab", "published"]
        )),
        [post]
    );
}

#[test]
fn r6e_r6f_deleted_accounts_and_connected_ones_cannot_be_reconnected() {
    let p = TestPortal::new();
    let id = p.connect("youtube", "acme", T0);
    let sid = id.to_string();
    assert_eq!(p.act(ADMIN, T0, &["account", "reconnect", &sid]).code, 5);
    p.run(&["--now", T0, "network-event", &sid, "deleted"]).ok();
    let before = p.read(T0, &["account", "show", &sid]);
    assert_eq!(p.act(ADMIN, T0, &["account", "reconnect", &sid]).code, 5);
    assert_eq!(
        p.act(ADMIN, T0, &["account", "connect", "youtube", "acme"])
            .code,
        5
    );
    assert_eq!(p.read(T0, &["account", "show", &sid]), before);
}

#[test]
fn r7_after_the_window_the_history_is_purged_and_a_reconnect_starts_afresh() {
    let p = TestPortal::new();
    p.add_user("bo@example.com", &["--access", "all", "--publish"]);
    let id = p.connect("linkedin", "acme", T0);
    let sid = id.to_string();
    p.schedule(id, T0, "2026-03-02T00:00:00Z");
    p.schedule(id, T0, "2026-06-01T00:00:00Z");
    p.act(ADMIN, T0, &["post", "draft", &sid, "--text", "draft"])
        .ok();
    p.act(
        ADMIN,
        "2026-03-10T00:00:00Z",
        &["account", "disconnect", &sid],
    )
    .ok();
    // LinkedIn: 60 days.
    let sweep = p.read("2026-05-09T00:00:00Z", &["sweep"]);
    let purge = sweep["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "purged")
        .unwrap()
        .clone();
    assert_eq!(purge["at"], "2026-05-09T00:00:00Z");
    assert_eq!(purge["count"], 3);
    let shown = p.read("2026-05-09T00:00:00Z", &["account", "show", &sid]);
    assert_eq!(shown["status"], "expired");
    assert_eq!(
        shown["hidden"], false,
        "expired for less than 90 days is still listed"
    );
    assert_eq!(
        p.read("2026-05-09T00:00:00Z", &["post", "list"]),
        Value::Array(vec![])
    );
    let fresh = p
        .act(
            "bo@example.com",
            "2026-05-10T00:00:00Z",
            &["account", "reconnect", &sid],
        )
        .ok()
        .json();
    assert_eq!(fresh["id"], id);
    assert_eq!(fresh["status"], "connected");
    assert_eq!(fresh["original_connector"], "bo@example.com");
    assert_eq!(fresh["first_connected_at"], "2026-05-10T00:00:00Z");
}

#[test]
fn r8_hidden_after_90_days_shown_by_all_and_reconnected_by_connect() {
    let p = TestPortal::new();
    let id = p.connect("facebook", "acme", T0);
    p.connect("x", "other", T0);
    p.act(ADMIN, T0, &["account", "disconnect", &id.to_string()])
        .ok();
    let just_before = "2026-05-30T08:59:59Z";
    assert_eq!(ids(&p.read(just_before, &["account", "list"])).len(), 2);
    let at_90 = "2026-05-30T09:00:00Z";
    let listed = p.read(at_90, &["account", "list"]);
    assert!(!ids(&listed).contains(&id));
    let all = p.read(at_90, &["account", "list", "--all"]);
    let hidden = all
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == id)
        .unwrap();
    assert_eq!(hidden["hidden"], true);
    let human = p.run(&["--now", at_90, "account", "list"]).ok();
    assert!(
        human
            .stdout
            .contains("1 account disconnected for over 90 days is hidden"),
        "{}",
        human.stdout
    );
    let back = p
        .act(ADMIN, at_90, &["account", "connect", "facebook", "@ACME"])
        .ok()
        .json();
    assert_eq!(back["id"], id);
    assert_eq!(back["reconnected"], true);
    assert_eq!(back["status"], "connected");
}

#[test]
fn r9_reminder_goes_to_the_right_people_once_per_grant() {
    let p = TestPortal::new();
    p.add_user("bo@example.com", &["--access", "all", "--publish"]);
    p.add_user("cy@example.com", &["--access", "all", "--publish"]);
    p.add_user("dee@example.com", &["--super-admin"]);
    p.add_user("eve@example.com", &["--super-admin"]);
    p.add_user("fay@example.com", &["--access", "all", "--publish"]);
    let id = p.connect_as("bo@example.com", "facebook", "acme", T0);
    let sid = id.to_string();
    // cy has a post scheduled at the reminder; fay's was published before it.
    p.act(
        "cy@example.com",
        T0,
        &[
            "post",
            "schedule",
            &sid,
            "--at",
            "2026-05-28T00:00:00Z",
            "--text",
            "a",
        ],
    )
    .ok();
    p.act(
        "bo@example.com",
        T0,
        &[
            "post",
            "schedule",
            &sid,
            "--at",
            "2026-05-28T00:00:00Z",
            "--text",
            "b",
        ],
    )
    .ok();
    p.act(
        "fay@example.com",
        T0,
        &[
            "post",
            "schedule",
            &sid,
            "--at",
            "2026-04-01T00:00:00Z",
            "--text",
            "c",
        ],
    )
    .ok();
    p.act(ADMIN, T0, &["user", "deactivate", "eve@example.com"])
        .ok();
    let after = "2026-05-24T00:00:00Z";
    let mut told: Vec<String> = Vec::new();
    for user in ["ana", "bo", "cy", "dee", "eve", "fay"] {
        let email = format!("{user}@example.com");
        let inbox = p
            .act(ADMIN, after, &["notifications", "--user", &email])
            .ok()
            .json();
        for n in inbox.as_array().unwrap() {
            assert_eq!(n["kind"], "reauth_reminder");
            assert_eq!(n["at"], "2026-05-23T09:00:00Z");
            told.push(user.to_string());
        }
    }
    assert_eq!(told, ["ana", "bo", "cy", "dee"]);
    // R9c: not again in the same grant, and none for the disconnect.
    let later = p.read("2026-06-30T00:00:00Z", &["sweep"]);
    assert!(
        later["events"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["kind"] != "reauth_reminder")
    );
    let inbox = p
        .act(ADMIN, "2026-06-30T00:00:00Z", &["notifications"])
        .ok()
        .json();
    assert_eq!(inbox.as_array().unwrap().len(), 1);
}

#[test]
fn r9a_x_and_youtube_get_no_reminder() {
    let p = TestPortal::new();
    p.connect("x", "acme", T0);
    p.connect("youtube", "acme", T0);
    let sweep = p.read("2026-06-30T00:00:00Z", &["sweep"]);
    let kinds: Vec<&str> = sweep["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["disconnected"],
        "X lapses for inactivity; YouTube never"
    );
    assert_eq!(sweep["events"][0]["reason"], "inactivity");
}

#[test]
fn e1_purge_warning_a_week_before_the_window_ends() {
    let p = TestPortal::new();
    p.add_user("bo@example.com", &["--access", "all", "--publish"]);
    let id = p.connect("youtube", "acme", T0);
    p.act(
        "bo@example.com",
        T0,
        &["account", "disconnect", &id.to_string()],
    );
    p.act(ADMIN, T0, &["account", "disconnect", &id.to_string()])
        .ok();
    let sweep = p.read("2026-04-24T09:00:00Z", &["sweep"]);
    let warning = &sweep["events"][0];
    assert_eq!(warning["kind"], "purge_warning");
    assert_eq!(warning["at"], "2026-04-23T09:00:00Z");
    let inbox = p
        .act(ADMIN, "2026-04-24T09:00:00Z", &["notifications"])
        .ok()
        .json();
    assert_eq!(inbox[0]["kind"], "purge_warning");
    let bo = p
        .act("bo@example.com", "2026-04-24T09:00:00Z", &["notifications"])
        .ok()
        .json();
    assert_eq!(bo.as_array().unwrap().len(), 0);
}

#[test]
fn r10b_r10c_only_the_original_connector_disconnects_anyone_allowed_reconnects() {
    let p = TestPortal::new();
    p.add_user("bo@example.com", &["--access", "all", "--publish"]);
    p.add_user("cy@example.com", &["--access", "all", "--publish"]);
    let id = p.connect_as("bo@example.com", "instagram", "acme", T0);
    let sid = id.to_string();
    assert_eq!(
        p.act("cy@example.com", T0, &["account", "disconnect", &sid])
            .code,
        3
    );
    assert_eq!(
        p.act(
            "cy@example.com",
            T0,
            &["account", "remove", &sid, "--confirm", "acme"]
        )
        .code,
        3
    );
    p.act("bo@example.com", T0, &["account", "disconnect", &sid])
        .ok();
    let human = p
        .run(&[
            "--as",
            "cy@example.com",
            "--now",
            T0,
            "account",
            "reconnect",
            &sid,
        ])
        .ok();
    assert!(
        human
            .stdout
            .contains("bo@example.com connected it originally"),
        "{}",
        human.stdout
    );
}

#[test]
fn r10a_r10d_r10f_access_levels() {
    let p = TestPortal::new();
    p.add_user("own@example.com", &["--access", "own", "--publish"]);
    p.add_user("viewer@example.com", &["--access", "own"]);
    p.add_user("none@example.com", &[]);
    let id = p.connect("facebook", "acme", T0);
    let sid = id.to_string();
    assert_eq!(
        p.act("own@example.com", T0, &["account", "connect", "x", "mine"])
            .code,
        3
    );
    assert_eq!(
        p.act(
            "own@example.com",
            T0,
            &["post", "draft", &sid, "--text", "t"]
        )
        .code,
        3,
        "own access covers only accounts the user connected"
    );
    assert_eq!(
        p.act("viewer@example.com", T0, &["account", "list"]).code,
        0
    );
    assert_eq!(p.act("none@example.com", T0, &["account", "list"]).code, 3);
    assert_eq!(
        p.act(
            "viewer@example.com",
            T0,
            &["post", "draft", &sid, "--text", "t"]
        )
        .code,
        3
    );
    // Once own@ reconnects it, it is theirs to post on (last connector).
    p.act(ADMIN, T0, &["account", "disconnect", &sid]).ok();
    p.act(
        ADMIN,
        T0,
        &[
            "user",
            "add",
            "all@example.com",
            "--name",
            "A",
            "--access",
            "all",
            "--publish",
        ],
    )
    .ok();
    p.act("all@example.com", T0, &["account", "reconnect", &sid])
        .ok();
    assert_eq!(
        p.act(
            "all@example.com",
            T0,
            &["post", "draft", &sid, "--text", "t"]
        )
        .code,
        0
    );
}

#[test]
fn r11_publishing_moves_x_last_activity_and_its_deadline() {
    let p = TestPortal::new();
    let id = p.connect("x", "acme", T0);
    p.schedule(id, T0, "2026-04-01T00:00:00Z");
    let shown = p.read(
        "2026-06-15T00:00:00Z",
        &["account", "show", &id.to_string()],
    );
    assert_eq!(
        shown["status"], "connected",
        "without the post it would have lapsed on May 30"
    );
    assert_eq!(shown["last_activity_at"], "2026-04-01T00:00:00Z");
    assert_eq!(shown["reauth_due_at"], "2026-06-30T00:00:00Z");
}

#[test]
fn r12b_a_post_scheduled_exactly_at_the_deadline_is_canceled() {
    let p = TestPortal::new();
    let id = p.connect("facebook", "acme", T0);
    let post = p.schedule(id, T0, "2026-05-30T09:00:00Z");
    let posts = p.read("2026-05-31T00:00:00Z", &["post", "list"]);
    assert_eq!(
        statuses(&posts),
        [(post, "canceled".into(), "disconnected".into())]
    );
}

#[test]
fn r13_remove_deletes_the_account_and_its_posts_and_the_audit_remembers() {
    let p = TestPortal::new();
    let id = p.connect("facebook", "acme", T0);
    let sid = id.to_string();
    p.schedule(id, T0, "2026-04-01T00:00:00Z");
    let removed = p
        .act(
            ADMIN,
            T0,
            &["account", "remove", &sid, "--confirm", "@acme"],
        )
        .ok()
        .json();
    assert_eq!(removed["posts_deleted"], 1);
    assert_eq!(
        p.read(T0, &["account", "list", "--all"]),
        Value::Array(vec![])
    );
    assert_eq!(p.read(T0, &["post", "list"]), Value::Array(vec![]));
    assert_eq!(p.act(ADMIN, T0, &["account", "show", &sid]).code, 4);
    let audit = p.read(T0, &["audit", "--account", &sid]);
    assert_eq!(
        audit.as_array().unwrap().last().unwrap()["action"],
        "remove"
    );
}

#[test]
fn r14_every_change_is_audited_with_actor_and_outcome() {
    let p = TestPortal::new();
    let id = p.connect("instagram", "acme", T0);
    p.schedule(id, T0, "2026-03-05T00:00:00Z");
    p.read("2026-06-01T00:00:00Z", &["sweep"]);
    let audit = p.read("2026-06-01T00:00:00Z", &["audit"]);
    let actions: Vec<(String, String)> = audit
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["actor"].as_str().unwrap().into(),
                e["action"].as_str().unwrap().into(),
            )
        })
        .collect();
    let expected: Vec<(String, String)> = [
        (ADMIN, "init"),
        (ADMIN, "connect"),
        (ADMIN, "schedule_post"),
        ("system", "publish"),
        ("system", "reauth_reminder"),
        ("system", "disconnect"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(actions, expected);
}

// The same tests on a PostgreSQL portal (issue 13).
postgres_twins!("rules_cli.rs": r5a_r5b_r5c_disconnect_cancels_scheduled_hides_published_keeps_drafts, r5d_r5e_no_notification_on_disconnect_and_the_audit_counts_canceled_posts, r5f_a_deadline_disconnects_at_the_deadline_not_when_noticed, r6a_r6b_reconnect_resumes_future_posts_and_marks_missed_ones, r6c_published_posts_are_listed_again_after_a_reconnect, r6e_r6f_deleted_accounts_and_connected_ones_cannot_be_reconnected, r7_after_the_window_the_history_is_purged_and_a_reconnect_starts_afresh, r8_hidden_after_90_days_shown_by_all_and_reconnected_by_connect, r9_reminder_goes_to_the_right_people_once_per_grant, r9a_x_and_youtube_get_no_reminder, e1_purge_warning_a_week_before_the_window_ends, r10b_r10c_only_the_original_connector_disconnects_anyone_allowed_reconnects, r10a_r10d_r10f_access_levels, r11_publishing_moves_x_last_activity_and_its_deadline, r12b_a_post_scheduled_exactly_at_the_deadline_is_canceled, r13_remove_deletes_the_account_and_its_posts_and_the_audit_remembers, r14_every_change_is_audited_with_actor_and_outcome);
