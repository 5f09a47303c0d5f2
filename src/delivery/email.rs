//! Email over SMTP (lettre): STARTTLS, TLS or a plain relay, optional
//! authentication with a password read from the environment when sending.

use std::time::Duration;

use lettre::message::{Mailbox, header::ContentType};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{SmtpTransport, Transport};

use super::Failure;
use super::message::Message;
use super::settings::{Email, Security};
use crate::store::outbox::Delivery;

pub fn send(
    server: &Email,
    timeout: Duration,
    delivery: &Delivery,
    message: &Message,
) -> Result<(), Failure> {
    let from: Mailbox = server
        .from
        .parse()
        .map_err(|e| Failure::permanent(format!("the sender {:?}: {e}", server.from)))?;
    let to_address = delivery.address.parse().map_err(|e| {
        Failure::permanent(format!(
            "the address {:?} cannot take mail: {e}",
            delivery.address
        ))
    })?;
    let to = Mailbox::new(Some(delivery.recipient_name.clone()), to_address);
    let mail = lettre::Message::builder()
        .from(from)
        .to(to)
        .subject(message.subject.clone())
        .message_id(Some(delivery.message_id.clone()))
        .header(ContentType::TEXT_PLAIN)
        .body(message.text.clone())
        .map_err(|e| Failure::permanent(format!("the message cannot be built: {e}")))?;
    let builder = match server.security {
        Security::None => SmtpTransport::builder_dangerous(&server.host),
        Security::StartTls => SmtpTransport::starttls_relay(&server.host)
            .map_err(|e| Failure::transient(format!("TLS for {}: {e}", server.host)))?,
        Security::Tls => SmtpTransport::relay(&server.host)
            .map_err(|e| Failure::transient(format!("TLS for {}: {e}", server.host)))?,
    };
    let mut builder = builder.port(server.port).timeout(Some(timeout));
    if let Some(user) = &server.username {
        let password = std::env::var(&server.password_env).map_err(|_| {
            Failure::transient(format!(
                "the SMTP server needs a password: set ${} for the watch",
                server.password_env
            ))
        })?;
        builder = builder.credentials(Credentials::new(user.clone(), password));
    }
    let transport = builder.build();
    match transport.send(&mail) {
        Ok(_) => Ok(()),
        Err(e) => {
            let text = format!("{}:{}: {e}", server.host, server.port);
            Err(if e.is_permanent() {
                Failure::permanent(text)
            } else {
                Failure::transient(text)
            })
        }
    }
}
