//! Issue 21, item 4: a team's reminders in Slack, Discord or Teams, in the
//! shape each receiver takes, checked on a loopback receiver against the
//! formats' published rules: shape, field lengths, and escaping of markup
//! in names that come from the data.

use std::time::Duration;

use serde_json::Value;

use super::delivery::{
    BO, CY, HttpServer, PRIVATE, assert_signed_now, outbox, portal_with_email_users, set_email,
    start_watch, stop, wait_until, write_config,
};
use crate::common::ADMIN;

/// A name with every kind of markup a chat could act on.
const NAME: &str = "<b>Acme</b> & *Sales* _EU_ @everyone";

/// The week-before reminder as each format's receiver got it: one portal
/// and one watch for the three (a super admin of each format), shared by
/// the tests.
fn received(format: &str) -> Value {
    static BODIES: std::sync::OnceLock<Vec<Value>> = std::sync::OnceLock::new();
    let bodies = BODIES.get_or_init(deliver_to_each_format);
    let key = match format {
        "slack" => "blocks",
        "discord" => "embeds",
        _ => "attachments",
    };
    bodies
        .iter()
        .find(|body| body.get(key).is_some())
        .unwrap_or_else(|| panic!("no {format} body in {bodies:?}"))
        .clone()
}

fn deliver_to_each_format() -> Vec<Value> {
    const DEE: &str = "dee@example.com";
    let hook = HttpServer::start(vec![200], Duration::ZERO);
    let (p, first) = portal_with_email_users();
    p.add_user(DEE, &["--super-admin"]);
    set_email(&p, &[ADMIN, BO, CY], "off");
    write_config(&p, &format!("[delivery]\n{PRIVATE}"));
    // The reminder of an account named with markup (the first one goes
    // away before its reminder).
    p.run(&[
        "--as",
        BO,
        "account",
        "remove",
        &first.to_string(),
        "--confirm",
        "acme",
    ])
    .ok();
    p.run(&[
        "--json", "--as", BO, "account", "connect", "facebook", "sales", "--name", NAME,
    ])
    .ok();
    // Bo (the last connector), Ana and Dee (super admins) hear of it.
    for (user, format) in [(ADMIN, "slack"), (BO, "discord"), (DEE, "teams")] {
        p.run(&[
            "--as",
            ADMIN,
            "user",
            "set",
            user,
            "--webhook",
            &hook.url(),
            "--webhook-format",
            format,
        ])
        .ok();
    }
    p.run(&["--as", ADMIN, "clock", "advance", "84d"]).ok();
    let watch = start_watch(&p);
    wait_until("three deliveries", 20, || {
        outbox(&p)
            .iter()
            .filter(|r| r["status"] == "delivered")
            .count()
            == 3
    });
    let (code, stderr) = stop(watch);
    assert_eq!(code, Some(0), "{stderr}");
    let requests = hook.requests();
    assert_eq!(requests.len(), 3);
    requests
        .iter()
        .map(|request| {
            // Every format is signed the Standard Webhooks way, and is JSON.
            assert_signed_now(request);
            assert_eq!(request.headers["content-type"], "application/json");
            serde_json::from_slice(&request.body).unwrap()
        })
        .collect()
}

fn chars(v: &Value) -> usize {
    v.as_str().unwrap().chars().count()
}

#[test]
fn slack_gets_text_and_blocks_with_its_three_characters_escaped() {
    let body = received("slack");
    let text = body["text"].as_str().unwrap();
    assert!(
        text.contains("&lt;b&gt;Acme&lt;/b&gt; &amp; *Sales*"),
        "{text}"
    );
    assert_eq!(body["mrkdwn"], false, "names' * and _ are not markup");
    let blocks = body["blocks"].as_array().unwrap();
    assert!(blocks.len() <= 50);
    assert_eq!(blocks[0]["type"], "header");
    assert_eq!(blocks[0]["text"]["type"], "plain_text");
    assert!(chars(&blocks[0]["text"]["text"]) <= 150);
    let fields = blocks[1]["fields"].as_array().unwrap();
    assert!(fields.len() <= 10);
    let facts: Vec<&str> = fields.iter().map(|f| f["text"].as_str().unwrap()).collect();
    assert!(facts.iter().all(|f| f.chars().count() <= 2_000));
    assert!(facts[0].starts_with("Account: &lt;b&gt;Acme"), "{facts:?}");
    assert_eq!(facts[1], "Network: Facebook");
    assert_eq!(facts[2], "Deadline: May 30 2026 09:00 (UTC)");
    for raw in ["<b>", " & "] {
        assert!(!body.to_string().contains(raw), "{raw} unescaped: {body}");
    }
    let action = blocks[2]["text"]["text"].as_str().unwrap();
    assert!(
        action.contains("`switchboard account reconnect "),
        "{action}"
    );
}

#[test]
fn discord_gets_content_and_an_embed_with_markdown_escaped_and_no_mention() {
    let body = received("discord");
    assert_eq!(body["allowed_mentions"]["parse"], serde_json::json!([]));
    let content = body["content"].as_str().unwrap();
    assert!(chars(&body["content"]) <= 2_000);
    assert!(
        content.contains(r"\<b\>Acme\</b\> \& \*Sales\* \_EU\_ \@everyone"),
        "{content}"
    );
    let embed = &body["embeds"][0];
    assert!(chars(&embed["title"]) <= 256);
    assert!(chars(&embed["description"]) <= 4_096);
    let fields = embed["fields"].as_array().unwrap();
    assert!(fields.len() <= 25);
    for field in fields {
        assert!(chars(&field["name"]) <= 256 && chars(&field["value"]) <= 1_024);
    }
    assert_eq!(fields[1]["value"], "Facebook");
    assert_eq!(embed["timestamp"], "2026-05-23T09:00:00Z");
}

#[test]
fn teams_gets_an_adaptive_card_as_workflows_take_it() {
    let body = received("teams");
    assert_eq!(body["type"], "message");
    let attachment = &body["attachments"][0];
    assert_eq!(
        attachment["contentType"],
        "application/vnd.microsoft.card.adaptive"
    );
    let card = &attachment["content"];
    assert_eq!(card["type"], "AdaptiveCard");
    assert_eq!(card["version"], "1.4");
    let blocks = card["body"].as_array().unwrap();
    assert_eq!(blocks[0]["type"], "TextBlock");
    assert!(
        blocks[0]["text"]
            .as_str()
            .unwrap()
            .contains(r"\*Sales\* \_EU\_"),
        "{card}"
    );
    assert_eq!(blocks[1]["type"], "FactSet");
    let facts = blocks[1]["facts"].as_array().unwrap();
    assert_eq!(facts[2]["title"], "Deadline");
    assert_eq!(facts[2]["value"], "May 30 2026 09:00 (UTC)");
}
