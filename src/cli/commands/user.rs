//! `user add|deactivate|list|set`.

use std::io::Write;

use serde_json::Value;

use super::parsed;
use crate::cli::args::UserCommand;
use crate::cli::output::{Listing, Output, Shown};
use crate::cli::{human, json};
use crate::error::Result;
use crate::lifecycle::SocialAccess;
use crate::lifecycle::permission::User;
use crate::store::{NewUser, Session, actions, reads};

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
    channels: crate::store::outbox::Channels,
}

/// A user's channels in short: "email on · webhook off · language it".
fn channels_words(channels: &crate::store::outbox::Channels) -> String {
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
            .unwrap_or_else(|| crate::tr!("cli-channel-watch-lang"))
    )
}

impl Shown for ChannelsSet {
    fn json(&self) -> Value {
        serde_json::json!({
            "email": self.user.email,
            "email_notifications": self.channels.email,
            "webhook": self.channels.webhook,
            "lang": self.channels.lang,
        })
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
            webhook = self.channels.webhook.clone().unwrap_or(off),
            lang = self
                .channels
                .lang
                .clone()
                .unwrap_or_else(|| crate::tr!("cli-channel-watch-lang"))
        )
    }
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
        UserCommand::Set {
            email,
            email_notifications,
            webhook,
            no_webhook,
            lang,
            default_lang,
        } => {
            let email_on = match email_notifications.as_deref() {
                None => None,
                Some("on") => Some(true),
                Some("off") => Some(false),
                Some(other) => {
                    return Err(crate::error::Error::invalid(
                        "bad_switch",
                        crate::tr!("error-bad-switch", value = other),
                    ));
                }
            };
            let lang = match (lang.as_deref(), default_lang) {
                (Some(code), _) => Some(Some(
                    crate::i18n::Lang::parse(code)
                        .ok_or_else(|| {
                            crate::error::Error::invalid(
                                "bad_lang",
                                crate::tr!("error-bad-lang", value = code),
                            )
                        })?
                        .code()
                        .to_string(),
                )),
                (None, true) => Some(None),
                (None, false) => None,
            };
            let change = actions::ChannelChange {
                email: email_on,
                webhook: match (webhook, no_webhook) {
                    (Some(url), _) => Some(Some(url.trim().to_string())),
                    (None, true) => Some(None),
                    (None, false) => None,
                },
                lang,
                allow_private_webhooks: crate::tui::config::allows_private_webhooks(),
            };
            let (user, channels) = actions::set_channels(session, email, &change)?;
            out.show(&ChannelsSet { user, channels })
        }
        UserCommand::List => {
            let all = reads::users_with_channels(session)?;
            out.list(
                Listing {
                    empty: &crate::tr!("cli-no-users"),
                    json: &|(user, channels): &(User, crate::store::outbox::Channels)| {
                        let mut doc = json::user(user);
                        doc["email_notifications"] = channels.email.into();
                        doc["webhook"] = channels.webhook.clone().into();
                        doc["lang"] = channels.lang.clone().into();
                        doc
                    },
                    human: &mut |(user, channels): &(User, crate::store::outbox::Channels)| {
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
