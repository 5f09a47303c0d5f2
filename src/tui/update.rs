//! `update`: every message becomes a change of state and the effects to run
//! against the portal. No terminal and no database here, so all of it is
//! testable; no rule either: rules are asked of `lifecycle`.

use ratatui::layout::Position;
use tui_input::Input;

use super::action::Action;
use super::dialogs::{ClockMenu, Confirm, Dialog, Outcome};
use super::effect::{Effect, HoverAt, WindowAt};
use super::hits::find;
use super::keymap::Context;
use super::message::Msg;
use super::screens::{self, Paged, Reply};
use super::state::{Access, App, Focus, Layer, MainTab, SIDEBAR, SOCIAL, Toast};
use crate::lifecycle::Network;
use crate::store::accounts::FILTER_MAX;

impl App {
    pub fn layer(&self) -> Layer {
        if self.help {
            Layer::Help
        } else if self.overlay.is_some() {
            Layer::Overlay
        } else if self.filter_input.is_some() {
            Layer::Filter
        } else {
            Layer::Main
        }
    }

    pub fn toast(&mut self, text: impl Into<String>) {
        self.toast = Some(Toast::info(text.into()));
    }

    pub fn toast_error(&mut self, text: impl Into<String>) {
        self.toast = Some(Toast::error(text.into()));
    }

    pub fn granted(&self) -> bool {
        self.session
            .as_ref()
            .is_some_and(|s| s.access == Access::Granted)
    }

    /// Whether an action does something here and now (the footer lists only those).
    pub fn available(&self, action: Action) -> bool {
        use Action::*;
        let on_accounts = self.granted() && self.tab == MainTab::Accounts && self.sidebar == SOCIAL;
        let hovered = self.accounts.hovered();
        match action {
            Reconnect => on_accounts && hovered.is_some_and(|r| r.account.offers_reconnect()),
            Disconnect => on_accounts && hovered.is_some_and(|r| r.account.offers_disconnect()),
            Remove => on_accounts && hovered.is_some(),
            Confirm => match self.layer() {
                Layer::Main => on_accounts && hovered.is_some(),
                _ => true,
            },
            Filter => on_accounts,
            Connect => self.granted(),
            FilterActivity => self.granted() && self.tab == MainTab::Activity,
            MarkAllRead => self.tab == MainTab::Notifications,
            RetryDeliveries => {
                self.tab == MainTab::Notifications && !self.failed_deliveries.is_empty()
            }
            Compose => self.granted() && self.sidebar == SOCIAL && self.layer() == Layer::Main,
            Reschedule => {
                self.granted()
                    && self.sidebar == SOCIAL
                    && match self.layer() {
                        Layer::Main => match self.tab {
                            MainTab::Publishing => self.selected_post().is_some(),
                            // Right after a reconnect that left missed posts.
                            MainTab::Accounts => {
                                self.missed_after_reconnect.is_some()
                                    && self.missed_after_reconnect == self.accounts.hover
                            }
                            _ => false,
                        },
                        Layer::Overlay => matches!(
                            &self.overlay,
                            Some(Dialog::Detail(open)) if open.detail.missed > 0
                        ),
                        _ => false,
                    }
            }
            Sort | StateFilter => on_accounts,
            CancelPost => {
                self.granted() && self.tab == MainTab::Publishing && self.selected_post().is_some()
            }
            Toggle if self.layer() == Layer::Main => on_accounts && hovered.is_some(),
            Toggle => matches!(
                self.overlay,
                Some(Dialog::Connect(
                    super::dialogs::Connect::PickAccounts { .. }
                ))
            ),
            Cancel => {
                self.layer() != Layer::Main
                    || self.accounts.filter.is_some()
                    || !self.accounts.marked.is_empty()
            }
            TourNext => self.tour.as_ref().is_some_and(|t| t.done < t.steps.len()),
            TourBack => self.tour.as_ref().is_some_and(|t| t.done > 0),
            TourPanel => self.tour.is_some(),
            _ => true,
        }
    }

    /// The keys of the current tab's list, which come before the main ones.
    pub fn tab_context(&self) -> Option<Context> {
        if self.layer() != Layer::Main {
            return None;
        }
        match self.tab {
            MainTab::Publishing => Some(Context::Posts),
            MainTab::Accounts => Some(Context::Accounts),
            _ => None,
        }
    }

    /// The post under the Publishing tab's cursor.
    pub fn selected_post(&self) -> Option<&crate::store::posts::PostLine> {
        self.posts.list.rows.get(self.posts.list.selected)
    }
}

