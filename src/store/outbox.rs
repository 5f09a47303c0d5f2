//! The outbox: what the sweep's notifications (R9, E1) owe to each
//! recipient's channels, written in the notification's own transaction and
//! delivered after the commit by `watch` (src/delivery/).
//!
//! Delivery is at least once: a row is leased to one watch at a time (the
//! lease is taken in a transaction), marked delivered after its receiver
//! accepted it, and a watch that dies holding a lease loses nothing: the
//! lease runs out, or the next watch on the same machine sees its holder is
//! gone, and the row is sent again (the one in hand, at most, twice).

use super::db::{Connection, OptionalExtension, params};

use super::rows::{instant, opt_instant, secs};
use crate::error::{Error, Result};
use crate::lifecycle::{Instant, UserId};

/// A way a message reaches a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Channel {
    Email,
    Webhook,
}

impl Channel {
    pub fn name(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Webhook => "webhook",
        }
    }

    fn parse(text: &str) -> Result<Channel> {
        match text {
            "email" => Ok(Channel::Email),
            "webhook" => Ok(Channel::Webhook),
            _ => Err(super::rows::corrupt("delivery channel")),
        }
    }
}

/// Where a delivery stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    Pending,
    Delivered,
    Failed,
    /// No longer true or no longer wanted when its turn came (issue 17,
    /// items 5 and 6): never sent, kept with the reason.
    Expired,
}

impl State {
    pub fn name(self) -> &'static str {
        match self {
            State::Pending => "pending",
            State::Delivered => "delivered",
            State::Failed => "failed",
            State::Expired => "expired",
        }
    }

    fn parse(text: &str) -> Result<State> {
        match text {
            "pending" => Ok(State::Pending),
            "delivered" => Ok(State::Delivered),
            "failed" => Ok(State::Failed),
            "expired" => Ok(State::Expired),
            _ => Err(super::rows::corrupt("delivery status")),
        }
    }
}

/// The shape a webhook's body takes (issue 21, item 4).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum WebhookFormat {
    /// The message and its facts, signed (Standard Webhooks).
    #[default]
    Json,
    /// A Slack incoming webhook's `text` and `blocks`.
    Slack,
    /// A Discord webhook's `content` and an embed.
    Discord,
    /// An Adaptive Card as a Teams Workflows webhook takes it.
    Teams,
}

impl WebhookFormat {
    pub const ALL: [WebhookFormat; 4] = [
        WebhookFormat::Json,
        WebhookFormat::Slack,
        WebhookFormat::Discord,
        WebhookFormat::Teams,
    ];

    pub fn name(self) -> &'static str {
        match self {
            WebhookFormat::Json => "json",
            WebhookFormat::Slack => "slack",
            WebhookFormat::Discord => "discord",
            WebhookFormat::Teams => "teams",
        }
    }

    pub fn parse(text: &str) -> Option<WebhookFormat> {
        WebhookFormat::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(text.trim()))
    }
}

/// A user's channels: which messages reach them outside the portal, how,
/// and in which language and zone they read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Channels {
    pub email: bool,
    pub webhook: Option<String>,
    /// The language of their messages (`en`, `it`); None: the watch's.
    pub lang: Option<String>,
    /// Their time zone (an IANA name); None: the portal's.
    pub timezone: Option<String>,
    /// One digest a day at this minute of their day (issue 21, item 3);
    /// None: each message as it comes.
    pub digest_at: Option<u16>,
    pub webhook_format: WebhookFormat,
}

const CHANNEL_COLUMNS: &str =
    "email_notifications, webhook_url, lang, timezone, delivery, digest_at, webhook_format";

fn channels_from(r: &super::db::Row<'_>, first: usize) -> Result<Channels> {
    let delivery: String = r.get(first + 4)?;
    let minute: i64 = r.get(first + 5)?;
    let format: String = r.get(first + 6)?;
    Ok(Channels {
        email: r.get(first)?,
        webhook: r.get(first + 1)?,
        lang: r.get(first + 2)?,
        timezone: r.get(first + 3)?,
        digest_at: match delivery.as_str() {
            "immediate" => None,
            "digest" => Some(
                u16::try_from(minute)
                    .ok()
                    .filter(|m| *m < 1440)
                    .ok_or_else(|| super::rows::corrupt("digest hour"))?,
            ),
            _ => return Err(super::rows::corrupt("delivery mode")),
        },
        webhook_format: WebhookFormat::parse(&format)
            .ok_or_else(|| super::rows::corrupt("webhook format"))?,
    })
}

