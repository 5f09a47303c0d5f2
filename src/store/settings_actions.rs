//! Settings people choose (issues 12 and 21): where and how a user's
//! reminders reach them and which zone they read, and the portal's own
//! zone and reminder plan. Each is one audited change in the command's
//! transaction.

use super::audit::{self, Outcome};
use super::outbox::{self, WebhookFormat};
use super::{Session, accounts, users};
use crate::error::{Error, Result};
use crate::lifecycle::permission::Attempt;
use crate::lifecycle::{ReminderPlan, User};

/// How a user wants their messages: each as it comes, or a daily digest
/// (at this minute of their day; None: 08:00, or the hour they had).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeliveryChange {
    Immediate,
    Digest(Option<u16>),
}

/// The digest's hour when none was ever chosen (the column's default).
const DEFAULT_DIGEST_MINUTE: u16 = 8 * 60;

/// What `user set` changes of a user's channels; None leaves it as it is.
#[derive(Clone, Debug, Default)]
pub struct ChannelChange {
    pub email: Option<bool>,
    /// Some(None) removes the webhook.
    pub webhook: Option<Option<String>>,
    /// Some(None): the watch's language again.
    pub lang: Option<Option<String>>,
    /// Some(None): the portal's zone again.
    pub timezone: Option<Option<String>>,
    pub delivery: Option<DeliveryChange>,
    pub webhook_format: Option<WebhookFormat>,
    /// The config's `[delivery] allow_private_webhooks` (issue 17, item 8).
    pub allow_private_webhooks: bool,
}

impl ChannelChange {
    fn is_empty(&self) -> bool {
        self.email.is_none()
            && self.webhook.is_none()
            && self.lang.is_none()
            && self.timezone.is_none()
            && self.delivery.is_none()
            && self.webhook_format.is_none()
    }
}

/// A zone name as people type it, checked and spelled as the tz database
/// does (`europe/rome` is stored `Europe/Rome`).
pub fn check_zone(name: &str) -> Result<String> {
    crate::zone::parse(name)
        .map(|zone| zone.name().to_string())
        .map_err(|e| {
            let typed = crate::present::escape_control(name.trim());
            Error::invalid(
                "bad_timezone",
                match e {
                    crate::zone::ZoneError::DidYouMean(like) => {
                        crate::tr!("error-bad-timezone-like", value = typed, like = like)
                    }
                    crate::zone::ZoneError::Unknown => {
                        crate::tr!("error-bad-timezone", value = typed)
                    }
                },
            )
        })
}

/// Where a user's reminders and purge warnings are delivered (issue 12),
/// how (issue 21) and which zone they read: their own settings, or
/// anyone's as a super admin. A webhook address is checked here, so a
/// watch never meets one it cannot use.
pub fn set_channels(
    session: &mut Session<'_>,
    email: &str,
    change: &ChannelChange,
) -> Result<(User, outbox::Channels)> {
    let actor = session.require_actor()?;
    let conn = session.conn();
    let target = users::require_by_email(conn, email)?;
    session.attempting("user_channels", None);
    session.authorize(&actor, Attempt::ManageInbox(target.id))?;
    let mut channels = outbox::channels_of(conn, target.id)?;
    // `user set EMAIL` without a flag shows them: nothing written or
    // audited.
    if change.is_empty() {
        return Ok((target, channels));
    }
    if let Some(on) = change.email {
        channels.email = on;
    }
    if let Some(webhook) = &change.webhook {
        if let Some(url) = webhook {
            crate::address::check_url(url, change.allow_private_webhooks).map_err(|e| {
                Error::invalid("bad_webhook", crate::tr!("error-bad-webhook", why = e))
            })?;
        }
        channels.webhook = webhook.clone();
    }
    if let Some(lang) = &change.lang {
        channels.lang = lang.clone();
    }
    if let Some(zone) = &change.timezone {
        channels.timezone = zone.as_deref().map(check_zone).transpose()?;
    }
    match change.delivery {
        Some(DeliveryChange::Immediate) => channels.digest_at = None,
        Some(DeliveryChange::Digest(at)) => {
            channels.digest_at = at.or(channels.digest_at).or(Some(DEFAULT_DIGEST_MINUTE));
        }
        None => {}
    }
    if let Some(format) = change.webhook_format {
        channels.webhook_format = format;
    }
    outbox::set_channels(conn, target.id, &channels)?;
    let on_off = |on: bool| if on { "on" } else { "off" };
    audit::record(
        conn,
        session.instant(),
        &actor.email,
        "user_channels",
        None,
        Outcome::Ok,
        &crate::tr!(
            "audit-user-channels",
            email = target.email.clone(),
            mail = on_off(channels.email),
            webhook = on_off(channels.webhook.is_some()),
            format = channels.webhook_format.name(),
            delivery = match channels.digest_at {
                Some(minute) => format!("digest {}", clock_text(minute)),
                None => "immediate".to_string(),
            },
            zone = channels.timezone.clone().unwrap_or_else(|| "portal".into())
        ),
        None,
    )?;
    Ok((target, channels))
}

/// `08:30` for the minute 510 of a day.
pub fn clock_text(minute: u16) -> String {
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

/// `08:30` as a minute of the day.
pub fn parse_clock(text: &str) -> Result<u16> {
    let bad = || {
        Error::invalid(
            "bad_digest_at",
            crate::tr!(
                "error-bad-digest-at",
                value = crate::present::escape_control(text)
            ),
        )
    };
    let (h, m) = text.trim().split_once(':').ok_or_else(bad)?;
    let (h, m): (u16, u16) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    if h > 23 || m > 59 || text.trim().len() > 5 {
        return Err(bad());
    }
    Ok(h * 60 + m)
}

/// What `portal set` changes; None leaves it as it is.
#[derive(Clone, Debug, Default)]
pub struct PortalChange {
    /// Some(None): UTC again.
    pub timezone: Option<Option<String>>,
    pub reminders: Option<ReminderPlan>,
}

/// The portal's zone and reminder plan (issue 21), by a super admin,
/// audited. A new plan moves every connected account's next event in the
/// same transaction, so the sweep finds the new reminders where they are.
pub fn set_portal(session: &mut Session<'_>, change: &PortalChange) -> Result<()> {
    let actor = session.require_actor()?;
    let conn = session.conn();
    session.attempting("portal_settings", None);
    session.authorize(&actor, Attempt::Administer)?;
    if let Some(zone) = &change.timezone {
        let zone = zone.as_deref().map(check_zone).transpose()?;
        conn.execute("UPDATE portal SET timezone = ?1 WHERE id = 1", [&zone])?;
        session.info.timezone = zone;
    }
    if let Some(plan) = change.reminders {
        let stored = (!plan.is_article()).then(|| plan.to_stored());
        conn.execute("UPDATE portal SET reminders = ?1 WHERE id = 1", [&stored])?;
        session.info.reminders = plan;
        accounts::refresh_connected_next_events(conn)?;
    }
    audit::record(
        conn,
        session.instant(),
        &actor.email,
        "portal_settings",
        None,
        Outcome::Ok,
        &crate::tr!(
            "audit-portal-settings",
            zone = session
                .info
                .timezone
                .clone()
                .unwrap_or_else(|| "UTC".into()),
            reminders = crate::present::leads(session.info.reminders.leads())
        ),
        None,
    )?;
    Ok(())
}
