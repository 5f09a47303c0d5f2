//! `user add|deactivate|list|set`.

use std::io::Write;

use serde_json::Value;

use super::parsed;
use crate::cli::args::UserCommand;
use crate::cli::output::{Listing, Output, Shown};
use crate::cli::{human, json};
use crate::error::{Error, Result};
use crate::lifecycle::SocialAccess;
use crate::lifecycle::permission::User;
use crate::store::actions::DeliveryChange;
use crate::store::outbox::{Channels, WebhookFormat};
use crate::store::{NewUser, Session, actions, reads, settings_actions};

/// A user added or deactivated: `verb` says which.
struct Changed {
    user: User,
    verb: &'static str,
}

impl Shown for Changed {
    fn json(&self) -> Value {
        json::user(&self.user)
    }

    fn human(&self) -> String {
        match self.verb {
            "added" => crate::tr!(
                "cli-user-added",
                email = self.user.email.clone(),
                role = self.user.role()
            ),
            _ => crate::tr!("cli-user-deactivated", email = self.user.email.clone()),
        }
    }
}

/// A user's channels, as `user set` left them.
struct ChannelsSet {
    user: User,
    channels: Channels,
}

/// How a user's messages go, in words: "immediate" or "daily digest at 08:00".
fn delivery_words(channels: &Channels) -> String {
    match channels.digest_at {
        Some(minute) => crate::tr!(
            "cli-delivery-digest",
            at = settings_actions::clock_text(minute)
        ),
        None => crate::tr!("cli-delivery-immediate"),
    }
}

/// The zone a user reads, in words: theirs, or the portal's.
fn zone_words(channels: &Channels) -> String {
    channels
        .timezone
        .clone()
        .unwrap_or_else(|| crate::tr!("cli-channel-portal-zone"))
}

/// A user's channels in short: "email on · webhook off · language it · ...".
fn channels_words(channels: &Channels) -> String {
    let on_off = |on: bool| {
        crate::tr!(if on {
            "cli-channel-on"
        } else {
            "cli-channel-off"
        })
    };
    crate::tr!(
        "cli-user-channels-short",
        mail = on_off(channels.email),
        webhook = on_off(channels.webhook.is_some()),
        lang = channels
            .lang
            .clone()
            .unwrap_or_else(|| crate::tr!("cli-channel-watch-lang")),
        zone = zone_words(channels),
        delivery = delivery_words(channels)
    )
}

/// The channel fields of `user set` and `user list` in JSON.
fn channels_json(doc: &mut Value, channels: &Channels) {
    doc["email_notifications"] = channels.email.into();
    doc["webhook"] = channels.webhook.clone().into();
    doc["webhook_format"] = channels.webhook_format.name().into();
    doc["lang"] = channels.lang.clone().into();
    doc["timezone"] = channels.timezone.clone().into();
    doc["delivery"] = if channels.digest_at.is_some() {
        "digest"
    } else {
        "immediate"
    }
    .into();
    doc["digest_at"] = channels.digest_at.map(settings_actions::clock_text).into();
}

impl Shown for ChannelsSet {
    fn json(&self) -> Value {
        let mut doc = serde_json::json!({ "email": self.user.email });
        channels_json(&mut doc, &self.channels);
        doc
    }

    fn human(&self) -> String {
        let off = crate::tr!("cli-channel-off");
        crate::tr!(
            "cli-user-channels",
            email = self.user.email.clone(),
            mail = if self.channels.email {
                self.user.email.clone()
            } else {
                off.clone()
            },
            webhook = match &self.channels.webhook {
                Some(url) => format!("{url} ({})", self.channels.webhook_format.name()),
                None => off,
            },
            lang = self
                .channels
                .lang
                .clone()
                .unwrap_or_else(|| crate::tr!("cli-channel-watch-lang")),
            zone = zone_words(&self.channels),
            delivery = delivery_words(&self.channels)
        )
    }
}