/// Every user's channels, by user id, in one query (for `user list`).
pub fn all_channels(conn: &Connection) -> Result<std::collections::HashMap<UserId, Channels>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT id, {CHANNEL_COLUMNS} FROM users"))?;
    let mut rows = stmt.query([])?;
    let mut all = std::collections::HashMap::new();
    while let Some(row) = rows.next()? {
        all.insert(row.get(0)?, channels_from(&row, 1)?);
    }
    Ok(all)
}

pub fn channels_of(conn: &Connection, user: UserId) -> Result<Channels> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {CHANNEL_COLUMNS} FROM users WHERE id = ?1"
    ))?;
    let mut rows = stmt.query([user])?;
    match rows.next()? {
        Some(row) => channels_from(&row, 0),
        None => Err(super::rows::corrupt("user reference")),
    }
}

pub fn set_channels(conn: &Connection, user: UserId, channels: &Channels) -> Result<()> {
    conn.execute(
        "UPDATE users SET email_notifications = ?2, webhook_url = ?3, lang = ?4, timezone = ?5, \
         delivery = ?6, digest_at = coalesce(?7, digest_at), webhook_format = ?8 WHERE id = ?1",
        params![
            user,
            channels.email,
            channels.webhook,
            channels.lang,
            channels.timezone,
            if channels.digest_at.is_some() {
                "digest"
            } else {
                "immediate"
            },
            channels.digest_at.map(i64::from),
            channels.webhook_format.name()
        ],
    )?;
    Ok(())
}

/// Writes one delivery per channel `recipient` has, for the notification
/// just inserted (called in its transaction: both are written or neither).
pub fn enqueue(
    conn: &Connection,
    notification_id: i64,
    kind: &str,
    recipient: UserId,
    deadline: Option<Instant>,
) -> Result<()> {
    // One lookup for both channels (this runs once per notification of a
    // sweep): the address email goes to when it is on, the webhook, and
    // whether they come in a digest.
    let mut who = conn.prepare_cached(
        "SELECT CASE WHEN email_notifications = 1 THEN email END, webhook_url, delivery, \
         digest_at, coalesce(timezone, (SELECT timezone FROM portal WHERE id = 1)) \
         FROM users WHERE id = ?1",
    )?;
    let (email, webhook, delivery, minute, zone): (
        Option<String>,
        Option<String>,
        String,
        i64,
        Option<String>,
    ) = who.query_row([recipient], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
    })?;
    if email.is_none() && webhook.is_none() {
        return Ok(());
    }
    // A digest's rows wait for its hour (issue 21, item 3).
    let (digest_day, due_ms) = match delivery.as_str() {
        "digest" => {
            let zone = crate::zone::stored(zone.as_deref()).unwrap_or(crate::zone::Tz::UTC);
            let (day, at) = super::digests::next_digest(crate::clock::system_now(), zone, minute);
            (Some(day), at.timestamp_millis())
        }
        _ => (None, 0),
    };
    let origin = message_origin(conn)?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO deliveries (notification_id, channel, address, deadline, message_id, \
         digest_day, next_attempt_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (channel, address) in [(Channel::Email, email), (Channel::Webhook, webhook)] {
        if let Some(address) = address {
            let message_id = format!(
                "<{kind}.{notification_id}.{}.{origin}.switchboard>",
                channel.name()
            );
            stmt.execute(params![
                notification_id,
                channel.name(),
                address,
                deadline.map(secs),
                message_id,
                digest_day,
                due_ms,
            ])?;
        }
    }
    Ok(())
}

