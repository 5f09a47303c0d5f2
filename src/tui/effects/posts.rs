//! The posts' effects: compose, reschedule (a missed post too, R6b) and
//! cancel.

use super::backend::Backend;
use super::reload::{done_then_reload, opened};
use crate::error::Result;
use crate::lifecycle::{AccountId, PostId};
use crate::store::{accounts, actions, posts, previews};
use crate::tui::dialogs::{self, Dialog};
use crate::tui::effect::Effect;
use crate::tui::message::Msg;
use crate::tui::state::App;

/// How many accounts the compose dialog's search offers.
const COMPOSE_CHOICES: usize = 50;

pub fn perform(backend: &mut Backend, app: &App, effect: Effect) -> Result<Vec<Msg>> {
    match effect {
        Effect::OpenCompose(account) => open_compose(backend, app, account),
        Effect::FindPostable(text) => {
            let found =
                backend.read(|s| previews::postable_accounts(s, Some(&text), COMPOSE_CHOICES))?;
            Ok(vec![Msg::Found(found)])
        }
        Effect::SavePost { account, at, text } => {
            let post = backend.run(|s| match at {
                Some(at) => actions::schedule_post(s, account, at, &text),
                None => actions::draft_post(s, account, &text),
            })?;
            let toast = if post.scheduled_at.is_some() {
                crate::tr!("toast-post-scheduled", id = post.id)
            } else {
                crate::tr!("toast-post-drafted", id = post.id)
            };
            done_then_reload(backend, app, toast)
        }
        Effect::OpenReschedule(id) => open_reschedule(backend, app, id),
        Effect::RescheduleMissed(account) => {
            match backend.read(|s| posts::first_missed(s.conn(), account))? {
                Some(id) => open_reschedule(backend, app, id),
                None => Ok(vec![Msg::Done(crate::tr!("toast-no-missed"))]),
            }
        }
        Effect::ReschedulePost { id, at } => {
            let post = backend.run(|s| actions::reschedule_post(s, id, at))?;
            let when = post
                .scheduled_at
                .map(crate::present::when)
                .unwrap_or_default();
            let toast = crate::tr!("toast-post-rescheduled", id = post.id, when = when);
            done_then_reload(backend, app, toast)
        }
        Effect::OpenCancelPost(id) => {
            let line = backend.run(|s| previews::post_change(s, id, "cancel_post"))?;
            Ok(vec![opened(Dialog::CancelPost(dialogs::CancelPost::new(
                line,
            )))])
        }
        Effect::CancelPost(id) => {
            let post = backend.run(|s| actions::cancel_post(s, id))?;
            done_then_reload(
                backend,
                app,
                crate::tr!("toast-post-canceled", id = post.id),
            )
        }
        _ => Ok(Vec::new()),
    }
}

/// The compose dialog, on `account` when the user may post there (else the
/// picker starts on the accounts they may post to).
fn open_compose(backend: &mut Backend, app: &App, account: Option<AccountId>) -> Result<Vec<Msg>> {
    let (now, mut candidates, hovered) = backend.read(|s| {
        let found = previews::postable_accounts(s, None, COMPOSE_CHOICES)?;
        let hovered = match account {
            Some(id) => previews::postable(s, id)?,
            None => None,
        };
        Ok((s.instant(), found, hovered))
    })?;
    if candidates.is_empty() && hovered.is_none() {
        return Ok(vec![opened(Dialog::refused(
            crate::tr!("compose-nothing-title"),
            crate::tr!("compose-nothing-explain"),
        ))]);
    }
    // The hovered account first, when it is one the user may post to.
    if let Some(record) = hovered {
        candidates.retain(|c| c.account.id != record.account.id);
        candidates.insert(0, record);
    }
    let dialog = dialogs::Compose::new(candidates, now, app.zone);
    Ok(vec![opened(Dialog::Compose(dialog))])
}

/// The Reschedule dialog for a post, after the store allows it (R10f).
fn open_reschedule(backend: &mut Backend, app: &App, id: PostId) -> Result<Vec<Msg>> {
    let (line, account, now) = backend.run(|s| {
        let line = previews::post_change(s, id, "reschedule_post")?;
        let account = accounts::require(s.conn(), line.post.account_id)?;
        Ok((line, account, s.instant()))
    })?;
    let dialog = dialogs::Reschedule::new(line, account, now, app.zone);
    Ok(vec![opened(Dialog::Reschedule(dialog))])
}