/// One message in, state changed, effects out.
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Text(request) => edit(app, request),
        Msg::MouseMoved { column, row } => mouse_moved(app, column, row),
        Msg::Clicked { column, row } => clicked(app, column, row),
        Msg::Wheel { down, column, row } => {
            if app.layer() != Layer::Main
                || !app.hits.list_area.contains(Position::new(column, row))
            {
                return vec![];
            }
            main_action(app, if down { Action::Down } else { Action::Up })
        }
        // While the clock moves on a worker, Esc stops it.
        Msg::Act(Action::Cancel) if app.work.is_some() && app.layer() == Layer::Main => {
            vec![Effect::StopWork]
        }
        Msg::Act(action) => match app.layer() {
            Layer::Help => {
                help_action(app, action);
                vec![]
            }
            Layer::Overlay => overlay_action(app, action),
            Layer::Filter => filter_action(app, action),
            Layer::Main => main_action(app, action),
        },
        result => {
            super::apply::take(app, result);
            vec![]
        }
    }
}

/// The help's keys: it scrolls, and any of these closes it.
fn help_action(app: &mut App, action: Action) {
    match action {
        Action::Cancel | Action::Help | Action::Confirm | Action::Quit => {
            app.help = false;
            app.help_scroll = 0;
        }
        Action::Down => app.help_scroll += 1,
        Action::Up => app.help_scroll = app.help_scroll.saturating_sub(1),
        Action::PageDown => app.help_scroll += 10,
        Action::PageUp => app.help_scroll = app.help_scroll.saturating_sub(10),
        _ => {}
    }
    app.help_scroll = app.help_scroll.min(app.keymap.bindings.len());
}

/// A key typed into the focused field.
fn edit(app: &mut App, request: tui_input::InputRequest) -> Vec<Effect> {
    let Some((input, limit)) = text_field(app) else {
        return vec![];
    };
    input.handle(request);
    if cut_to(input, limit) {
        app.toast_error(crate::tr!("toast-field-cut", limit = limit));
    }
    if let Some(dialog) = &mut app.overlay {
        return dialog.component_mut().edited();
    }
    // The filter narrows the list live.
    if let Some(input) = &app.filter_input {
        app.accounts.filter = Some(input.value().to_string()).filter(|v| !v.is_empty());
        return vec![Effect::LoadAccounts {
            anchor: WindowAt::Start,
            hover: HoverAt::First,
        }];
    }
    vec![]
}

/// Cuts the field to `limit` characters; true when it had more (issue 7).
fn cut_to(input: &mut Input, limit: usize) -> bool {
    if input.value().chars().count() <= limit {
        return false;
    }
    let kept: String = input.value().chars().take(limit).collect();
    *input = Input::new(kept);
    true
}

/// The text field that has the focus, and the most it takes.
fn text_field(app: &mut App) -> Option<(&mut Input, usize)> {
    match &mut app.overlay {
        Some(dialog) => dialog.component_mut().text_field(),
        None => app.filter_input.as_mut().map(|input| (input, FILTER_MAX)),
    }
}

fn filter_action(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        // Esc clears the filter.
        Action::Cancel => {
            app.filter_input = None;
            app.accounts.filter = None;
            vec![Effect::LoadAccounts {
                anchor: WindowAt::Start,
                hover: HoverAt::Keep,
            }]
        }
        // Enter keeps it and hovers the first match.
        Action::Confirm => {
            app.filter_input = None;
            app.focus = Focus::List;
            vec![Effect::LoadAccounts {
                anchor: WindowAt::Start,
                hover: HoverAt::First,
            }]
        }
        Action::Quit => {
            app.quit = true;
            vec![]
        }
        Action::Up | Action::Down => main_action(app, action),
        _ => vec![],
    }
}

fn switch_tab(app: &mut App, tab: MainTab) -> Vec<Effect> {
    app.tab = tab;
    app.sidebar = SOCIAL;
    vec![Effect::Reload]
}