/// What makes a message id unlike any other portal's, as far as its name
/// and creation instant go: `1772355600@acme-corp`, so ids read
/// `<reauth_reminder.42.email.1772355600@acme-corp.switchboard>`, the same
/// for every attempt of one delivery.
fn message_origin(conn: &Connection) -> Result<String> {
    let (name, created): (String, i64) = conn.query_row(
        "SELECT name, coalesce((SELECT min(at) FROM audit), 0) FROM portal",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let slug: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let slug = if slug.is_empty() {
        "portal".to_string()
    } else {
        slug
    };
    Ok(format!("{created}@{slug}"))
}

/// One delivery with everything its message needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Delivery {
    pub id: i64,
    pub channel: Channel,
    pub address: String,
    pub message_id: String,
    pub state: State,
    pub attempts: i64,
    pub next_attempt_ms: i64,
    pub last_error: Option<String>,
    pub delivered_ms: Option<i64>,
    pub deadline: Option<Instant>,
    pub notification_id: i64,
    /// `reauth_reminder` or `purge_warning`.
    pub kind: String,
    pub at: Instant,
    pub account_id: i64,
    pub account: Option<super::rows::AccountLabel>,
    pub recipient_id: UserId,
    pub recipient_email: String,
    pub recipient_name: String,
    pub recipient_lang: Option<String>,
    /// The zone the recipient reads (theirs, else the portal's; issue 21).
    pub recipient_zone: Option<String>,
    /// The shape of the recipient's webhook messages, as set now.
    pub webhook_format: WebhookFormat,
    /// The recipient's local day whose digest carries it; None: sent alone.
    pub digest_day: Option<String>,
}

pub(super) const SELECT: &str = "SELECT d.id, d.channel, d.address, d.message_id, d.status, d.attempts, \
     d.next_attempt_ms, d.last_error, d.delivered_ms, d.deadline, n.id, n.kind, n.at, \
     n.account_id, u.id, u.email, u.name, u.lang, a.network, a.name, a.handle, \
     coalesce(u.timezone, (SELECT timezone FROM portal WHERE id = 1)), u.webhook_format, \
     d.digest_day \
     FROM deliveries d JOIN notifications n ON n.id = d.notification_id \
     JOIN users u ON u.id = n.recipient LEFT JOIN accounts a ON a.id = n.account_id";

pub(super) fn from_row(r: &super::db::Row<'_>) -> Result<Delivery> {
    Ok(Delivery {
        id: r.get(0)?,
        channel: Channel::parse(&r.get::<_, String>(1)?)?,
        address: r.get(2)?,
        message_id: r.get(3)?,
        state: State::parse(&r.get::<_, String>(4)?)?,
        attempts: r.get(5)?,
        next_attempt_ms: r.get(6)?,
        last_error: r.get(7)?,
        delivered_ms: r.get(8)?,
        deadline: opt_instant(r.get(9)?, "delivery deadline")?,
        notification_id: r.get(10)?,
        kind: r.get(11)?,
        at: instant(r.get(12)?, "notification instant")?,
        account_id: r.get(13)?,
        recipient_id: r.get(14)?,
        recipient_email: r.get(15)?,
        recipient_name: r.get(16)?,
        recipient_lang: r.get(17)?,
        account: super::rows::account_label(r, 18)?,
        recipient_zone: r.get(21)?,
        webhook_format: WebhookFormat::parse(&r.get::<_, String>(22)?)
            .ok_or_else(|| super::rows::corrupt("webhook format"))?,
        digest_day: r.get(23)?,
    })
}

pub fn by_id(conn: &Connection, id: i64) -> Result<Option<Delivery>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE d.id = ?1"))?;
    stmt.query_row([id], |r| Ok(from_row(r)))
        .optional()?
        .transpose()
}

/// The outbox, newest first, streamed: every row, or the failed ones; all
/// recipients', or one's (the reads behind `notifications outbox`).
pub fn for_each(
    conn: &Connection,
    failed_only: bool,
    recipient: Option<UserId>,
    mut each: impl FnMut(Delivery) -> Result<()>,
) -> Result<()> {
    let status = if failed_only {
        "d.status = 'failed'"
    } else {
        "1 = 1"
    };
    let sql = match recipient {
        Some(_) => format!("{SELECT} WHERE {status} AND n.recipient = ?1 ORDER BY d.id DESC"),
        None => format!("{SELECT} WHERE {status} ORDER BY d.id DESC"),
    };
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = match recipient {
        Some(user) => stmt.query([user])?,
        None => stmt.query([])?,
    };
    while let Some(r) = rows.next()? {
        let r = &r;
        each(from_row(r)?)?;
    }
    Ok(())
}

