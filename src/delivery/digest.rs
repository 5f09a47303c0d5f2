//! A digest (issue 21, item 3): one message a day to a recipient who chose
//! `--delivery digest`, listing every account that needs them, grouped by
//! deadline, the most urgent first. Its rows were each checked as a single
//! message would be (nothing past is announced as future); it is sent once,
//! under one message id per recipient, channel and day.

use serde_json::json;

use super::message::Message;
use crate::i18n::{self, Lang};
use crate::store::outbox::Delivery;

/// `<digest.RECIPIENT.DAY.CHANNEL.ORIGIN.switchboard>`: the same for every
/// attempt of the day's digest, whichever rows it holds then.
fn digest_id(first: &Delivery) -> String {
    // A row's id is `<KIND.NOTIFICATION.CHANNEL.ORIGIN.switchboard>`.
    let rest = first
        .message_id
        .trim_start_matches('<')
        .splitn(3, '.')
        .nth(2)
        .unwrap_or("switchboard>");
    format!(
        "<digest.{}.{}.{rest}",
        first.recipient_id,
        first.digest_day.as_deref().unwrap_or("today")
    )
}

/// What the digest of `batch` (one recipient's rows of one day and
/// channel, soonest deadline first) says, and the row it goes out as.
pub fn compose(batch: &[Delivery], fallback: Lang) -> (Delivery, Message) {
    let first = &batch[0];
    let lang = first
        .recipient_lang
        .as_deref()
        .and_then(Lang::parse)
        .unwrap_or(fallback);
    let zone = crate::zone::stored(first.recipient_zone.as_deref()).unwrap_or(crate::zone::Tz::UTC);
    let before = i18n::current();
    i18n::set(lang);
    let mut rows: Vec<&Delivery> = batch.iter().collect();
    rows.sort_by_key(|d| (d.deadline, d.account_id));
    let mut text = crate::tr!(
        "delivery-digest-hello",
        name = first.recipient_name.as_str()
    );
    let mut facts = Vec::new();
    let mut items = Vec::new();
    let mut group = None;
    for d in &rows {
        let deadline = d
            .deadline
            .map(|at| crate::zone::with(zone, || i18n::dates::long_local(at)))
            .unwrap_or_else(|| crate::tr!("delivery-no-deadline"));
        if group != Some(d.deadline) {
            group = Some(d.deadline);
            text.push_str(&format!(
                "\n\n{}",
                crate::tr!(
                    "delivery-digest-by",
                    deadline = deadline.as_str(),
                    zone = zone.name()
                )
            ));
        }
        let account = match &d.account {
            Some(label) => format!(
                "{} · {} (@{})",
                label.network.label(),
                label.name,
                label.handle
            ),
            None => crate::tr!("delivery-removed-account", id = d.account_id),
        };
        let what = crate::tr!(if d.kind == "purge_warning" {
            "delivery-digest-purge"
        } else {
            "delivery-digest-reminder"
        });
        text.push_str(&format!(
            "\n  - {account}: {what} (switchboard account reconnect {})",
            d.account_id
        ));
        facts.push((account, format!("{what} · {deadline}")));
        items.push(json!({
            "kind": d.kind,
            "account_id": d.account_id,
            "account": d.account.as_ref().map(|label| json!({
                "network": label.network.name(),
                "handle": label.handle,
                "name": label.name,
            })),
            "deadline": d.deadline.map(crate::lifecycle::time::format_instant),
            "reconnect": format!("switchboard account reconnect {}", d.account_id),
        }));
    }
    text.push_str(&format!("\n\n{}", crate::tr!("delivery-digest-closing")));
    let message = Message {
        lang,
        subject: crate::tr!("delivery-digest-subject", count = rows.len()),
        text,
        facts,
        action: crate::tr!("chat-action-digest"),
        command: "switchboard deadlines --days 7".to_string(),
        items,
    };
    i18n::set(before);
    let mut sent_as = first.clone();
    sent_as.message_id = digest_id(first);
    sent_as.kind = "digest".to_string();
    (sent_as, message)
}

/// The signed JSON body of a digest: its words and each item's facts.
pub fn webhook_body(delivery: &Delivery, message: &Message) -> String {
    json!({
        "message_id": delivery.message_id,
        "kind": "digest",
        "day": delivery.digest_day,
        "recipient": delivery.recipient_email,
        "lang": message.lang.code(),
        "subject": message.subject,
        "text": message.text,
        "items": message.items,
    })
    .to_string()
}