fn main_action(app: &mut App, action: Action) -> Vec<Effect> {
    use Action::*;
    match action {
        Quit => {
            app.quit = true;
            vec![]
        }
        Help => {
            app.help = true;
            vec![]
        }
        TourPanel if app.tour.is_some() => {
            if let Some(tour) = &mut app.tour {
                tour.hidden = !tour.hidden;
            }
            vec![]
        }
        TourNext if app.available(TourNext) => vec![Effect::TourNext],
        TourBack if app.available(TourBack) => vec![Effect::TourBack],
        NextFocus | PrevFocus => {
            let order = [Focus::Sidebar, Focus::Tabs, Focus::List];
            let at = order.iter().position(|f| *f == app.focus).unwrap_or(2);
            let next = if action == NextFocus {
                (at + 1) % 3
            } else {
                (at + 2) % 3
            };
            app.focus = order[next];
            vec![]
        }
        TabAccounts => switch_tab(app, MainTab::Accounts),
        TabPublishing => switch_tab(app, MainTab::Publishing),
        TabNotifications | Notifications => switch_tab(app, MainTab::Notifications),
        TabActivity => switch_tab(app, MainTab::Activity),
        Clock => {
            app.overlay = Some(clock_menu(app));
            vec![]
        }
        SwitchUser => vec![Effect::OpenUserPicker],
        Connect if app.available(Connect) => vec![Effect::PrepareConnect],
        MarkAllRead if app.available(MarkAllRead) => vec![Effect::MarkAllRead],
        RetryDeliveries if app.available(RetryDeliveries) => vec![Effect::RetryDeliveries],
        Compose if app.available(Compose) => {
            let account = (app.tab == MainTab::Accounts)
                .then_some(app.accounts.hover)
                .flatten();
            vec![Effect::OpenCompose(account)]
        }
        CancelPost if app.available(CancelPost) => app
            .selected_post()
            .map(|p| vec![Effect::OpenCancelPost(p.post.id)])
            .unwrap_or_default(),
        FilterActivity if app.available(FilterActivity) => {
            app.activity_account = match app.activity_account {
                Some(_) => None,
                None => app.accounts.hover,
            };
            if app.activity_account.is_none() && app.accounts.hover.is_none() {
                app.toast(crate::tr!("toast-hover-first"));
            }
            app.activity = Paged::default();
            vec![Effect::Reload]
        }
        Reschedule if app.available(Reschedule) => match app.tab {
            MainTab::Publishing => app
                .selected_post()
                .map(|p| vec![Effect::OpenReschedule(p.post.id)])
                .unwrap_or_default(),
            _ => app
                .accounts
                .hover
                .map(|id| vec![Effect::RescheduleMissed(id)])
                .unwrap_or_default(),
        },
        _ => accounts_action(app, action),
    }
}

/// The Accounts list's own keys (order, state, filter, marks, the row's
/// actions); anything else goes to what has the focus.
fn accounts_action(app: &mut App, action: Action) -> Vec<Effect> {
    use Action::*;
    match action {
        Sort if app.available(Sort) => {
            use crate::store::accounts::ListOrder;
            let pane = &mut app.accounts;
            pane.order = match pane.order {
                ListOrder::ByNetwork => ListOrder::ByUrgency,
                ListOrder::ByUrgency => ListOrder::ByNetwork,
            };
            pane.top = None;
            pane.pages_above.clear();
            vec![Effect::LoadAccounts {
                anchor: WindowAt::Start,
                hover: HoverAt::First,
            }]
        }
        StateFilter if app.available(StateFilter) => {
            use crate::lifecycle::StateFilter as State;
            let pane = &mut app.accounts;
            let at = State::ALL
                .iter()
                .position(|s| *s == pane.state)
                .unwrap_or(0);
            pane.state = State::ALL[(at + 1) % State::ALL.len()];
            pane.top = None;
            pane.pages_above.clear();
            app.toast(crate::tr!(
                "toast-showing-state",
                state = screens::accounts::state_words(app.accounts.state)
            ));
            vec![Effect::LoadAccounts {
                anchor: WindowAt::Start,
                hover: HoverAt::First,
            }]
        }
        Filter if app.available(Filter) => {
            let current = app.accounts.filter.clone().unwrap_or_default();
            app.filter_input = Some(Input::new(current));
            app.focus = Focus::List;
            vec![]
        }
        Toggle if app.available(Toggle) => {
            if let Some(id) = app.accounts.hover {
                let marked = &mut app.accounts.marked;
                if !marked.remove(&id) {
                    marked.insert(id);
                }
                let n = marked.len();
                if n > 0 {
                    app.toast(crate::tr!("toast-marked", count = n));
                }
            }
            vec![]
        }
        Cancel if !app.accounts.marked.is_empty() => {
            app.accounts.marked.clear();
            app.toast(crate::tr!("toast-marks-cleared"));
            vec![]
        }
        Cancel if app.accounts.filter.is_some() => {
            app.accounts.filter = None;
            vec![Effect::LoadAccounts {
                anchor: WindowAt::Start,
                hover: HoverAt::Keep,
            }]
        }
        Reconnect | Disconnect | Remove => act_on_hovered(app, action),
        _ if !app.granted() => vec![],
        _ => match app.focus {
            Focus::Sidebar => sidebar_action(app, action),
            Focus::Tabs => tabs_action(app, action),
            Focus::List => list_action(app, action),
        },
    }
}

