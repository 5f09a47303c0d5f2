//! Everything a user can ask for, as data. Keys and mouse events become a
//! `Msg` before anything changes; `Action` names the ones a keymap can bind.

use serde::Deserialize;

/// What a key can be bound to (the keymap file names these in snake_case).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    Left,
    Right,
    NextFocus,
    PrevFocus,
    /// Open the hovered account's detail; in a dialog or picker, press.
    Confirm,
    Cancel,
    Toggle,
    Reconnect,
    Disconnect,
    Remove,
    Connect,
    Clock,
    SwitchUser,
    Notifications,
    Help,
    Filter,
    FilterActivity,
    MarkAllRead,
    /// Notifications: queue the failed deliveries again (issue 12).
    RetryDeliveries,
    /// Publishing: compose a post; reschedule the selected (or the hovered
    /// account's first missed) post; cancel the selected post.
    Compose,
    Reschedule,
    CancelPost,
    /// Accounts: by network, or by urgency; which states are shown.
    Sort,
    StateFilter,
    TabAccounts,
    TabPublishing,
    TabNotifications,
    TabActivity,
    /// Tours: perform the next step, or go back to before the previous one.
    TourNext,
    TourBack,
    /// Tours: hide or show the narration panel.
    TourPanel,
    Quit,
}

impl Action {
    /// The name a config file binds it by (snake_case, as serde reads it).
    pub fn name(self) -> String {
        let debug = format!("{self:?}");
        let mut name = String::with_capacity(debug.len() + 4);
        for (i, c) in debug.chars().enumerate() {
            if c.is_ascii_uppercase() {
                if i > 0 {
                    name.push('_');
                }
                name.push(c.to_ascii_lowercase());
            } else {
                name.push(c);
            }
        }
        name
    }
}
