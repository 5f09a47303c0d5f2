//! The TUI's state and `update`: every message becomes a change of state and
//! the effects to run against the store. No terminal and no database here,
//! so all of it is testable; no rule either: rules are asked of `lifecycle`.

use crossterm::event::{Event, KeyCode, KeyEventKind, MouseButton, MouseEventKind};
use ratatui::layout::{Position, Rect};
use tui_input::Input;
use tui_input::backend::crossterm::to_input_request;

pub use super::action::{Action, Msg};
use super::dialogs::Outcome;
pub use super::dialogs::{Connect, ConnectEntry, ConnectFocus, Dialog};
use super::keymap::{Context, Key, Keymap};
pub use super::screens::Paged;
pub use super::screens::accounts::{AccountsPane, Anchor, HoverAt};
pub use super::screens::publishing::PostsPane;
use super::screens::{accounts, list_action};
use super::theme::Theme;
use crate::lifecycle::post::Tab as PostTab;
use crate::lifecycle::{AccountId, Instant, Network, User};
use crate::store::AccountRecord;
use crate::store::accounts::FILTER_MAX;
use crate::store::audit::AuditEntry;
use crate::store::notifications::Notification;

/// The settings menu, as the suite shows it; only Social is this tool.
/// The Settings menu: each entry's message id and indent.
pub const SIDEBAR: [(&str, u16); 7] = [
    ("sidebar-preferences", 1),
    ("sidebar-account-defaults", 1),
    ("sidebar-marketing", 1),
    ("sidebar-email", 3),
    ("social", 3),
    ("sidebar-forms", 3),
    ("sidebar-users", 1),
];
pub const SOCIAL: usize = 4;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MainTab {
    Accounts,
    Publishing,
    Notifications,
    Activity,
}

impl MainTab {
    pub const ALL: [MainTab; 4] = [
        MainTab::Accounts,
        MainTab::Publishing,
        MainTab::Notifications,
        MainTab::Activity,
    ];

    pub fn title(self) -> String {
        crate::tr!(match self {
            MainTab::Accounts => "tab-accounts",
            MainTab::Publishing => "tab-publishing",
            MainTab::Notifications => "tab-notifications",
            MainTab::Activity => "tab-activity",
        })
    }

