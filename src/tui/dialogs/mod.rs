//! Modal dialogs, one file each (gitui's popups, without a shared queue):
//! every dialog owns its state and its focus, answers actions with effects,
//! names its buttons, and draws itself. `update` only routes to the open one.
//! The menus (user, clock) and the account detail are dialogs too.
//! Each says in plain words what will happen, with the real numbers; focus
//! starts on the safe choice.

pub mod bulk;
pub mod cancel_post;
pub mod clock_menu;
pub mod compose;
pub mod confirm;
pub mod connect;
pub mod deliveries;
pub mod detail;
pub mod disconnect;
pub mod kit;
pub mod reconnect;
pub mod refused;
pub mod remove;
pub mod reschedule;
pub mod sign_in;
pub mod time_zone;
pub mod user_menu;

pub use crate::tui::effect::ConnectChoice;
pub use bulk::BulkDialog;
pub use cancel_post::CancelPost;
pub use clock_menu::ClockMenu;
pub use compose::Compose;
pub use confirm::Confirm;
pub use connect::{Connect, ConnectEntry, ConnectFocus};
pub use deliveries::Deliveries;
pub use detail::Detail;
pub use disconnect::Disconnect;
pub use kit::{
    Button, Choice, Component, Content, Outcome, Scene, TwoChoices, centered, deadline_warning,
    draw_field, draw_menu, frame_dialog, menu_move, parse_when, when_example, when_text,
};
pub use reconnect::Reconnect;
pub use refused::Refused;
pub use remove::Remove;
pub use reschedule::Reschedule;
pub use sign_in::{DeviceCodeView, SignInDialog};
pub use time_zone::TimeZone;
pub use user_menu::UserMenu;

/// The open dialog.
#[derive(Clone, Debug)]
pub enum Dialog {
    Disconnect(Disconnect),
    Reconnect(Reconnect),
    Remove(Remove),
    Connect(Connect),
    Refused(Refused),
    Compose(Compose),
    Reschedule(Reschedule),
    CancelPost(CancelPost),
    Bulk(BulkDialog),
    Confirm(Confirm),
    Deliveries(Deliveries),
    UserMenu(UserMenu),
    ClockMenu(ClockMenu),
    Detail(Detail),
    SignIn(SignInDialog),
    TimeZone(TimeZone),
}

impl Dialog {
    pub fn component(&self) -> &dyn Component {
        match self {
            Dialog::Disconnect(d) => d,
            Dialog::Reconnect(d) => d,
            Dialog::Remove(d) => d,
            Dialog::Connect(d) => d,
            Dialog::Refused(d) => d,
            Dialog::Compose(d) => d,
            Dialog::Reschedule(d) => d,
            Dialog::CancelPost(d) => d,
            Dialog::Bulk(d) => d,
            Dialog::Confirm(d) => d,
            Dialog::Deliveries(d) => d,
            Dialog::UserMenu(d) => d,
            Dialog::ClockMenu(d) => d,
            Dialog::Detail(d) => d,
            Dialog::SignIn(d) => d,
            Dialog::TimeZone(d) => d,
        }
    }

    pub fn component_mut(&mut self) -> &mut dyn Component {
        match self {
            Dialog::Disconnect(d) => d,
            Dialog::Reconnect(d) => d,
            Dialog::Remove(d) => d,
            Dialog::Connect(d) => d,
            Dialog::Refused(d) => d,
            Dialog::Compose(d) => d,
            Dialog::Reschedule(d) => d,
            Dialog::CancelPost(d) => d,
            Dialog::Bulk(d) => d,
            Dialog::Confirm(d) => d,
            Dialog::Deliveries(d) => d,
            Dialog::UserMenu(d) => d,
            Dialog::ClockMenu(d) => d,
            Dialog::Detail(d) => d,
            Dialog::SignIn(d) => d,
            Dialog::TimeZone(d) => d,
        }
    }

    pub fn buttons(&self) -> Vec<Button> {
        self.component().buttons()
    }

    /// A refusal (R10e, R2): who may, and that nothing changed.
    pub fn refused(title: impl Into<String>, message: impl Into<String>) -> Dialog {
        Dialog::Refused(Refused {
            title: title.into(),
            message: message.into(),
        })
    }
}