/// r, d, x on the hovered row (or the marked ones), on the Accounts tab.
fn act_on_hovered(app: &mut App, action: Action) -> Vec<Effect> {
    if app.tab != MainTab::Accounts || !app.granted() {
        return vec![];
    }
    let reply = screens::accounts::act_on_hovered(&app.accounts, action);
    heard(app, reply)
}

/// A screen's reply: its toast shown, its effects passed on.
fn heard(app: &mut App, reply: Reply) -> Vec<Effect> {
    if let Some(text) = reply.toast {
        app.toast(text);
    }
    reply.effects
}

/// The actions of the list of the current tab.
fn list_action(app: &mut App, action: Action) -> Vec<Effect> {
    match app.tab {
        MainTab::Accounts => {
            screens::accounts::handle(&mut app.accounts, app.hits.visible_accounts, action)
        }
        MainTab::Publishing => screens::publishing::handle(&mut app.posts, action),
        MainTab::Notifications => screens::notifications::handle(&mut app.inbox, action),
        MainTab::Activity => {
            let reply = screens::activity::handle(&mut app.activity, action);
            heard(app, reply)
        }
    }
}

fn sidebar_action(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Up => app.sidebar = app.sidebar.saturating_sub(1),
        Action::Down => app.sidebar = (app.sidebar + 1).min(SIDEBAR.len() - 1),
        Action::Confirm | Action::Right if app.sidebar == SOCIAL => app.focus = Focus::List,
        _ => {}
    }
    vec![]
}

fn tabs_action(app: &mut App, action: Action) -> Vec<Effect> {
    let at = app.tab.index();
    match action {
        Action::Left => switch_tab(app, MainTab::ALL[(at + 3) % 4]),
        Action::Right => switch_tab(app, MainTab::ALL[(at + 1) % 4]),
        Action::Confirm | Action::Down => {
            app.focus = Focus::List;
            vec![]
        }
        _ => vec![],
    }
}

fn mouse_moved(app: &mut App, column: u16, row: u16) -> Vec<Effect> {
    match app.layer() {
        Layer::Main | Layer::Filter if app.tab == MainTab::Accounts => {
            let over_action = find(
                &app.hits
                    .row_actions
                    .iter()
                    .map(|(r, id, _)| (*r, *id))
                    .collect::<Vec<_>>(),
                column,
                row,
            );
            if let Some(id) = over_action.or_else(|| find(&app.hits.rows, column, row)) {
                app.accounts.hover = Some(id);
            }
        }
        Layer::Overlay => {
            if let Some(button) = find(&app.hits.buttons, column, row) {
                set_dialog_focus(app, button);
            } else if let Some(item) = find(&app.hits.picker_items, column, row) {
                set_picker_index(app, item);
            }
        }
        _ => {}
    }
    vec![]
}

fn clicked(app: &mut App, column: u16, row: u16) -> Vec<Effect> {
    match app.layer() {
        Layer::Help => {
            app.help = false;
            vec![]
        }
        Layer::Overlay => {
            if let Some(button) = find(&app.hits.buttons, column, row) {
                set_dialog_focus(app, button);
                return press(app);
            }
            if let Some(item) = find(&app.hits.picker_items, column, row) {
                set_picker_index(app, item);
                return overlay_action(app, Action::Confirm);
            }
            vec![]
        }
        Layer::Main | Layer::Filter => {
            let at = Position::new(column, row);
            if let Some((_, id, action)) =
                app.hits.row_actions.iter().find(|(r, _, _)| r.contains(at))
            {
                let (id, action) = (*id, *action);
                app.accounts.hover = Some(id);
                app.filter_input = None;
                return act_on_hovered(app, action);
            }
            if let Some(id) = find(&app.hits.rows, column, row) {
                app.accounts.hover = Some(id);
                app.focus = Focus::List;
                return vec![];
            }
            if let Some(tab) = find(&app.hits.tabs, column, row) {
                app.focus = Focus::Tabs;
                return switch_tab(app, tab);
            }
            if let Some(tab) = find(&app.hits.post_tabs, column, row) {
                app.posts.tab = tab;
                app.posts.list = Paged::default();
                return vec![Effect::Reload];
            }
            if let Some(entry) = find(&app.hits.sidebar, column, row) {
                app.sidebar = entry;
                app.focus = Focus::Sidebar;
                return vec![];
            }
            if app.hits.connect_button.is_some_and(|r| r.contains(at)) {
                return main_action(app, Action::Connect);
            }
            if let Some(index) = find(&app.hits.list_rows, column, row) {
                app.focus = Focus::List;
                match app.tab {
                    MainTab::Publishing => app.posts.list.selected = index,
                    MainTab::Notifications => app.inbox.selected = index,
                    MainTab::Activity => app.activity.selected = index,
                    MainTab::Accounts => {}
                }
            }
            vec![]
        }
    }
}