    fn index(self) -> usize {
        MainTab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    Sidebar,
    Tabs,
    List,
}

pub use crate::store::previews::Access;
/// The header's facts, refreshed with every reload.
pub type SessionInfo = crate::store::previews::Standing;

#[derive(Clone, Debug)]
pub struct ClockChoice {
    /// The picker's words: a message id.
    pub label: &'static str,
    /// `None`: to the portal's next event.
    pub hours: Option<i64>,
}

pub const CLOCK_CHOICES: [ClockChoice; 6] = [
    ClockChoice {
        label: "clock-an-hour",
        hours: Some(1),
    },
    ClockChoice {
        label: "clock-a-day",
        hours: Some(24),
    },
    ClockChoice {
        label: "clock-a-week",
        hours: Some(24 * 7),
    },
    ClockChoice {
        label: "clock-30-days",
        hours: Some(24 * 30),
    },
    ClockChoice {
        label: "clock-90-days",
        hours: Some(24 * 90),
    },
    ClockChoice {
        label: "clock-next-event",
        hours: None,
    },
];

/// The account's detail, with its timeline.
pub type Detail = crate::store::previews::AccountDetail;

#[derive(Clone, Debug)]
pub enum Overlay {
    Dialog(Dialog),
    Detail(Detail),
    UserPicker {
        users: Vec<User>,
        index: usize,
        /// The acting user's deliveries (issue 12): a row toggles email.
        channels: crate::store::outbox::Channels,
    },
    /// `demo`: the portal runs on a demo clock (it offers the system clock
    /// back).
    ClockPicker {
        index: usize,
        demo: bool,
    },
}

/// Which layer gets the keys, in priority order (and drawn in reverse).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layer {
    Help,
    Overlay,
    Filter,
    Main,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Toast {
    pub text: String,
    pub error: bool,
    /// Ticks left before it goes.
    pub ttl: u16,
}

/// Rectangles from the last frame, for mouse hit-testing.
#[derive(Clone, Debug, Default)]
pub struct Hits {
    pub rows: Vec<(Rect, AccountId)>,
    pub row_actions: Vec<(Rect, AccountId, Action)>,
    pub tabs: Vec<(Rect, MainTab)>,
    pub post_tabs: Vec<(Rect, PostTab)>,
    pub sidebar: Vec<(Rect, usize)>,
    pub connect_button: Option<Rect>,
    pub list_area: Rect,
    pub list_rows: Vec<(Rect, usize)>,
    pub buttons: Vec<(Rect, usize)>,
    pub picker_items: Vec<(Rect, usize)>,
    /// How many account rows the list showed.
    pub visible_accounts: usize,
    /// How many rows a list can show.
    pub list_capacity: usize,
    /// The terminal is under the minimum size: only the size notice shows.
    pub too_small: bool,
}

fn find<T: Copy>(areas: &[(Rect, T)], column: u16, row: u16) -> Option<T> {
    areas
        .iter()
        .find(|(rect, _)| rect.contains(Position::new(column, row)))
        .map(|(_, v)| *v)
}

impl Effect {
    /// Whether it changes the portal (held back while the clock moves on a
    /// worker, which holds the portal between its steps).
    pub fn writes(&self) -> bool {
        matches!(
            self,
            Effect::Disconnect(_)
                | Effect::Reconnect(_)
                | Effect::Remove(..)
                | Effect::UnsetClock
                | Effect::Bulk(..)
                | Effect::SavePost { .. }
                | Effect::ReschedulePost { .. }
                | Effect::CancelPost(_)
                | Effect::ConnectAll(..)
                | Effect::AdvanceClock { .. }
                | Effect::ClockToNextEvent
                | Effect::MarkRead(_)
                | Effect::MarkAllRead
                | Effect::RetryDeliveries
                | Effect::SetChannels { .. }
                | Effect::TourNext
                | Effect::TourBack
        )
    }
}

/// An account as a dialog showed it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Seen {
    pub id: AccountId,
    pub version: i64,
}

impl Seen {
    pub fn of(record: &AccountRecord) -> Seen {
        Seen {
            id: record.account.id,
            version: record.version,
        }
    }
}

/// What `update` asks the store for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Refetch the header and the current tab.
    Reload,
    LoadAccounts {
        anchor: Anchor,
        hover: HoverAt,
    },
    OpenDetail(AccountId),
    PrepareDisconnect(AccountId),
    PrepareReconnect(AccountId),
    PrepareRemove(AccountId),
    PrepareConnect,
    LoadConnectNetwork(Network),
    /// Confirmed actions carry the account version their dialog showed:
    /// the store refuses them if the account changed since.
    Disconnect(Seen),
    Reconnect(Seen),
    Remove(Seen, String),
    /// The clock picker (after the user agreed to start a demo clock).
    OpenClockPicker,
    /// Stop the long clock move between two steps.
    StopWork,
    /// T4: back to the system clock, when the demo clock is not ahead of it.
    UnsetClock,
    /// The bulk dialog for these accounts.
    PrepareBulk(crate::store::actions::Bulk, Vec<AccountId>),
    /// Apply a bulk action to the accounts as the dialog showed them.
    Bulk(crate::store::actions::Bulk, Vec<Seen>),
    /// Compose a post, on this account when one is hovered.
    OpenCompose(Option<AccountId>),
    /// The compose dialog's account search.
    FindPostable(String),
    SavePost {
        account: AccountId,
        at: Option<Instant>,
        text: String,
    },
    OpenReschedule(crate::lifecycle::PostId),
    /// Reschedule the account's earliest missed post (R6b).
    RescheduleMissed(AccountId),
    ReschedulePost {
        id: crate::lifecycle::PostId,
        at: Instant,
    },
    OpenCancelPost(crate::lifecycle::PostId),
    CancelPost(crate::lifecycle::PostId),
    /// Each ticked row: a new handle is connected; a known account (R8) is
    /// reconnected only as the dialog showed it.
    ConnectAll(Network, Vec<super::dialogs::ConnectChoice>),
    /// The Connect dialog's typed handle: new, known, or why not.
    CheckHandle {
        network: Network,
        handle: String,
        name: Option<String>,
    },
    AdvanceClock {
        seconds: i64,
    },
    ClockToNextEvent,
    OpenUserPicker,
    SwitchUser(String),
    MarkRead(i64),
    MarkAllRead,
    /// Queue the failed deliveries shown again.
    RetryDeliveries,
    /// The acting user's deliveries dialog, from the user menu.
    OpenDeliveries,
    /// Where the acting user's reminders go, as the dialog left it.
    SetChannels {
        email: bool,
        webhook: Option<String>,
    },
    TourNext,
    TourBack,
}

