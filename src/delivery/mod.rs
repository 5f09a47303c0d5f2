//! Delivery: the outbox's rows (store::outbox) sent to people by email and
//! webhook, after the sweep's commit and outside any transaction, so a slow
//! or unreachable server never holds the portal. At least once: a row is
//! leased, sent, then marked; a failure is tried again with exponential
//! backoff and jitter up to `max_attempts`, then marked failed with its last
//! error until someone retries it.
//!
//! Each attempt runs on a thread of its own under one deadline for the
//! whole exchange (`[delivery] timeout`), so the watch's own thread keeps
//! sweeping and hears signals whatever a server does (issue 17, item 1).
//! The lease is the deadline plus a margin, taken when the attempt starts:
//! an attempt can never outlive it, so no second watch takes a row that is
//! still being sent (item 2). A row whose message no longer holds when its
//! turn comes is expired, not sent (items 5 and 6).

pub mod chat;
pub mod digest;
pub mod email;
pub mod message;
pub mod settings;
pub mod smtp;
pub mod webhook;

use std::hash::BuildHasher;
use std::path::Path;
use std::sync::{Arc, mpsc};
use std::time::Duration;

use crate::clock::wall_ms;
use crate::error::Result;
use crate::i18n::Lang;
use crate::lifecycle::Instant;
use crate::lifecycle::notify::{self, Notice, Queued, Stale};
use crate::store::outbox::{self, Channel, Delivery};
use crate::store::{Portal, accounts};
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

/// What became of one row, for the watch to print.
#[derive(Clone, Debug)]
pub enum Outcome {
    Delivered,
    Failed(Failure),
    /// Not sent: the message no longer held (the reason, worded).
    Expired(String),
}

/// What became of one row: the row as it is after the attempt, and when it
/// will be tried again (ms), if it will.
#[derive(Clone, Debug)]
pub struct Attempted {
    pub delivery: Delivery,
    pub outcome: Outcome,
    pub retry_at_ms: Option<i64>,
    /// From the attempt's start to its receiver's answer (0: never sent).
    pub seconds: f64,
    /// The rows a digest settled with it (empty for a single message).
    pub batch: Vec<i64>,
}

/// An attempt's outcome, recorded, and what the same transaction took
/// next: rows expired on the way, and the next attempt, started.
pub struct Polled {
    pub done: Attempted,
    pub expired: Vec<Attempted>,
    pub next: Option<InFlight>,
}

/// An attempt in hand on its own thread.
pub struct InFlight {
    /// The rows it settles (one, or a digest's).
    batch: Vec<Delivery>,
    outcome: mpsc::Receiver<std::result::Result<(), Failure>>,
    /// The outcome once it came in, until it is recorded: a record that
    /// fails (the portal busy) is tried again with it, never by sending
    /// again.
    received: Option<std::result::Result<(), Failure>>,
    started: std::time::Instant,
    /// How long the exchange took, once its outcome came in.
    took: Option<f64>,
}

/// The margin a lease keeps past the delivery's deadline: time to record
/// the outcome, and for clocks of two machines to differ a little.
const LEASE_MARGIN_MS: i64 = 30_000;

/// One watch's deliveries: its settings and the name its leases carry.
pub struct Deliverer {
    pub settings: Settings,
    holder: String,
    host: String,
    /// The mail server's session, kept open across a batch (issue 22).
    smtp: Arc<smtp::Pool>,
    /// The thread attempts run on, one after another, kept across a batch
    /// rather than one started per message (issue 22); started again if an
    /// attempt panicked and took it down.
    worker: std::sync::Mutex<Option<mpsc::Sender<Job>>>,
}

/// One attempt, for the worker thread.
type Job = Box<dyn FnOnce() + Send>;

impl Deliverer {
    pub fn new(settings: Settings) -> Deliverer {
        let host = host_name();
        let holder = format!("{host}:{}:{}", std::process::id(), wall_ms());
        Deliverer {
            settings,
            holder,
            host,
            smtp: Arc::default(),
            worker: std::sync::Mutex::new(None),
        }
    }

