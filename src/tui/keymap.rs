//! One keymap, three uses: dispatch, the footer hints and the help overlay
//! all read this table, so they cannot disagree. A config file may remap.

use std::collections::HashMap;

use crossterm::event::KeyCode;

use super::action::Action;

/// Where a binding works.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Context {
    /// The main screen: sidebar, tabs and lists.
    Main,
    /// A dialog or a picker.
    Dialog,
    /// The Publishing tab's list: its own keys come before the main ones.
    Posts,
    /// The Accounts tab's list, likewise.
    Accounts,
    /// While a tour is presented: its keys come first.
    Tour,
}

pub use crate::keys::Key;

/// One row of the table.
#[derive(Clone, Debug)]
pub struct Binding {
    pub action: Action,
    pub keys: Vec<Key>,
    /// The footer's short word, and the help overlay's description.
    pub hint: &'static str,
    pub help: &'static str,
    pub contexts: &'static [Context],
    /// Shown in the footer (the rest only in help).
    pub in_footer: bool,
}

const MAIN: &[Context] = &[Context::Main];
const BOTH: &[Context] = &[Context::Main, Context::Dialog];
const POSTS: &[Context] = &[Context::Posts];
const ACCOUNTS: &[Context] = &[Context::Accounts];
const TOUR: &[Context] = &[Context::Tour];

fn keys(list: &[&str]) -> Vec<Key> {
    list.iter()
        .map(|k| Key::parse(k).expect("default keys parse"))
        .collect()
}

fn row(
    action: Action,
    list: &[&str],
    hint: &'static str,
    help: &'static str,
    contexts: &'static [Context],
    in_footer: bool,
) -> Binding {
    Binding {
        action,
        keys: keys(list),
        hint,
        help,
        contexts,
        in_footer,
    }
}

/// The default table, in the order the footer and help show it.
pub fn defaults() -> Vec<Binding> {
    use Action::*;
    vec![
        row(Up, &["up", "k"], "move", "Move up", BOTH, false),
        row(Down, &["down", "j"], "move", "Move down", BOTH, true),
        row(Top, &["g", "home"], "top", "First row", MAIN, false),
        row(Bottom, &["G", "end"], "bottom", "Last row", MAIN, false),
        row(PageUp, &["pageup"], "page up", "Page up", MAIN, false),
        row(
            PageDown,
            &["pagedown"],
            "page down",
            "Page down",
            MAIN,
            false,
        ),
        row(
            Left,
            &["left", "h"],
            "left",
            "Previous tab or button",
            BOTH,
            false,
        ),
        row(
            Right,
            &["right", "l"],
            "right",
            "Next tab or button",
            BOTH,
            false,
        ),
        row(
            NextFocus,
            &["tab"],
            "focus",
            "Next area, or the next field",
            BOTH,
            false,
        ),
        row(
            PrevFocus,
            &["shift-tab"],
            "focus",
            "Previous area (or field)",
            BOTH,
            false,
        ),
        row(
            Confirm,
            &["enter"],
            "details",
            "Details; in a dialog, press",
            BOTH,
            true,
        ),
        row(
            Cancel,
            &["esc"],
            "cancel",
            "Close the dialog, clear the filter",
            BOTH,
            true,
        ),
        row(
            Reconnect,
            &["r"],
            "reconnect",
            "Reconnect the hovered account",
            MAIN,
            true,
        ),
        row(
            Disconnect,
            &["d"],
            "disconnect",
            "Disconnect the hovered account",
            MAIN,
            true,
        ),
        row(
            Remove,
            &["x"],
            "remove",
            "Remove the hovered account",
            MAIN,
            true,
        ),
        row(Connect, &["c"], "connect", "Connect account", MAIN, true),
        row(Clock, &["t"], "time", "Move the demo clock", MAIN, true),
        row(
            SwitchUser,
            &["u"],
            "user",
            "Act as another user",
            MAIN,
            true,
        ),
        row(Notifications, &["n"], "inbox", "Notifications", MAIN, false),
        row(
            Filter,
            &["/"],
            "filter",
            "Filter accounts by name or handle",
            MAIN,
            true,
        ),
        row(
            FilterActivity,
            &["f"],
            "by account",
            "Activity of the hovered account only",
            MAIN,
            true,
        ),
        row(
            MarkAllRead,
            &["m"],
            "mark read",
            "Mark every notification read",
            MAIN,
            true,
        ),
        row(
            RetryDeliveries,
            &["R"],
            "resend",
            "Send the failed deliveries again",
            MAIN,
            true,
        ),
        row(
            Toggle,
            &["space"],
            "mark",
            "Mark a row; tick in dialogs",
            BOTH,
            true,
        ),
        row(
            Compose,
            &["a"],
            "compose",
            "Compose a post (draft or scheduled)",
            MAIN,
            true,
        ),
        row(
            Reschedule,
            &["e"],
            "reschedule",
            "Reschedule a post, or missed ones",
            BOTH,
            true,
        ),
        row(
            CancelPost,
            &["x"],
            "cancel post",
            "Cancel the selected post",
            POSTS,
            true,
        ),
        row(
            Sort,
            &["s"],
            "sort",
            "Accounts by urgency, or by network",
            MAIN,
            true,
        ),
        row(
            StateFilter,
            &["f"],
            "state",
            "Show one state, or all",
            ACCOUNTS,
            true,
        ),
        row(TabAccounts, &["1"], "accounts", "Accounts tab", MAIN, false),
        row(
            TabPublishing,
            &["2"],
            "publishing",
            "Publishing tab",
            MAIN,
            false,
        ),
        row(
            TabNotifications,
            &["3"],
            "notifications",
            "Notifications tab",
            MAIN,
            false,
        ),
        row(TabActivity, &["4"], "activity", "Activity tab", MAIN, false),
        row(
            TourNext,
            &["]"],
            "next step",
            "Tour: perform the next step",
            BOTH,
            true,
        ),
        row(
            TourBack,
            &["["],
            "step back",
            "Tour: undo the previous step",
            BOTH,
            true,
        ),
        row(
            TourPanel,
            &["H"],
            "tour panel",
            "Tour: hide or show the panel",
            TOUR,
            true,
        ),
        row(Help, &["?"], "help", "All keys", BOTH, true),
        row(Quit, &["q", "ctrl-c"], "quit", "Quit", MAIN, true),
    ]
}