/// A long clock move's progress, for the footer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkView {
    pub target: Instant,
    pub swept_to: Instant,
    pub applied: usize,
}

/// The tour panel: the steps as the presenter sees them.
#[derive(Clone, Debug, Default)]
pub struct TourView {
    pub title: String,
    /// (title, narration) of every step.
    pub steps: Vec<(String, String)>,
    /// How many steps have been performed.
    pub done: usize,
    /// `h`: the panel is hidden (small terminals need the room).
    pub hidden: bool,
}

pub struct App {
    pub session: Option<SessionInfo>,
    pub tab: MainTab,
    pub focus: Focus,
    pub sidebar: usize,
    pub accounts: AccountsPane,
    pub posts: PostsPane,
    pub inbox: Paged<Notification, (Instant, i64)>,
    /// Deliveries that failed for good, the newest few (the acting user's,
    /// or everyone's for a super admin), and how many there are in all.
    pub failed_deliveries: Vec<crate::store::outbox::Delivery>,
    pub failed_delivery_count: i64,
    pub activity: Paged<AuditEntry, (Instant, i64)>,
    pub activity_account: Option<AccountId>,
    pub filter_input: Option<Input>,
    pub overlay: Option<Overlay>,
    pub help: bool,
    /// The first line of help shown, when help scrolls.
    pub help_scroll: usize,
    pub tour: Option<TourView>,
    pub toast: Option<Toast>,
    /// Another process holds the portal's write lock: the screen shows the
    /// portal as last swept and retries on each tick.
    pub busy: bool,
    pub hits: Hits,
    pub keymap: Keymap,
    pub theme: Theme,
    pub quit: bool,
    /// The zone instants are shown and typed in (set by each frame drawn).
    pub zone: super::view::Zone,
    /// A long clock move running on a worker (Esc stops it).
    pub work: Option<WorkView>,
    /// The account a reconnect just left with missed posts (R6b): `e`
    /// reschedules them from its row.
    pub missed_after_reconnect: Option<AccountId>,
}

