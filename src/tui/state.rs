//! The TUI's state: what the screen shows and where the user is. Data only;
//! `update` changes it, `view` draws it, `effects` read it to know what to
//! fetch.

use tui_input::Input;

use super::dialogs::Dialog;
use super::format::Zone;
pub use super::hits::Hits;
use super::keymap::Keymap;
pub use super::place::{Focus, MainTab, SIDEBAR, SOCIAL};
use super::screens::Paged;
use super::screens::accounts::AccountsPane;
use super::screens::publishing::PostsPane;
use super::theme::Theme;
use crate::lifecycle::post::Tab as PostTab;
use crate::lifecycle::{AccountId, Instant};
use crate::store::audit::AuditEntry;
use crate::store::notifications::Notification;

pub use super::effect::Seen;
pub use crate::store::previews::Access;
/// The header's facts, refreshed with every reload.
pub type SessionInfo = crate::store::previews::Standing;

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

impl Toast {
    pub fn info(text: String) -> Toast {
        Toast {
            text,
            error: false,
            ttl: 24,
        }
    }

    pub fn error(text: String) -> Toast {
        Toast {
            text,
            error: true,
            ttl: 40,
        }
    }
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
    /// `H`: the panel is hidden (small terminals need the room).
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
    /// The open dialog (a menu, the account detail, a confirmation).
    pub overlay: Option<Dialog>,
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
    pub zone: Zone,
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
            zone: Zone::UTC,
            missed_after_reconnect: None,
            work: None,
        }
    }
}
