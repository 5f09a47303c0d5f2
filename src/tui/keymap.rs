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

fn row(action: Action, list: &[&str], contexts: &'static [Context], in_footer: bool) -> Binding {
    Binding {
        action,
        keys: keys(list),
        contexts,
        in_footer,
    }
}

/// The default table, in the order the footer and help show it.
pub fn defaults() -> Vec<Binding> {
    use Action::*;
    vec![
        row(Up, &["up", "k"], BOTH, false),
        row(Down, &["down", "j"], BOTH, true),
        row(Top, &["g", "home"], MAIN, false),
        row(Bottom, &["G", "end"], MAIN, false),
        row(PageUp, &["pageup"], MAIN, false),
        row(PageDown, &["pagedown"], MAIN, false),
        row(Left, &["left", "h"], BOTH, false),
        row(Right, &["right", "l"], BOTH, false),
        row(NextFocus, &["tab"], BOTH, false),
        row(PrevFocus, &["shift-tab"], BOTH, false),
        row(Confirm, &["enter"], BOTH, true),
        row(Cancel, &["esc"], BOTH, true),
        row(Reconnect, &["r"], MAIN, true),
        row(Disconnect, &["d"], MAIN, true),
        row(Remove, &["x"], MAIN, true),
        row(Connect, &["c"], MAIN, true),
        row(Clock, &["t"], MAIN, true),
        row(SwitchUser, &["u"], MAIN, true),
        row(Notifications, &["n"], MAIN, false),
        row(Filter, &["/"], MAIN, true),
        row(FilterActivity, &["f"], MAIN, true),
        row(MarkAllRead, &["m"], MAIN, true),
        row(RetryDeliveries, &["R"], MAIN, true),
        row(Toggle, &["space"], BOTH, true),
        row(Compose, &["a"], MAIN, true),
        row(Reschedule, &["e"], BOTH, true),
        row(CancelPost, &["x"], POSTS, true),
        row(Sort, &["s"], MAIN, true),
        row(StateFilter, &["f"], ACCOUNTS, true),
        row(TabAccounts, &["1"], MAIN, false),
        row(TabPublishing, &["2"], MAIN, false),
        row(TabNotifications, &["3"], MAIN, false),
        row(TabActivity, &["4"], MAIN, false),
        row(TourNext, &["]"], BOTH, true),
        row(TourBack, &["["], BOTH, true),
        row(TourPanel, &["H"], TOUR, true),
        row(Help, &["?"], BOTH, true),
        row(Quit, &["q", "ctrl-c"], MAIN, true),
    ]
}

impl Binding {
    /// The footer's word in the current language.
    pub fn hint_text(&self) -> String {
        crate::tr!(hint_id(self.action))
    }

    /// The help overlay's description in the current language.
    pub fn help_text(&self) -> String {
        crate::tr!(help_id(self.action))
    }
}

/// Each action's footer word, by its whole message id (a test lists the
/// ids the code uses and finds each in both catalogs).
fn hint_id(action: Action) -> &'static str {
    match action {
        Action::Up => "hint-up",
        Action::Down => "hint-down",
        Action::Top => "hint-top",
        Action::Bottom => "hint-bottom",
        Action::PageUp => "hint-page-up",
        Action::PageDown => "hint-page-down",
        Action::Left => "hint-left",
        Action::Right => "hint-right",
        Action::NextFocus => "hint-next-focus",
        Action::PrevFocus => "hint-prev-focus",
        Action::Confirm => "hint-confirm",
        Action::Cancel => "hint-cancel",
        Action::Toggle => "hint-toggle",
        Action::Reconnect => "hint-reconnect",
        Action::Disconnect => "hint-disconnect",
        Action::Remove => "hint-remove",
        Action::Connect => "hint-connect",
        Action::Clock => "hint-clock",
        Action::SwitchUser => "hint-switch-user",
        Action::Notifications => "hint-notifications",
        Action::Help => "hint-help",
        Action::Filter => "hint-filter",
        Action::FilterActivity => "hint-filter-activity",
        Action::MarkAllRead => "hint-mark-all-read",
        Action::RetryDeliveries => "hint-retry-deliveries",
        Action::Compose => "hint-compose",
        Action::Reschedule => "hint-reschedule",
        Action::CancelPost => "hint-cancel-post",
        Action::Sort => "hint-sort",
        Action::StateFilter => "hint-state-filter",
        Action::TabAccounts => "hint-tab-accounts",
        Action::TabPublishing => "hint-tab-publishing",
        Action::TabNotifications => "hint-tab-notifications",
        Action::TabActivity => "hint-tab-activity",
        Action::TourNext => "hint-tour-next",
        Action::TourBack => "hint-tour-back",
        Action::TourPanel => "hint-tour-panel",
        Action::Quit => "hint-quit",
    }
}

/// Each action's help line, by its whole message id.
fn help_id(action: Action) -> &'static str {
    match action {
        Action::Up => "help-up",
        Action::Down => "help-down",
        Action::Top => "help-top",
        Action::Bottom => "help-bottom",
        Action::PageUp => "help-page-up",
        Action::PageDown => "help-page-down",
        Action::Left => "help-left",
        Action::Right => "help-right",
        Action::NextFocus => "help-next-focus",
        Action::PrevFocus => "help-prev-focus",
        Action::Confirm => "help-confirm",
        Action::Cancel => "help-cancel",
        Action::Toggle => "help-toggle",
        Action::Reconnect => "help-reconnect",
        Action::Disconnect => "help-disconnect",
        Action::Remove => "help-remove",
        Action::Connect => "help-connect",
        Action::Clock => "help-clock",
        Action::SwitchUser => "help-switch-user",
        Action::Notifications => "help-notifications",
        Action::Help => "help-help",
        Action::Filter => "help-filter",
        Action::FilterActivity => "help-filter-activity",
        Action::MarkAllRead => "help-mark-all-read",
        Action::RetryDeliveries => "help-retry-deliveries",
        Action::Compose => "help-compose",
        Action::Reschedule => "help-reschedule",
        Action::CancelPost => "help-cancel-post",
        Action::Sort => "help-sort",
        Action::StateFilter => "help-state-filter",
        Action::TabAccounts => "help-tab-accounts",
        Action::TabPublishing => "help-tab-publishing",
        Action::TabNotifications => "help-tab-notifications",
        Action::TabActivity => "help-tab-activity",
        Action::TourNext => "help-tour-next",
        Action::TourBack => "help-tour-back",
        Action::TourPanel => "help-tour-panel",
        Action::Quit => "help-quit",
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