impl App {
    pub fn new(keymap: Keymap, theme: Theme) -> App {
        App {
            session: None,
            tab: MainTab::Accounts,
            focus: Focus::List,
            sidebar: SOCIAL,
            accounts: AccountsPane::default(),
            posts: PostsPane {
                tab: PostTab::Scheduled,
                list: Paged::default(),
            },
            inbox: Paged::default(),
            failed_deliveries: Vec::new(),
            failed_delivery_count: 0,
            activity: Paged::default(),
            activity_account: None,
            filter_input: None,
            overlay: None,
            help: false,
            help_scroll: 0,
            tour: None,
            toast: None,
            busy: false,
            hits: Hits::default(),
            keymap,
            theme,
            quit: false,
            zone: super::view::Zone::Local,
            missed_after_reconnect: None,
            work: None,
        }
    }

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
        self.toast = Some(Toast {
            text: text.into(),
            error: false,
            ttl: 24,
        });
    }

    pub fn toast_error(&mut self, text: impl Into<String>) {
        self.toast = Some(Toast {
            text: text.into(),
            error: true,
            ttl: 40,
        });
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
                            Some(Overlay::Detail(detail)) if detail.missed > 0
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
                Some(Overlay::Dialog(Dialog::Connect(
                    super::dialogs::Connect::PickAccounts { .. }
                )))
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

    /// Whether keys go to a text field now.
    pub fn typing(&self) -> bool {
        match &self.overlay {
            Some(Overlay::Dialog(dialog)) => dialog.component().typing(),
            Some(_) => false,
            None => self.filter_input.is_some() && !self.help,
        }
    }

    /// Turns a terminal event into a message, through the keymap.
    pub fn translate(&self, event: &Event) -> Option<Msg> {
        let msg = self.translate_any(event)?;
        // Under the minimum size nothing of the UI is on screen, so nothing
        // of it may act: only quitting, help and resizing (issue 7).
        if self.hits.too_small {
            return match msg {
                Msg::Act(Action::Quit | Action::Help | Action::Cancel) => Some(msg),
                // The help scrolls at any size.
                Msg::Act(Action::Up | Action::Down | Action::PageUp | Action::PageDown)
                    if self.help =>
                {
                    Some(msg)
                }
                _ => None,
            };
        }
        Some(msg)
    }

    fn translate_any(&self, event: &Event) -> Option<Msg> {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                let k = Key::from_event(key);
                // While a tour runs, its step keys are the tour's whatever
                // has focus: a step that opens a dialog with a field must
                // not swallow the key that goes on (issue 18, item 1).
                if self.tour.is_some() {
                    let step = self
                        .keymap
                        .action(Context::Dialog, k)
                        .filter(|a| matches!(a, Action::TourNext | Action::TourBack));
                    if let Some(action) = step {
                        return Some(Msg::Act(action));
                    }
                }
                if self.typing() {
                    if k.ctrl && k.code == KeyCode::Char('c') {
                        return Some(Msg::Act(Action::Quit));
                    }
                    let action = match key.code {
                        KeyCode::Esc => Some(Action::Cancel),
                        KeyCode::Enter => Some(Action::Confirm),
                        KeyCode::Tab => Some(Action::NextFocus),
                        KeyCode::BackTab => Some(Action::PrevFocus),
                        KeyCode::Up => Some(Action::Up),
                        KeyCode::Down => Some(Action::Down),
                        _ => None,
                    };
                    return action
                        .map(Msg::Act)
                        .or_else(|| to_input_request(event).map(Msg::Text));
                }
                let context = match self.layer() {
                    Layer::Main => Context::Main,
                    _ => Context::Dialog,
                };
                self.tour
                    .is_some()
                    .then(|| self.keymap.action(Context::Tour, k))
                    .flatten()
                    .or_else(|| {
                        self.tab_context()
                            .and_then(|tab| self.keymap.action(tab, k))
                    })
                    .or_else(|| self.keymap.action(context, k))
                    .map(Msg::Act)
            }
            Event::Mouse(mouse) => match mouse.kind {
                MouseEventKind::Moved => Some(Msg::MouseMoved {
                    column: mouse.column,
                    row: mouse.row,
                }),
                MouseEventKind::Down(MouseButton::Left) => Some(Msg::Clicked {
                    column: mouse.column,
                    row: mouse.row,
                }),
                MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => Some(Msg::Wheel {
                    down: mouse.kind == MouseEventKind::ScrollDown,
                    column: mouse.column,
                    row: mouse.row,
                }),
                _ => None,
            },
            _ => None,
        }
    }
}