/// Failed deliveries, newest first, at most `limit`: the Notifications
/// tab's warning (all of them for a super admin, else one's own).
pub fn failed(conn: &Connection, recipient: Option<UserId>, limit: usize) -> Result<Vec<Delivery>> {
    let mut found = Vec::new();
    for_each(conn, true, recipient, |d| {
        if found.len() < limit {
            found.push(d);
        }
        Ok(())
    })?;
    Ok(found)
}

pub fn failed_count(conn: &Connection, recipient: Option<UserId>) -> Result<i64> {
    Ok(match recipient {
        Some(user) => conn.query_row(
            "SELECT count(*) FROM deliveries d JOIN notifications n ON n.id = d.notification_id \
             WHERE d.status = 'failed' AND n.recipient = ?1",
            [user],
            |r| r.get(0),
        )?,
        None => conn.query_row(
            "SELECT count(*) FROM deliveries WHERE status = 'failed'",
            [],
            |r| r.get(0),
        )?,
    })
}

/// Takes the lease of the next delivery due at `now_ms` for `holder`, until
/// `until_ms`: one due and not leased, or leased by a holder that is gone
/// (`gone` says, from the holder's name). In a write transaction, so two
/// watches never hold one row. Rows never leased go first: one a dead watch
/// held may have reached its receiver already, and sending the others
/// first keeps a run of crashes from repeating the same message each time.
pub fn claim_next(
    conn: &Connection,
    holder: &str,
    now_ms: i64,
    until_ms: i64,
    gone: impl Fn(&str) -> bool,
) -> Result<Option<Delivery>> {
    // A row never leased, by the index and the first that matches (a
    // catch-up of thousands is no sort per claim: issue 22); only when
    // none is left, the leased ones whose holder is gone or out of time.
    let mut first = conn.prepare_cached(
        "SELECT id FROM deliveries WHERE status = 'pending' AND next_attempt_ms <= ?1 \
         AND claimed_by IS NULL ORDER BY status, next_attempt_ms, id LIMIT 1",
    )?;
    let free: Option<i64> = first.query_row([now_ms], |r| r.get(0)).optional()?;
    if let Some(id) = free {
        conn.execute(
            "UPDATE deliveries SET claimed_by = ?2, claimed_until_ms = ?3 WHERE id = ?1",
            params![id, holder, until_ms],
        )?;
        return by_id(conn, id);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT id, claimed_by, claimed_until_ms FROM deliveries \
         WHERE status = 'pending' AND next_attempt_ms <= ?1 AND claimed_by IS NOT NULL \
         ORDER BY next_attempt_ms, id",
    )?;
    let mut rows = stmt.query([now_ms])?;
    let mut chosen = None;
    while let Some(r) = rows.next()? {
        let r = &r;
        let id: i64 = r.get(0)?;
        let by: Option<String> = r.get(1)?;
        let until: Option<i64> = r.get(2)?;
        let free = match (by, until) {
            (Some(by), Some(until)) => until <= now_ms || by == holder || gone(&by),
            _ => true,
        };
        if free {
            chosen = Some(id);
            break;
        }
    }
    drop(rows);
    let Some(id) = chosen else { return Ok(None) };
    conn.execute(
        "UPDATE deliveries SET claimed_by = ?2, claimed_until_ms = ?3 WHERE id = ?1",
        params![id, holder, until_ms],
    )?;
    by_id(conn, id)
}

/// The earliest real instant (ms) a pending delivery is due, for a watch's
/// sleep.
pub fn next_due_ms(conn: &Connection) -> Result<Option<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT next_attempt_ms FROM deliveries WHERE status = 'pending' \
         ORDER BY next_attempt_ms LIMIT 1",
    )?;
    stmt.query_row([], |r| r.get(0)).optional()
}

