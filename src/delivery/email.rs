//! Email: the message built by lettre (headers encoded, `MIME-Version`, a
//! plain text part), sent by our own SMTP client under one deadline
//! (delivery/smtp.rs) with a password read from the environment or a
//! systemd credential when sending.

use std::time::Duration;

use lettre::message::{Mailbox, SinglePart};

use super::Failure;
use super::message::Message;
use super::settings::{Email, Security};
use super::smtp;
use crate::store::outbox::Delivery;

/// Whether `text` may stand in a mail header: no control character (a CR
/// or LF would start a header of its own; lettre refuses to format one).
fn header_safe(text: &str) -> bool {
    !text.chars().any(char::is_control)
}

/// The mail `delivery` sends, as bytes, or why it cannot be built: a name
/// or address from the portal that cannot stand in a header fails this
/// delivery for good, saying what to fix (issue 17, item 4).
pub fn build(server: &Email, delivery: &Delivery, message: &Message) -> Result<Vec<u8>, Failure> {
    let from: Mailbox = server
        .from
        .parse()
        .map_err(|e| Failure::permanent(format!("the sender {:?}: {e}", server.from)))?;
    if !header_safe(&delivery.address) {
        return Err(Failure::permanent(format!(
            "the address of user #{} holds a control character: correct it with `switchboard user set`",
            delivery.recipient_id
        )));
    }
    let to_address = delivery.address.parse().map_err(|e| {
        Failure::permanent(format!(
            "the address {:?} cannot take mail: {e}",
            delivery.address
        ))
    })?;
    if !header_safe(&delivery.recipient_name) {
        return Err(Failure::permanent(format!(
            "the name of user #{} holds a control character: correct it with `switchboard user set {} --name NAME`",
            delivery.recipient_id, delivery.address
        )));
    }
    let to = Mailbox::new(Some(delivery.recipient_name.clone()), to_address);
    // The subject names an account: its control characters become spaces.
    let subject: String = message
        .subject
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mail = lettre::Message::builder()
        .from(from)
        .to(to)
        .subject(subject)
        .message_id(Some(delivery.message_id.clone()))
        .singlepart(SinglePart::plain(message.text.clone()))
        .map_err(|e| Failure::permanent(format!("the message cannot be built: {e}")))?;
    Ok(mail.formatted())
}

pub fn send(
    server: &Email,
    password: Option<&str>,
    timeout: Duration,
    hello: &str,
    (delivery, message): (&Delivery, &Message),
    pool: Option<&smtp::Pool>,
) -> Result<(), Failure> {
    let mail = build(server, delivery, message)?;
    let from = server
        .from
        .parse::<Mailbox>()
        .map(|m| m.email.to_string())
        .map_err(|e| Failure::permanent(format!("the sender {:?}: {e}", server.from)))?;
    let credentials = match (&server.username, password) {
        (Some(user), Some(password)) => Some((user.as_str(), password)),
        (Some(_), None) => {
            return Err(Failure::transient(format!(
                "the SMTP server needs a password: set ${} for the watch (or a systemd credential of that name)",
                server.password_env
            )));
        }
        (None, _) => None,
    };
    smtp::send(
        &smtp::Envelope {
            host: &server.host,
            port: server.port,
            security: server.security,
            hello,
            credentials,
            from: &from,
            to: &delivery.address,
        },
        &mail,
        timeout,
        pool,
    )
}

/// Whether this server would see the password in clear.
pub fn sends_password_in_clear(server: &Email) -> bool {
    server.security == Security::None && server.username.is_some()
}
