//! What an effect brought back (`Msg::Loaded`, `Opened`, `Done`, ...), into
//! the state: the only place results change it.

use super::dialogs::Dialog;
use super::message::{Loaded, Msg};
use super::state::App;

/// What an effect brought back, into the state.
pub fn take(app: &mut App, msg: Msg) {
    match msg {
        Msg::Standing { session, busy } => {
            app.busy = busy;
            // The clock menu says whether the system clock may come back
            // as the portal is now.
            if let Some(Dialog::ClockMenu(menu)) = &mut app.overlay {
                menu.system_clock_from = session.system_clock_from;
            }
            app.zone = super::format::Zone(session.zone);
            app.session = Some(*session);
        }
        Msg::Loaded(Loaded::Accounts(window)) => app.accounts.take(window),
        Msg::Loaded(Loaded::Posts(list)) => app.posts.list = list,
        Msg::Loaded(Loaded::Inbox {
            list,
            failed,
            failed_count,
        }) => {
            app.inbox = list;
            app.failed_deliveries = failed;
            app.failed_delivery_count = failed_count;
        }
        Msg::Loaded(Loaded::Activity(list)) => app.activity = list,
        Msg::Opened(dialog) => app.overlay = Some(*dialog),
        Msg::Done(text) => app.toast(text),
        Msg::Failed(text) => app.toast_error(text),
        Msg::Reconnected { account, missed } => {
            app.missed_after_reconnect = missed.then_some(account);
            app.accounts.hover = Some(account);
        }
        Msg::MarksCleared => app.accounts.marked.clear(),
        Msg::Found(found) => {
            if let Some(Dialog::Compose(compose)) = &mut app.overlay {
                compose.candidates = found;
                compose.row = 0;
            }
        }
        Msg::HandleChecked(checked) => {
            if let Some(Dialog::Connect(connect)) = &mut app.overlay {
                connect.settle_handle(checked);
            }
        }
        Msg::Working(view) => app.work = Some(view),
        Msg::Progress { swept_to, applied } => {
            if let Some(view) = &mut app.work {
                view.swept_to = swept_to;
                view.applied = applied;
            }
        }
        Msg::WorkEnded => app.work = None,
        Msg::SignInCode(code) => {
            if let Some(Dialog::SignIn(dialog)) = &mut app.overlay {
                dialog.code = Some(code);
            }
        }
        Msg::SignInEnded => {
            if matches!(app.overlay, Some(Dialog::SignIn(_))) {
                app.overlay = None;
            }
        }
        Msg::Tick => {
            if let Some(toast) = &mut app.toast {
                toast.ttl = toast.ttl.saturating_sub(1);
                if toast.ttl == 0 {
                    app.toast = None;
                }
            }
        }
        Msg::Act(_)
        | Msg::Text(_)
        | Msg::MouseMoved { .. }
        | Msg::Clicked { .. }
        | Msg::Wheel { .. } => {}
    }
}
