//! A webhook's body in the shape its receiver takes (issue 21, item 4):
//! our signed JSON, or the message as a team's chat shows it. Names come
//! from the data, so each format's markup is escaped in them and each
//! field is cut to the length the format allows.
//!
//! - Slack incoming webhooks: `text` (the notification's fallback) and
//!   `blocks` (a header, the facts as plain-text fields, what to do); `&`,
//!   `<` and `>` escaped as Slack's reference asks, markup off.
//! - Discord webhooks: `content` and one embed with the facts as fields;
//!   markdown escaped with backslashes and no mention ever parsed.
//! - Microsoft Teams Workflows: a `message` with one Adaptive Card (1.4)
//!   attachment; markdown escaped with backslashes.

use serde_json::{Value, json};

use super::message::Message;
use crate::store::outbox::{Delivery, WebhookFormat};

/// The body a webhook of `format` receives.
pub fn body(format: WebhookFormat, delivery: &Delivery, message: &Message) -> String {
    match format {
        WebhookFormat::Json if delivery.kind == "digest" => {
            super::digest::webhook_body(delivery, message)
        }
        WebhookFormat::Json => super::message::webhook_body(delivery, message),
        WebhookFormat::Slack => slack(message).to_string(),
        WebhookFormat::Discord => discord(delivery, message).to_string(),
        WebhookFormat::Teams => teams(message).to_string(),
    }
}

/// At most `max` characters, an ellipsis marking a cut.
fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut kept: String = text.chars().take(max.saturating_sub(1)).collect();
    kept.push('…');
    kept
}

/// At most `limit` facts: a digest longer than that ends with how many
/// more it holds (the text lists them all).
fn most(facts: &[(String, String)], limit: usize) -> Vec<(String, String)> {
    if facts.len() <= limit {
        return facts.to_vec();
    }
    let mut kept = facts[..limit - 1].to_vec();
    kept.push((
        "…".to_string(),
        crate::tr!("chat-more", count = facts.len() - (limit - 1)),
    ));
    kept
}

/// Slack's three characters (api.slack.com, "Formatting text": escaping).
fn slack_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Markdown's punctuation escaped with a backslash (CommonMark: any ASCII
/// punctuation may be), so a name reads as typed; brackets are, so no link
/// can form, and parentheses need not be. Used by Discord and Teams.
fn markdown_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '~' | '`' | '|' | '>' | '<' | '#' | '[' | ']' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Discord's markdown, and `@` too: a name never reads as a mention
/// (none is parsed either way: `allowed_mentions`).
fn discord_escape(text: &str) -> String {
    markdown_escape(text).replace('@', "\\@")
}

/// Slack's limits: header text 150, a section field 2 000, section text
/// 3 000, `text` 40 000 (api.slack.com/reference/block-kit/blocks).
fn slack(message: &Message) -> Value {
    let fields: Vec<Value> = most(&message.facts, 10)
        .iter()
        .map(|(label, value)| {
            json!({
                "type": "plain_text",
                "text": cut(&slack_escape(&format!("{label}: {value}")), 2_000),
                "emoji": false,
            })
        })
        .collect();
    json!({
        "text": cut(&slack_escape(&message.subject), 3_000),
        "mrkdwn": false,
        "blocks": [
            {
                "type": "header",
                "text": {
                    "type": "plain_text",
                    "text": cut(&slack_escape(&message.subject), 150),
                    "emoji": false,
                },
            },
            { "type": "section", "fields": fields },
            {
                "type": "section",
                "text": {
                    "type": "mrkdwn",
                    "text": cut(
                        &format!("{}\n`{}`", slack_escape(&message.action), message.command),
                        3_000,
                    ),
                },
            },
        ],
    })
}

/// Discord's limits: content 2 000, embed title 256, description 4 096,
/// field name 256, field value 1 024, 25 fields
/// (discord.com/developers/docs/resources/message#embed-object-embed-limits).
fn discord(delivery: &Delivery, message: &Message) -> Value {
    let fields: Vec<Value> = most(&message.facts, 25)
        .iter()
        .map(|(label, value)| {
            json!({
                "name": cut(&discord_escape(label), 256),
                "value": cut(&discord_escape(value), 1_024),
                "inline": true,
            })
        })
        .collect();
    json!({
        "content": cut(&discord_escape(&message.subject), 2_000),
        "allowed_mentions": { "parse": [] },
        "embeds": [{
            "title": cut(&discord_escape(&message.subject), 256),
            "description": cut(
                &format!("{}\n`{}`", discord_escape(&message.action), message.command),
                4_096,
            ),
            "fields": fields,
            "timestamp": crate::lifecycle::time::format_instant(delivery.at),
        }],
    })
}

/// An Adaptive Card as a Teams Workflows webhook takes it
/// (learn.microsoft.com: "Create incoming webhooks with Workflows").
fn teams(message: &Message) -> Value {
    let facts: Vec<Value> = message
        .facts
        .iter()
        .map(|(label, value)| json!({ "title": markdown_escape(label), "value": markdown_escape(value) }))
        .collect();
    json!({
        "type": "message",
        "attachments": [{
            "contentType": "application/vnd.microsoft.card.adaptive",
            "contentUrl": null,
            "content": {
                "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
                "type": "AdaptiveCard",
                "version": "1.4",
                "body": [
                    {
                        "type": "TextBlock",
                        "text": markdown_escape(&message.subject),
                        "weight": "Bolder",
                        "size": "Medium",
                        "wrap": true,
                    },
                    { "type": "FactSet", "facts": facts },
                    { "type": "TextBlock", "text": markdown_escape(&message.action), "wrap": true },
                    {
                        "type": "TextBlock",
                        "text": message.command,
                        "fontType": "Monospace",
                        "wrap": true,
                    },
                ],
            },
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_keeps_short_text_and_marks_a_cut() {
        assert_eq!(cut("abc", 3), "abc");
        assert_eq!(cut("abcd", 3), "ab…");
    }

    #[test]
    fn a_digest_longer_than_a_format_allows_ends_with_how_many_more() {
        let facts: Vec<(String, String)> = (0..13)
            .map(|i| (format!("account {i}"), "reauthorize it".to_string()))
            .collect();
        let kept = most(&facts, 10);
        assert_eq!(kept.len(), 10);
        assert_eq!(kept[8].0, "account 8");
        assert_eq!(kept[9].1, "and 4 more in the text");
        assert_eq!(most(&facts[..3], 10).len(), 3);
    }

    #[test]
    fn markup_in_names_is_escaped_for_each_format() {
        assert_eq!(slack_escape("<b> & *x*"), "&lt;b&gt; &amp; *x*");
        assert_eq!(
            markdown_escape("*x* _y_ [z] @team"),
            "\\*x\\* \\_y\\_ \\[z\\] @team"
        );
        assert_eq!(discord_escape("@everyone"), "\\@everyone");
    }
}