    /// A lease outlasts the attempt's deadline by construction: the
    /// attempt stops at `timeout` after its start, the lease runs from
    /// before that start for `timeout` plus a margin.
    pub fn lease_ms(&self) -> i64 {
        self.settings.timeout.as_millis() as i64 + LEASE_MARGIN_MS
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

    /// Takes the next row due now, expiring on the way every row whose
    /// message no longer holds (one transaction), and starts its attempt on
    /// a thread of its own. Returns the expired rows and the attempt.
    pub fn start_next(
        &self,
        portal: &mut Portal,
        fallback: Lang,
    ) -> Result<(Vec<Attempted>, Option<InFlight>)> {
        let started = wall_ms();
        let until = started + self.lease_ms();
        let (expired, claimed) = portal.write(|conn| self.claim_in(conn, started, until))?;
        Ok(self.begin_claimed(expired, claimed, fallback))
    }

    /// Takes the next row due, in the caller's write transaction, expiring
    /// on the way every row whose message no longer holds: the expired
    /// rows (with why), and the rows to send (one, or a digest's).
    #[allow(clippy::type_complexity)]
    fn claim_in(
        &self,
        conn: &crate::store::db::Connection,
        started: i64,
        until: i64,
    ) -> Result<(Vec<(Delivery, String)>, Option<Vec<Delivery>>)> {
        let now = crate::store::instant_in(conn)?;
        let mut expired = Vec::new();
        loop {
            let claimed =
                outbox::claim_next(conn, &self.holder, started, until, |h| self.holder_gone(h))?;
            let Some(delivery) = claimed else {
                return Ok((expired, None));
            };
            let mut expire = |row: Delivery, stale| -> Result<()> {
                let reason = word(stale);
                outbox::mark_expired(conn, row.id, &reason)?;
                let row = outbox::by_id(conn, row.id)?.unwrap_or(row);
                expired.push((row, reason));
                Ok(())
            };
            match still_holds(conn, &delivery, now)? {
                Ok(()) if delivery.digest_day.is_none() => {
                    return Ok((expired, Some(vec![delivery])));
                }
                // A digest: every row of its day goes in one message,
                // each checked as a message of its own would be.
                Ok(()) => {
                    let mut batch = Vec::new();
                    let claimed = crate::store::digests::claim_digest(
                        conn,
                        &delivery,
                        &self.holder,
                        (started, until),
                    )?;
                    for row in claimed {
                        match still_holds(conn, &row, now)? {
                            Ok(()) => batch.push(row),
                            Err(stale) => expire(row, stale)?,
                        }
                    }
                    if !batch.is_empty() {
                        return Ok((expired, Some(batch)));
                    }
                }
                Err(stale) => expire(delivery, stale)?,
            }
        }
    }

    /// The expired rows as attempts to report, and the claimed rows' attempt
    /// started.
    fn begin_claimed(
        &self,
        expired: Vec<(Delivery, String)>,
        claimed: Option<Vec<Delivery>>,
        fallback: Lang,
    ) -> (Vec<Attempted>, Option<InFlight>) {
        let expired = expired
            .into_iter()
            .map(|(delivery, reason)| {
                tracing::info!(
                    id = delivery.id,
                    "expired, not sent: {}",
                    crate::present::escape_control(&reason)
                );
                Attempted {
                    delivery,
                    outcome: Outcome::Expired(reason),
                    retry_at_ms: None,
                    seconds: 0.0,
                    batch: Vec::new(),
                }
            })
            .collect();
        (expired, claimed.map(|batch| self.spawn(batch, fallback)))
    }

    /// Starts the attempt: the message composed here (its language is this
    /// thread's), the exchange on a thread of its own. A digest's rows go
    /// as one message.
    fn spawn(&self, batch: Vec<Delivery>, fallback: Lang) -> InFlight {
        let (delivery, message) = match batch.as_slice() {
            [one] if one.digest_day.is_none() => (one.clone(), message::compose(one, fallback)),
            _ => digest::compose(&batch, fallback),
        };
        let settings = self.settings.clone();
        let hello = self.host.clone();
        let row = delivery.clone();
        let pool = Arc::clone(&self.smtp);
        let (sender, outcome) = mpsc::channel();
        let job: Job = Box::new(move || {
            let _ = sender.send(attempt((&settings, &pool), &hello, &row, &message));
        });
        if let Err(e) = self.run_on_worker(job) {
            let (sender, receiver) = mpsc::channel();
            let _ = sender.send(Err(Failure::transient(format!(
                "no thread for the attempt: {e}"
            ))));
            return InFlight {
                batch,
                outcome: receiver,
                received: None,
                started: std::time::Instant::now(),
                took: None,
            };
        }
        InFlight {
            batch,
            outcome,
            received: None,
            started: std::time::Instant::now(),
            took: None,
        }
    }

    /// Hands `job` to the worker thread, starting one when there is none
    /// (or when it is gone).
    fn run_on_worker(&self, job: Job) -> std::io::Result<()> {
        let mut worker = self.worker.lock().unwrap_or_else(|e| e.into_inner());
        let job = match worker.as_ref() {
            Some(running) => match running.send(job) {
                Ok(()) => return Ok(()),
                Err(mpsc::SendError(job)) => job,
            },
            None => job,
        };
        let (jobs, next) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("delivery".into())
            .spawn(move || {
                while let Ok(job) = next.recv() {
                    // A panic ends the attempt (its outcome's sender drops,
                    // which `poll` reads as a failure), not the worker: a
                    // job sent meanwhile is never lost in a dying thread.
                    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
                }
            })?;
        jobs.send(job)
            .map_err(|_| std::io::Error::other("the worker ended"))?;
        *worker = Some(jobs);
        Ok(())
    }

    /// Waits up to `wait` for the attempt's outcome: Some once it is in
    /// (and recorded), None while it is still in hand.
    pub fn poll(
        &self,
        portal: &mut Portal,
        in_flight: &mut InFlight,
        wait: Duration,
        fallback: Lang,
    ) -> Result<Option<Polled>> {
        if in_flight.received.is_none() {
            in_flight.received = Some(match in_flight.outcome.recv_timeout(wait) {
                Ok(result) => result,
                Err(mpsc::RecvTimeoutError::Timeout) => return Ok(None),
                // The thread ended without a word: it panicked. That attempt
                // fails like any other; the watch goes on (issue 17, item 4).
                Err(mpsc::RecvTimeoutError::Disconnected) => Err(Failure::transient(
                    "the attempt stopped unexpectedly (see the watch's log)",
                )),
            });
        }
        let took = *in_flight
            .took
            .get_or_insert_with(|| in_flight.started.elapsed().as_secs_f64());
        let result = in_flight.received.clone().unwrap_or(Ok(()));
        let (attempted, expired, claimed) = self.record(portal, &in_flight.batch, result)?;
        let (expired, next) = self.begin_claimed(expired, claimed, fallback);
        Ok(Some(Polled {
            done: Attempted {
                seconds: took,
                ..attempted
            },
            expired,
            next,
        }))
    }

    /// Records the outcome, and takes the next row due in the same
    /// transaction (one transaction a message, not two: issue 22).
    #[allow(clippy::type_complexity)]
    fn record(
        &self,
        portal: &mut Portal,
        batch: &[Delivery],
        result: std::result::Result<(), Failure>,
    ) -> Result<(Attempted, Vec<(Delivery, String)>, Option<Vec<Delivery>>)> {
        let delivery = &batch[0];
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
        // A digest's rows are settled together, in one transaction.
        let started = wall_ms();
        let until = started + self.lease_ms();
        let (kept, row, (expired, claimed)) = portal.write(|conn| {
            let mut kept = true;
            for row in batch {
                kept &= match &result {
                    Ok(()) => outbox::mark_delivered(conn, row.id, wall_ms())?,
                    Err(failure) => outbox::mark_attempt_failed(
                        conn,
                        row.id,
                        &self.holder,
                        &failure.message,
                        retry_at_ms,
                    )?,
                };
            }
            let row = outbox::by_id(conn, delivery.id)?;
            Ok((kept, row, self.claim_in(conn, started, until)?))
        })?;
        if !kept {
            tracing::warn!(
                id = delivery.id,
                "the delivery's row changed while it was in hand"
            );
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
        let attempted = Attempted {
            delivery: row.unwrap_or_else(|| delivery.clone()),
            outcome: match result {
                Ok(()) => Outcome::Delivered,
                Err(failure) => Outcome::Failed(failure),
            },
            retry_at_ms,
            seconds: 0.0,
            batch: if batch.len() > 1 || delivery.digest_day.is_some() {
                batch.iter().map(|d| d.id).collect()
            } else {
                Vec::new()
            },
        };
        Ok((attempted, expired, claimed))
    }
}

/// Whether `delivery`'s message still holds, from the portal as it is.
fn still_holds(
    conn: &crate::store::db::Connection,
    delivery: &Delivery,
    now: Instant,
) -> Result<std::result::Result<(), Stale>> {
    let account = accounts::load(conn, delivery.account_id)?;
    let recipient = outbox::recipient_now(conn, delivery.recipient_id)?;
    let notice = if delivery.kind == "purge_warning" {
        Notice::PurgeWarning
    } else {
        Notice::Reminder
    };
    Ok(notify::still_holds(
        &Queued {
            notice,
            deadline: delivery.deadline,
            account: account.as_ref(),
            recipient_active: recipient.active,
            channel_now: recipient.address(delivery.channel),
            addressed_to: &delivery.address,
        },
        now,
    ))
}

/// Why a row expired, in the watch's language.
pub fn word(stale: Stale) -> String {
    let id = match stale {
        Stale::DeadlinePassed => "delivery-stale-deadline-passed",
        Stale::AccountRemoved => "delivery-stale-account-removed",
        Stale::DeadlineMoved => "delivery-stale-deadline-moved",
        Stale::AccountDisconnected => "delivery-stale-account-disconnected",
        Stale::AccountReconnected => "delivery-stale-account-reconnected",
        Stale::AccountPurged => "delivery-stale-account-purged",
        Stale::RecipientInactive => "delivery-stale-recipient-inactive",
        Stale::ChannelChanged => "delivery-stale-channel-changed",
    };
    crate::tr!(id)
}

/// A secret the watch was given: a systemd credential of that name
/// (`LoadCredential=`, read from `$CREDENTIALS_DIRECTORY`), else the
/// environment variable.
pub fn secret(name: &str) -> Option<String> {
    if let Some(dir) = std::env::var_os("CREDENTIALS_DIRECTORY")
        && !name.contains('/')
    {
        let path = Path::new(&dir).join(name);
        if let Ok(bytes) = crate::files::read_bounded(&path, 64 * 1024) {
            let text = String::from_utf8_lossy(&bytes)
                .trim_end_matches(['\r', '\n'])
                .to_string();
            if !text.is_empty() {
                return Some(text);
            }
        }
    }
    std::env::var(name).ok().filter(|s| !s.is_empty())
}

/// One attempt, on its own thread: everything it needs is owned.
fn attempt(
    (settings, pool): (&Settings, &smtp::Pool),
    hello: &str,
    delivery: &Delivery,
    message: &message::Message,
) -> std::result::Result<(), Failure> {
    match delivery.channel {
        Channel::Email => match &settings.email {
            Some(server) => {
                let password = server
                    .username
                    .as_ref()
                    .and_then(|_| secret(&server.password_env));
                email::send(
                    server,
                    password.as_deref(),
                    settings.timeout,
                    hello,
                    (delivery, message),
                    Some(pool),
                )
            }
            None => Err(Failure::transient(
                "no SMTP server in the config file: add an [email] section (switchboard config --default shows one), then send the watch SIGHUP",
            )),
        },
        Channel::Webhook => {
            let secret = secret(&settings.webhook_secret_env).ok_or_else(|| {
                Failure::transient(format!(
                    "no webhook secret to sign with: set ${} for the watch (or a systemd credential of that name)",
                    settings.webhook_secret_env
                ))
            })?;
            webhook::send(
                &webhook::Request {
                    url: &delivery.address,
                    secret: &secret,
                    message_id: &delivery.message_id,
                    timestamp: wall_ms() / 1000,
                    body: &chat::body(delivery.webhook_format, delivery, message),
                    allow_private: settings.allow_private_webhooks,
                },
                settings.timeout,
            )
        }
    }
}

/// A host's addresses, looked up on a thread of its own so that the wait
/// ends at `deadline` (std's lookup has no timeout of its own); `Err` says
/// why, with `out_of_time` when the deadline came first. Shared by email
/// and webhooks.
pub(crate) fn lookup_before(
    host: &str,
    port: u16,
    deadline: std::time::Instant,
    out_of_time: impl FnOnce() -> Failure,
) -> std::result::Result<Vec<std::net::SocketAddr>, Failure> {
    use std::net::ToSocketAddrs;
    let (sender, receiver) = mpsc::channel();
    let lookup = host.to_string();
    std::thread::spawn(move || {
        let _ = sender.send(
            (lookup.as_str(), port)
                .to_socket_addrs()
                .map(|addrs| addrs.collect::<Vec<_>>()),
        );
    });
    let left = deadline.saturating_duration_since(std::time::Instant::now());
    match receiver.recv_timeout(left) {
        Ok(Ok(addrs)) if !addrs.is_empty() => Ok(addrs),
        Ok(Ok(_)) => Err(Failure::transient(format!(
            "{host}: the name has no address"
        ))),
        Ok(Err(e)) => Err(Failure::transient(format!("{host}: {e}"))),
        Err(_) => Err(out_of_time()),
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
    let name = String::from_utf8_lossy(&buffer[..end]).replace(':', "-");
    // The name is said in EHLO: only what a host name may hold.
    if crate::address::check_host(&name).is_ok() {
        name
    } else {
        "localhost".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An attempt that panics is read as a failed attempt (its outcome's
    /// sender is gone); the attempts after it still run, each with its own
    /// outcome.
    #[test]
    fn a_panicking_attempt_fails_alone_and_the_next_ones_still_run() {
        let deliverer = Deliverer::new(Settings::default());
        let (told, heard) = mpsc::channel::<u32>();
        let panicking: Job = Box::new(move || {
            let _keeps_the_sender = told;
            panic!("an attempt that panics");
        });
        deliverer.run_on_worker(panicking).unwrap();
        assert!(
            heard.recv_timeout(Duration::from_secs(5)).is_err(),
            "no outcome from the panicked attempt"
        );
        for expected in [1, 2] {
            let (told, heard) = mpsc::channel();
            deliverer
                .run_on_worker(Box::new(move || told.send(expected).unwrap()))
                .unwrap();
            assert_eq!(heard.recv_timeout(Duration::from_secs(5)), Ok(expected));
        }
    }
}
