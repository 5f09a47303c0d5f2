//! Delivery: the outbox's rows (store::outbox) sent to people by email and
//! webhook, after the sweep's commit and outside any transaction, so a slow
//! or unreachable server never holds the portal. At least once: a row is
//! leased, sent, then marked; a failure is tried again with exponential
//! backoff and jitter up to `max_attempts`, then marked failed with its last
//! error until someone retries it.

pub mod email;
pub mod message;
pub mod settings;
pub mod webhook;

use std::hash::BuildHasher;
use std::path::Path;

use crate::clock::wall_ms;
use crate::error::Result;
use crate::i18n::Lang;
use crate::store::Portal;
use crate::store::outbox::{self, Channel, Delivery};
pub use settings::Settings;

/// Why an attempt did not get through, and whether another could.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    pub message: String,
    /// The receiver refused it for good (an address that does not exist, a
    /// 4xx): no retry.
    pub permanent: bool,
}

impl Failure {
    pub fn transient(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            permanent: false,
        }
    }

    pub fn permanent(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            permanent: true,
        }
    }
}

/// What became of one attempt, for the watch to print.
#[derive(Clone, Debug)]
pub struct Attempted {
    pub delivery: Delivery,
    pub result: std::result::Result<(), Failure>,
    /// When it will be tried again (ms), if it will.
    pub retry_at_ms: Option<i64>,
}

/// One watch's deliveries: its settings and the name its leases carry.
pub struct Deliverer {
    pub settings: Settings,
    holder: String,
    host: String,
}

impl Deliverer {
    pub fn new(settings: Settings) -> Deliverer {
        let host = host_name();
        let holder = format!("{host}:{}:{}", std::process::id(), wall_ms());
        Deliverer {
            settings,
            holder,
            host,
        }
    }

    /// A lease lasts as long as one attempt can (connect, then exchange),
    /// with room to record it.
    fn lease_ms(&self) -> i64 {
        (self.settings.timeout.as_millis() as i64).saturating_mul(3) + 5_000
    }

    /// Whether the watch holding `holder` is gone: it ran on this machine
    /// and its process no longer exists (or is this one, started anew).
    fn holder_gone(&self, holder: &str) -> bool {
        let mut parts = holder.rsplitn(3, ':');
        let (Some(_started), Some(pid), Some(host)) = (parts.next(), parts.next(), parts.next())
        else {
            return false;
        };
        if host != self.host || holder == self.holder {
            return false;
        }
        pid == std::process::id().to_string() || !Path::new("/proc").join(pid).exists()
    }

    /// Delivers every row due now, one at a time, until none is due or
    /// `stop` says so (checked between deliveries: the one in hand is
    /// finished and recorded first). `each` hears of every attempt.
    pub fn deliver_due(
        &self,
        portal: &mut Portal,
        fallback: Lang,
        stop: impl Fn() -> bool,
        mut each: impl FnMut(&Attempted) -> Result<()>,
    ) -> Result<usize> {
        let mut attempted = 0;
        while !stop() {
            let now = wall_ms();
            let until = now + self.lease_ms();
            let claimed = portal.write(|conn| {
                outbox::claim_next(conn, &self.holder, now, until, |h| self.holder_gone(h))
            })?;
            let Some(delivery) = claimed else { break };
            let result = self.attempt(&delivery, fallback);
            let retry_at_ms = match &result {
                Ok(()) => None,
                Err(failure) => {
                    let attempts = delivery.attempts as u32 + 1;
                    (!failure.permanent && attempts < self.settings.max_attempts).then(|| {
                        let wait = self.settings.backoff(attempts, random_unit());
                        wall_ms() + wait.as_millis() as i64
                    })
                }
            };
            let kept = portal.write(|conn| match &result {
                Ok(()) => outbox::mark_delivered(conn, delivery.id, &self.holder, wall_ms()),
                Err(failure) => outbox::mark_attempt_failed(
                    conn,
                    delivery.id,
                    &self.holder,
                    &failure.message,
                    retry_at_ms,
                ),
            })?;
            if !kept {
                // Another watch took the lease over (this attempt outlasted
                // it): that one records the row.
                tracing::warn!(id = delivery.id, "delivery lease lost while sending");
            }
            match &result {
                Ok(()) => tracing::info!(
                    id = delivery.id,
                    channel = delivery.channel.name(),
                    "delivered {}",
                    crate::present::escape_control(&delivery.message_id)
                ),
                Err(failure) => tracing::warn!(
                    id = delivery.id,
                    channel = delivery.channel.name(),
                    retry = retry_at_ms.is_some(),
                    "delivery failed: {}",
                    crate::present::escape_control(&failure.message)
                ),
            }
            attempted += 1;
            each(&Attempted {
                delivery,
                result,
                retry_at_ms,
            })?;
        }
        Ok(attempted)
    }

    fn attempt(&self, delivery: &Delivery, fallback: Lang) -> std::result::Result<(), Failure> {
        let message = message::compose(delivery, fallback);
        match delivery.channel {
            Channel::Email => match &self.settings.email {
                Some(server) => email::send(server, self.settings.timeout, delivery, &message),
                None => Err(Failure::transient(
                    "no SMTP server in the config file: add an [email] section (switchboard config --default shows one), then send the watch SIGHUP",
                )),
            },
            Channel::Webhook => webhook::send(
                &delivery.address,
                &self.settings.webhook_secret_env,
                self.settings.timeout,
                &delivery.message_id,
                &message::webhook_body(delivery, &message),
            ),
        }
    }
}

/// A number in [0, 1) from the standard library's randomly keyed hasher:
/// enough to spread retries apart.
fn random_unit() -> f64 {
    let bits = std::collections::hash_map::RandomState::new().hash_one(wall_ms());
    (bits >> 11) as f64 / (1u64 << 53) as f64
}

fn host_name() -> String {
    let mut buffer = [0u8; 256];
    // SAFETY: the buffer is writable for its whole length, and gethostname
    // writes at most that many bytes.
    let done = unsafe { libc::gethostname(buffer.as_mut_ptr().cast(), buffer.len()) };
    if done != 0 {
        return "localhost".into();
    }
    let end = buffer.iter().position(|&b| b == 0).unwrap_or(buffer.len());
    String::from_utf8_lossy(&buffer[..end]).replace(':', "-")
}