fn set_dialog_focus(app: &mut App, button: usize) {
    if let Some(dialog) = &mut app.overlay {
        dialog.component_mut().focus_button(button);
    }
}

fn set_picker_index(app: &mut App, item: usize) {
    if let Some(dialog) = &mut app.overlay {
        dialog.component_mut().pick(item);
    }
}

fn overlay_action(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Quit => app.quit = true,
        Action::Help => app.help = true,
        // A tour step may leave a dialog open for the next one to press.
        Action::TourNext | Action::TourBack | Action::TourPanel => {
            return main_action(app, action);
        }
        Action::Cancel => {
            // Esc on a sign-in stops it, as its Cancel button does.
            let signing_in = matches!(app.overlay, Some(Dialog::SignIn(_)));
            app.overlay = None;
            if signing_in {
                return vec![Effect::CancelSignIn];
            }
        }
        _ => {
            if let Some(dialog) = &mut app.overlay {
                let outcome = dialog.component_mut().handle(action);
                return settle(app, outcome);
            }
        }
    }
    vec![]
}

/// Closes the dialog when its outcome says so, and passes its effects on.
fn settle(app: &mut App, outcome: Outcome) -> Vec<Effect> {
    if outcome.close {
        app.overlay = None;
    }
    outcome.effects
}

/// `t`: the clock menu on a demo portal; on a real one, first the question
/// whether to start a demo clock that every command then follows (T4).
fn clock_menu(app: &App) -> Dialog {
    match &app.session {
        Some(session) if session.demo => {
            Dialog::ClockMenu(ClockMenu::new(true, session.system_clock_from))
        }
        _ => Dialog::Confirm(Confirm::new(
            crate::tr!("demo-clock-title"),
            vec![
                crate::tr!("demo-clock-system"),
                crate::tr!("demo-clock-explain"),
            ],
            crate::tr!("button-start-demo-clock"),
            vec![Effect::OpenClockPicker],
        )),
    }
}

/// Presses the dialog button with this label (tours), as a click would.
pub fn press_labelled(app: &mut App, label: &str) -> Result<Vec<Effect>, String> {
    let Some(dialog) = &app.overlay else {
        return Err(crate::tr!("tour-error-no-dialog", label = label));
    };
    let buttons = dialog.buttons();
    let index = buttons
        .iter()
        .position(|(l, _)| l == label)
        .ok_or_else(|| {
            let names: Vec<&str> = buttons.iter().map(|(l, _)| l.as_str()).collect();
            crate::tr!(
                "tour-error-no-button",
                label = label,
                labels = names.join(", ")
            )
        })?;
    if !buttons[index].1 {
        return Err(crate::tr!("tour-error-disabled", label = label));
    }
    set_dialog_focus(app, index);
    Ok(press(app))
}

/// Picks a network in the Connect account dialog and goes on (tours).
pub fn pick_network(app: &mut App, network: Network) -> Result<Vec<Effect>, String> {
    match &mut app.overlay {
        Some(Dialog::Connect(connect)) => {
            let outcome = connect.choose_network(network)?;
            Ok(settle(app, outcome))
        }
        _ => Err(crate::tr!("tour-error-no-network-step")),
    }
}

/// Presses the focused button of the dialog.
fn press(app: &mut App) -> Vec<Effect> {
    let Some(dialog) = &mut app.overlay else {
        return vec![];
    };
    let outcome = dialog.component_mut().press();
    settle(app, outcome)
}
