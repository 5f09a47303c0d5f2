//! Runs `update`'s effects against the portal and returns what came back as
//! messages for `update` to apply: no effect changes the state. A reload
//! first brings the portal up to now (R12) when the write lock is free;
//! reads never wait for it. Previews and actions are the store's, exactly
//! as the CLI runs them. One file per subject.

mod accounts;
mod backend;
mod clock;
mod inbox;
mod posts;
mod reload;
mod signin;
mod user;

pub use backend::Backend;
pub use clock::work_reports;
pub use reload::{FAILED_SHOWN, load_accounts, reload, report};
pub use signin::signin_reports;

use crate::tui::effect::Effect;
use crate::tui::message::Msg;
use crate::tui::state::App;

/// Runs one effect; what came back, or why it failed (a refusal as a
/// dialog, else a toast, and the screen brought up to date), as messages.
pub fn perform(backend: &mut Backend, app: &App, effect: Effect) -> Vec<Msg> {
    let result = match effect {
        Effect::Reload => reload::reload(backend, app),
        Effect::LoadAccounts { .. }
        | Effect::OpenDetail(_)
        | Effect::PrepareDisconnect(_)
        | Effect::PrepareReconnect(_)
        | Effect::PrepareRemove(_)
        | Effect::PrepareConnect
        | Effect::LoadConnectNetwork(_)
        | Effect::Disconnect(_)
        | Effect::Reconnect(_)
        | Effect::Remove(..)
        | Effect::ConnectAll(..)
        | Effect::CheckHandle { .. }
        | Effect::PrepareBulk(..)
        | Effect::Bulk(..) => accounts::perform(backend, app, effect),
        Effect::OpenCompose(_)
        | Effect::FindPostable(_)
        | Effect::SavePost { .. }
        | Effect::OpenReschedule(_)
        | Effect::RescheduleMissed(_)
        | Effect::ReschedulePost { .. }
        | Effect::OpenCancelPost(_)
        | Effect::CancelPost(_) => posts::perform(backend, app, effect),
        Effect::AdvanceClock { .. }
        | Effect::ClockToNextEvent
        | Effect::OpenClockPicker
        | Effect::UnsetClock
        | Effect::StopWork => clock::perform(backend, app, effect),
        Effect::MarkRead(_) | Effect::MarkAllRead | Effect::RetryDeliveries => {
            inbox::perform(backend, app, effect)
        }
        Effect::OpenUserPicker
        | Effect::SwitchUser(_)
        | Effect::SetLanguage(_)
        | Effect::OpenDeliveries
        | Effect::SetChannels { .. }
        | Effect::OpenTimeZone
        | Effect::SetTimeZone(_) => user::perform(backend, app, effect),
        Effect::CancelSignIn => signin::cancel(backend),
        // The tour player runs these (`tui::run`), never this module.
        Effect::TourNext | Effect::TourBack => Ok(Vec::new()),
    };
    let messages = result.unwrap_or_else(|error| reload::report(backend, app, &error));
    // Our own writes are not "elsewhere".
    backend.changed_elsewhere();
    messages
}
