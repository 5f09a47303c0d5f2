//! The user menu's effects: act as another user, the language, and where
//! the acting user's reminders go.

use super::backend::Backend;
use super::reload::{done_then_reload, opened};
use crate::error::Result;
use crate::store::{actions, outbox, users};
use crate::tui::dialogs::{self, Dialog};
use crate::tui::effect::Effect;
use crate::tui::message::Msg;
use crate::tui::state::App;

pub fn perform(backend: &mut Backend, app: &App, effect: Effect) -> Result<Vec<Msg>> {
    match effect {
        Effect::OpenUserPicker => {
            let (users, channels) = backend.read(|s| {
                let me = s.require_actor()?;
                Ok((
                    users::list(s.conn())?,
                    outbox::channels_of(s.conn(), me.id)?,
                ))
            })?;
            let menu = dialogs::UserMenu::new(users, &backend.actor, channels);
            Ok(vec![opened(Dialog::UserMenu(menu))])
        }
        Effect::SwitchUser(email) => {
            backend.actor = email.clone();
            done_then_reload(backend, app, crate::tr!("toast-acting-as", email = email))
        }
        Effect::SetLanguage(lang) => {
            crate::i18n::set(lang);
            done_then_reload(backend, app, crate::tr!("toast-language"))
        }
        Effect::OpenDeliveries => {
            let (email, channels) = backend.read(|s| {
                let me = s.require_actor()?;
                Ok((me.email.clone(), outbox::channels_of(s.conn(), me.id)?))
            })?;
            let dialog = dialogs::Deliveries::new(
                email,
                &channels,
                crate::tui::config::allows_private_webhooks(),
            );
            Ok(vec![opened(Dialog::Deliveries(dialog))])
        }
        Effect::SetChannels { email: on, webhook } => {
            let email = backend.actor.clone();
            let change = actions::ChannelChange {
                email: Some(on),
                webhook: Some(webhook),
                allow_private_webhooks: crate::tui::config::allows_private_webhooks(),
                ..Default::default()
            };
            let (_, channels) = backend.run(|s| actions::set_channels(s, &email, &change))?;
            let word = |on: bool| crate::tr!(if on { "word-on" } else { "word-off" });
            Ok(vec![Msg::Done(crate::tr!(
                "toast-deliveries-saved",
                email = email.clone(),
                mail = word(channels.email),
                webhook = word(channels.webhook.is_some())
            ))])
        }
        Effect::OpenTimeZone => {
            let (own, portal_zone, now) = backend.read(|s| {
                let me = s.require_actor()?;
                Ok((
                    outbox::channels_of(s.conn(), me.id)?.timezone,
                    s.info.timezone.clone().unwrap_or_else(|| "UTC".into()),
                    s.instant(),
                ))
            })?;
            let dialog = dialogs::TimeZone::new(own, portal_zone, now);
            Ok(vec![opened(Dialog::TimeZone(dialog))])
        }
        Effect::SetTimeZone(zone) => {
            let email = backend.actor.clone();
            let change = actions::ChannelChange {
                timezone: Some(zone),
                ..Default::default()
            };
            backend.run(|s| actions::set_channels(s, &email, &change))?;
            // The header, rows and dialogs read the new zone from the reload.
            let zone = backend.read(|s| Ok(s.reader_zone()))?;
            done_then_reload(
                backend,
                app,
                crate::tr!("toast-zone-saved", zone = zone.name()),
            )
        }
        _ => Ok(Vec::new()),
    }
}