/// One message in, state changed, effects out.
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Tick => {
            if let Some(toast) = &mut app.toast {
                toast.ttl = toast.ttl.saturating_sub(1);
                if toast.ttl == 0 {
                    app.toast = None;
                }
            }
            vec![]
        }
        Msg::Text(request) => {
            let (input, limit) = match text_field(app) {
                Some(field) => field,
                None => return vec![],
            };
            input.handle(request);
            if cut_to(input, limit) {
                app.toast_error(crate::tr!("toast-field-cut", limit = limit));
            }
            if let Some(Overlay::Dialog(dialog)) = &mut app.overlay {
                return dialog.component_mut().edited();
            }
            // The filter narrows the list live.
            if app.overlay.is_none()
                && let Some(input) = &app.filter_input
            {
                app.accounts.filter = Some(input.value().to_string()).filter(|v| !v.is_empty());
                return vec![Effect::LoadAccounts {
                    anchor: Anchor::Start,
                    hover: HoverAt::First,
                }];
            }
            vec![]
        }
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
                vec![]
            }
            Layer::Overlay => overlay_action(app, action),
            Layer::Filter => filter_action(app, action),
            Layer::Main => main_action(app, action),
        },
    }
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
        Some(Overlay::Dialog(dialog)) => dialog.component_mut().text_field(),
        Some(_) => None,
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
                anchor: Anchor::Start,
                hover: HoverAt::Keep,
            }]
        }
        // Enter keeps it and hovers the first match.
        Action::Confirm => {
            app.filter_input = None;
            app.focus = Focus::List;
            vec![Effect::LoadAccounts {
                anchor: Anchor::Start,
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
            let demo = app.session.as_ref().is_some_and(|s| s.demo);
            app.overlay = Some(if demo {
                Overlay::ClockPicker { index: 0, demo }
            } else {
                // T4: on a real portal, moving time starts a demo clock that
                // every command then follows: ask first.
                Overlay::Dialog(Dialog::Confirm(super::dialogs::Confirm::new(
                    crate::tr!("demo-clock-title"),
                    vec![
                        crate::tr!("demo-clock-system"),
                        crate::tr!("demo-clock-explain"),
                    ],
                    crate::tr!("button-start-demo-clock"),
                    vec![Effect::OpenClockPicker],
                )))
            });
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
                anchor: Anchor::Start,
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
                state = super::screens::accounts::state_words(app.accounts.state)
            ));
            vec![Effect::LoadAccounts {
                anchor: Anchor::Start,
                hover: HoverAt::First,
            }]
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
                anchor: Anchor::Start,
                hover: HoverAt::Keep,
            }]
        }
        Reconnect | Disconnect | Remove => accounts::act_on_hovered(app, action),
        _ if !app.granted() => vec![],
        _ => match app.focus {
            Focus::Sidebar => sidebar_action(app, action),
            Focus::Tabs => tabs_action(app, action),
            Focus::List => list_action(app, action),
        },
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
                return accounts::act_on_hovered(app, action);
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
    if let Some(Overlay::Dialog(dialog)) = &mut app.overlay {
        dialog.component_mut().focus_button(button);
    }
}

fn set_picker_index(app: &mut App, item: usize) {
    match &mut app.overlay {
        Some(Overlay::UserPicker { index, .. }) | Some(Overlay::ClockPicker { index, .. }) => {
            *index = item
        }
        Some(Overlay::Dialog(dialog)) => dialog.component_mut().pick(item),
        _ => {}
    }
}