/// The receiver took it: recorded whoever holds the lease now (issue 17,
/// item 2), since a message the server accepted was delivered; a row
/// already delivered stays as it was (false).
pub fn mark_delivered(conn: &Connection, id: i64, now_ms: i64) -> Result<bool> {
    let changed = conn.execute(
        "UPDATE deliveries SET status = 'delivered', attempts = attempts + 1, delivered_ms = ?2, \
         claimed_by = NULL, claimed_until_ms = NULL, last_error = NULL \
         WHERE id = ?1 AND status IN ('pending', 'failed')",
        params![id, now_ms],
    )?;
    Ok(changed == 1)
}

/// The message no longer holds: never sent, kept with the reason.
pub fn mark_expired(conn: &Connection, id: i64, reason: &str) -> Result<()> {
    conn.execute(
        "UPDATE deliveries SET status = 'expired', last_error = ?2, \
         claimed_by = NULL, claimed_until_ms = NULL \
         WHERE id = ?1 AND status = 'pending'",
        params![id, reason],
    )?;
    Ok(())
}

/// The recipient of `delivery` as the portal has them now: active or not,
/// and where each channel points (None: off).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RecipientNow {
    pub active: bool,
    pub email: Option<String>,
    pub webhook: Option<String>,
}

impl RecipientNow {
    pub fn address(&self, channel: Channel) -> Option<&str> {
        match channel {
            Channel::Email => self.email.as_deref(),
            Channel::Webhook => self.webhook.as_deref(),
        }
    }
}

pub fn recipient_now(conn: &Connection, user: UserId) -> Result<RecipientNow> {
    let mut stmt = conn.prepare_cached(
        "SELECT active, CASE WHEN email_notifications = 1 THEN email END, webhook_url \
         FROM users WHERE id = ?1",
    )?;
    Ok(stmt
        .query_row([user], |r| {
            Ok(RecipientNow {
                active: r.get(0)?,
                email: r.get(1)?,
                webhook: r.get(2)?,
            })
        })
        .optional()?
        .unwrap_or_default())
}

/// An attempt failed: try again at `retry_at_ms`, or, with None, give up
/// (failed, with its last error, until someone retries it).
pub fn mark_attempt_failed(
    conn: &Connection,
    id: i64,
    holder: &str,
    error: &str,
    retry_at_ms: Option<i64>,
) -> Result<bool> {
    let changed = conn.execute(
        "UPDATE deliveries SET attempts = attempts + 1, last_error = ?3, \
         status = CASE WHEN CAST(?4 AS BIGINT) IS NULL THEN 'failed' ELSE 'pending' END, \
         next_attempt_ms = coalesce(?4, next_attempt_ms), \
         claimed_by = NULL, claimed_until_ms = NULL \
         WHERE id = ?1 AND claimed_by = ?2 AND status = 'pending'",
        params![id, holder, error, retry_at_ms],
    )?;
    Ok(changed == 1)
}

/// `notifications retry ID`: a failed delivery goes back in the queue, due
/// at once, with its attempts counted afresh.
pub fn requeue(conn: &Connection, id: i64) -> Result<()> {
    let state: Option<String> = conn
        .query_row("SELECT status FROM deliveries WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?;
    match state.as_deref() {
        None => Err(Error::not_found(
            "no_delivery",
            crate::tr!("error-no-delivery", id = id),
        )),
        Some("failed") => {
            conn.execute(
                "UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_ms = 0, \
                 claimed_by = NULL, claimed_until_ms = NULL WHERE id = ?1",
                [id],
            )?;
            Ok(())
        }
        Some(state) => Err(Error::conflict(
            "not_failed",
            crate::tr!("error-delivery-not-failed", id = id, state = state),
        )),
    }
}

/// The recipient of a delivery, for the permission to see or retry it.
pub fn recipient_of(conn: &Connection, id: i64) -> Result<Option<UserId>> {
    conn.query_row(
        "SELECT n.recipient FROM deliveries d JOIN notifications n ON n.id = d.notification_id \
             WHERE d.id = ?1",
        [id],
        |r| r.get(0),
    )
    .optional()
}
