//! What a delivery says, in its recipient's language (their own setting,
//! else the watch's): the account, the network, the deadline, and what to
//! do about it (R9's reminder, E1's purge warning).

use crate::i18n::{self, Lang};
use crate::store::outbox::Delivery;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub lang: Lang,
    pub subject: String,
    pub text: String,
    /// The facts a chat card shows, labelled: account, network, deadline.
    pub facts: Vec<(String, String)>,
    /// What to do, in one sentence, and the command that does it.
    pub action: String,
    pub command: String,
    /// A digest's items, as its JSON body lists them (empty otherwise).
    pub items: Vec<serde_json::Value>,
}

/// The message of `delivery`, in the recipient's language or `fallback`.
pub fn compose(delivery: &Delivery, fallback: Lang) -> Message {
    let lang = delivery
        .recipient_lang
        .as_deref()
        .and_then(Lang::parse)
        .unwrap_or(fallback);
    // Dates and month names follow the current language: the recipient's
    // for this message, the watch's again after it.
    let before = i18n::current();
    i18n::set(lang);
    let (network, account, handle) = match &delivery.account {
        Some(label) => (
            label.network.label().to_string(),
            label.name.clone(),
            label.handle.clone(),
        ),
        None => (
            String::new(),
            crate::tr!("delivery-removed-account", id = delivery.account_id),
            String::new(),
        ),
    };
    // T1: in the recipient's zone, with its abbreviation where ambiguous.
    let zone =
        crate::zone::stored(delivery.recipient_zone.as_deref()).unwrap_or(crate::zone::Tz::UTC);
    let deadline = match delivery.deadline {
        Some(at) => crate::zone::with(zone, || i18n::dates::long_local(at)),
        None => crate::tr!("delivery-no-deadline"),
    };
    let (subject, text) = if delivery.kind == "purge_warning" {
        ("delivery-purge-subject", "delivery-purge-text")
    } else {
        ("delivery-reminder-subject", "delivery-reminder-text")
    };
    // How long before the deadline this reminder comes (issue 21: a plan
    // may have several).
    let lead = delivery
        .deadline
        .map(|due| (due - delivery.at).num_seconds().max(0))
        .unwrap_or(0);
    let lead = if lead % 86_400 == 0 {
        crate::tr!("lead-days", count = lead / 86_400)
    } else {
        crate::tr!("lead-hours", count = (lead + 1_800) / 3_600)
    };
    let args = |id: &str| {
        crate::tr!(
            id,
            name = delivery.recipient_name.as_str(),
            network = network.as_str(),
            account = account.as_str(),
            handle = handle.as_str(),
            deadline = deadline.as_str(),
            zone = zone.name(),
            lead = lead.as_str(),
            id = delivery.account_id
        )
    };
    let command = format!("switchboard account reconnect {}", delivery.account_id);
    let account_fact = if handle.is_empty() {
        account.clone()
    } else {
        format!("{account} (@{handle})")
    };
    let message = Message {
        lang,
        subject: args(subject),
        text: args(text),
        facts: vec![
            (crate::tr!("chat-account"), account_fact),
            (crate::tr!("chat-network"), network.clone()),
            (
                crate::tr!("chat-deadline"),
                format!("{deadline} ({})", zone.name()),
            ),
        ],
        action: crate::tr!(if delivery.kind == "purge_warning" {
            "chat-action-purge"
        } else {
            "chat-action-reminder"
        }),
        command,
        items: Vec::new(),
    };
    i18n::set(before);
    message
}

/// The webhook's JSON body: the message and the facts behind it, for a
/// receiver that routes on them.
pub fn webhook_body(delivery: &Delivery, message: &Message) -> String {
    let account = delivery.account.as_ref().map(|label| {
        serde_json::json!({
            "id": delivery.account_id,
            "network": label.network.name(),
            "handle": label.handle,
            "name": label.name,
        })
    });
    serde_json::json!({
        "message_id": delivery.message_id,
        "kind": delivery.kind,
        "at": crate::lifecycle::time::format_instant(delivery.at),
        "deadline": delivery.deadline.map(crate::lifecycle::time::format_instant),
        "account_id": delivery.account_id,
        "account": account,
        "recipient": delivery.recipient_email,
        "lang": message.lang.code(),
        "subject": message.subject,
        "text": message.text,
        "reconnect": format!("switchboard account reconnect {}", delivery.account_id),
    })
    .to_string()
}