fn overlay_action(app: &mut App, action: Action) -> Vec<Effect> {
    if action == Action::Quit {
        app.quit = true;
        return vec![];
    }
    if action == Action::Help {
        app.help = true;
        return vec![];
    }
    // A tour step may leave a dialog open for the next one to press.
    if matches!(
        action,
        Action::TourNext | Action::TourBack | Action::TourPanel
    ) {
        return main_action(app, action);
    }
    if action == Action::Cancel {
        app.overlay = None;
        return vec![];
    }
    let Some(overlay) = &mut app.overlay else {
        return vec![];
    };
    match overlay {
        Overlay::Detail(detail) => match action {
            Action::Confirm => {
                app.overlay = None;
                vec![]
            }
            // R6b: the missed posts are one key away from being rescheduled.
            Action::Reschedule => {
                let id = detail.account.account.id;
                app.overlay = None;
                vec![Effect::RescheduleMissed(id)]
            }
            _ => vec![],
        },
        Overlay::ClockPicker { index, demo } => match action {
            Action::Up => {
                *index = index.saturating_sub(1);
                vec![]
            }
            Action::Down => {
                let last = CLOCK_CHOICES.len()
                    - usize::from(!offers_system_clock(app.session.as_ref(), *demo));
                *index = (*index + 1).min(last);
                vec![]
            }
            Action::Confirm
                if *index >= CLOCK_CHOICES.len()
                    && !offers_system_clock(app.session.as_ref(), *demo) =>
            {
                vec![]
            }
            Action::Confirm => {
                let effect = match CLOCK_CHOICES.get(*index) {
                    Some(ClockChoice {
                        hours: Some(hours), ..
                    }) => Effect::AdvanceClock {
                        seconds: hours * 3_600,
                    },
                    Some(_) => Effect::ClockToNextEvent,
                    None => Effect::UnsetClock,
                };
                app.overlay = None;
                vec![effect]
            }
            _ => vec![],
        },
        Overlay::UserPicker { users, index, .. } => match action {
            Action::Up => {
                *index = index.saturating_sub(1);
                vec![]
            }
            // Two rows under the users: the language, and reminders by email.
            Action::Down => {
                *index = (*index + 1).min(users.len() + 1);
                vec![]
            }
            Action::Confirm if *index == users.len() + 1 => {
                app.overlay = None;
                vec![Effect::OpenDeliveries]
            }
            Action::Confirm if *index == users.len() => {
                let lang = crate::i18n::current().next();
                crate::i18n::set(lang);
                app.overlay = None;
                app.toast(crate::tr!("toast-language"));
                vec![Effect::Reload]
            }
            Action::Confirm => {
                let email = users.get(*index).map(|u| u.email.clone());
                app.overlay = None;
                email.map(Effect::SwitchUser).into_iter().collect()
            }
            _ => vec![],
        },
        Overlay::Dialog(dialog) => {
            let outcome = dialog.component_mut().handle(action);
            settle(app, outcome)
        }
    }
}

/// Closes the dialog when its outcome says so, and passes its effects on.
fn settle(app: &mut App, outcome: Outcome) -> Vec<Effect> {
    if outcome.close {
        app.overlay = None;
    }
    outcome.effects
}

/// Whether the clock menu offers the system clock back: on a demo clock
/// that has not swept past the system clock (T4: time never goes back).
fn offers_system_clock(session: Option<&SessionInfo>, demo: bool) -> bool {
    demo && session.is_some_and(|s| s.system_clock_from.is_none())
}

/// Presses the dialog button with this label (tours), as a click would.
pub fn press_labelled(app: &mut App, label: &str) -> Result<Vec<Effect>, String> {
    let Some(Overlay::Dialog(dialog)) = &app.overlay else {
        return Err(format!("no dialog is open to press '{label}'"));
    };
    let buttons = dialog.buttons();
    let index = buttons
        .iter()
        .position(|(l, _)| l == label)
        .ok_or_else(|| {
            let names: Vec<&str> = buttons.iter().map(|(l, _)| l.as_str()).collect();
            format!(
                "the dialog has no '{label}' button (it has {})",
                names.join(", ")
            )
        })?;
    if !buttons[index].1 {
        return Err(format!("'{label}' is disabled"));
    }
    set_dialog_focus(app, index);
    Ok(press(app))
}

/// Picks a network in the Connect account dialog and goes on (tours).
pub fn pick_network(app: &mut App, network: Network) -> Result<Vec<Effect>, String> {
    match &mut app.overlay {
        Some(Overlay::Dialog(Dialog::Connect(connect))) => {
            let outcome = connect.choose_network(network)?;
            Ok(settle(app, outcome))
        }
        _ => Err("the Connect account dialog is not asking for a network".into()),
    }
}

/// Presses the focused button of the dialog.
fn press(app: &mut App) -> Vec<Effect> {
    let Some(Overlay::Dialog(dialog)) = &mut app.overlay else {
        return vec![];
    };
    let outcome = dialog.component_mut().press();
    settle(app, outcome)
}

/// R10b: whether the acting user may disconnect or remove the account; when
/// not, the row shows who may.
pub fn may_act_on(app: &App, record: &AccountRecord) -> bool {
    app.session
        .as_ref()
        .is_some_and(|s| s.may_disconnect(record))
}