impl Binding {
    /// The footer's word in the current language.
    pub fn hint_text(&self) -> String {
        crate::tr!(&format!("hint-{}", self.action.name().replace('_', "-")))
    }

    /// The help overlay's description in the current language.
    pub fn help_text(&self) -> String {
        crate::tr!(&format!("help-{}", self.action.name().replace('_', "-")))
    }
}

#[derive(Clone, Debug)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
    lookup: HashMap<(Context, Key), Action>,
}

impl Keymap {
    pub fn new(bindings: Vec<Binding>) -> Keymap {
        let mut lookup = HashMap::new();
        for b in &bindings {
            for context in b.contexts {
                for key in &b.keys {
                    lookup.entry((*context, *key)).or_insert(b.action);
                }
            }
        }
        Keymap { bindings, lookup }
    }

    /// Replaces the keys of the named actions (from the config file).
    pub fn remapped(mut bindings: Vec<Binding>, overrides: &HashMap<Action, Vec<Key>>) -> Keymap {
        for b in &mut bindings {
            if let Some(keys) = overrides.get(&b.action) {
                b.keys = keys.clone();
            }
        }
        Keymap::new(bindings)
    }

    pub fn action(&self, context: Context, key: Key) -> Option<Action> {
        // Ctrl-C always quits, whatever the map says (a way out).
        if key.ctrl && key.code == KeyCode::Char('c') {
            return Some(Action::Quit);
        }
        self.lookup.get(&(context, key)).copied()
    }

    pub fn binding(&self, action: Action) -> Option<&Binding> {
        self.bindings.iter().find(|b| b.action == action)
    }

    /// The first key of an action, as the footer writes it.
    pub fn key_label(&self, action: Action) -> String {
        self.binding(action)
            .and_then(|b| b.keys.first())
            .map(Key::label)
            .unwrap_or_default()
    }
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap::new(defaults())
    }
}

#[cfg(test)]
mod catalog_tests {
    use super::defaults;
    use crate::i18n::{Lang, catalog};

    #[test]
    fn every_binding_has_its_words_in_every_language() {
        for lang in Lang::ALL {
            let ids: Vec<String> = catalog(lang).into_iter().map(|(id, _)| id).collect();
            for b in defaults() {
                let name = b.action.name().replace('_', "-");
                for id in [format!("hint-{name}"), format!("help-{name}")] {
                    assert!(ids.contains(&id), "{lang:?} lacks '{id}'");
                }
            }
        }
    }
}