/// What `user set`'s flags change.
fn change_of(command: &UserCommand) -> Result<actions::ChannelChange> {
    let UserCommand::Set {
        email_notifications,
        webhook,
        no_webhook,
        lang,
        default_lang,
        timezone,
        delivery,
        digest_at,
        webhook_format,
        ..
    } = command
    else {
        unreachable!("only user set changes channels")
    };
    let email = match email_notifications.as_deref() {
        None => None,
        Some("on") => Some(true),
        Some("off") => Some(false),
        Some(other) => {
            return Err(Error::invalid(
                "bad_switch",
                crate::tr!("error-bad-switch", value = other),
            ));
        }
    };
    let lang = match (lang.as_deref(), default_lang) {
        (Some(code), _) => Some(Some(
            crate::i18n::Lang::parse(code)
                .ok_or_else(|| {
                    Error::invalid("bad_lang", crate::tr!("error-bad-lang", value = code))
                })?
                .code()
                .to_string(),
        )),
        (None, true) => Some(None),
        (None, false) => None,
    };
    let digest_at = digest_at
        .as_deref()
        .map(settings_actions::parse_clock)
        .transpose()?;
    let delivery = match (delivery.as_deref(), digest_at) {
        (Some("immediate"), Some(_)) => {
            return Err(Error::usage(crate::tr!("error-digest-at-immediate")));
        }
        (Some("immediate"), None) => Some(DeliveryChange::Immediate),
        (Some(_), at) | (None, at @ Some(_)) => Some(DeliveryChange::Digest(at)),
        (None, None) => None,
    };
    Ok(actions::ChannelChange {
        email,
        webhook: match (webhook, no_webhook) {
            (Some(url), _) => Some(Some(url.trim().to_string())),
            (None, true) => Some(None),
            (None, false) => None,
        },
        lang,
        timezone: timezone
            .as_deref()
            .map(|zone| (!zone.trim().eq_ignore_ascii_case("portal")).then(|| zone.to_string())),
        delivery,
        webhook_format: webhook_format.as_deref().and_then(WebhookFormat::parse),
        allow_private_webhooks: crate::tui::config::allows_private_webhooks(),
    })
}

pub fn run<W: Write>(
    session: &mut Session<'_>,
    out: &mut Output<W>,
    command: &UserCommand,
) -> Result<()> {
    match command {
        UserCommand::Add {
            email,
            name,
            super_admin,
            access,
            publish,
        } => {
            let access = parsed(SocialAccess::parse(access), "bad_access")?;
            let user = actions::add_user(
                session,
                NewUser {
                    email: email.clone(),
                    name: name.clone(),
                    super_admin: *super_admin,
                    access: if *super_admin {
                        SocialAccess::All
                    } else {
                        access
                    },
                    can_publish: *publish || *super_admin,
                },
            )?;
            out.show(&Changed {
                user,
                verb: "added",
            })
        }
        UserCommand::Deactivate { email } => {
            let user = actions::deactivate_user(session, email)?;
            out.show(&Changed {
                user,
                verb: "deactivated",
            })
        }
        UserCommand::Set { email, .. } => {
            let change = change_of(command)?;
            let (user, channels) = actions::set_channels(session, email, &change)?;
            out.show(&ChannelsSet { user, channels })
        }
        UserCommand::List => {
            let all = reads::users_with_channels(session)?;
            out.list(
                Listing {
                    empty: &crate::tr!("cli-no-users"),
                    json: &|(user, channels): &(User, Channels)| {
                        let mut doc = json::user(user);
                        channels_json(&mut doc, channels);
                        doc
                    },
                    human: &mut |(user, channels): &(User, Channels)| {
                        format!("{} {}", human::user_line(user), channels_words(channels))
                    },
                    csv: None,
                },
                |each| all.into_iter().try_for_each(each),
            )?;
            Ok(())
        }
    }
}
