//! What `update` takes: the user's input, and what an effect brought back.
//! Effects never change the state themselves (issue 19): they return these.

use tui_input::InputRequest;

use super::action::Action;
use super::dialogs::{ConnectEntry, Dialog};
use super::screens::Paged;
use super::screens::accounts::Window;
use super::state::{SessionInfo, WorkView};
use crate::lifecycle::{AccountId, Instant};
use crate::store::AccountRecord;
use crate::store::audit::AuditEntry;
use crate::store::notifications::Notification;
use crate::store::outbox::Delivery;
use crate::store::posts::PostLine;

/// One input to `update`, whatever device or effect it came from.
#[derive(Clone, Debug)]
pub enum Msg {
    Act(Action),
    /// Editing the focused text field.
    Text(InputRequest),
    MouseMoved {
        column: u16,
        row: u16,
    },
    Clicked {
        column: u16,
        row: u16,
    },
    Wheel {
        down: bool,
        column: u16,
        row: u16,
    },
    /// Time passes: toasts expire.
    Tick,
    /// The header's facts, and whether another process held the write lock
    /// (the screen then shows the portal as last swept).
    Standing {
        session: Box<SessionInfo>,
        busy: bool,
    },
    /// A tab's rows.
    Loaded(Loaded),
    /// A dialog to show (a preview, a menu, a refusal).
    Opened(Box<Dialog>),
    /// Something was done: the toast that says what.
    Done(String),
    /// Something failed: the toast that says why.
    Failed(String),
    /// A reconnect went through; with missed posts, `e` reschedules them
    /// from its row (R6b).
    Reconnected {
        account: AccountId,
        missed: bool,
    },
    /// A bulk action ran: its marks go.
    MarksCleared,
    /// The compose dialog's search found these.
    Found(Vec<AccountRecord>),
    /// The Connect dialog's typed handle, checked: the row, or why not.
    HandleChecked(Result<ConnectEntry, String>),
    /// A long clock move started, moved on, or ended.
    Working(WorkView),
    Progress {
        swept_to: Instant,
        applied: usize,
    },
    WorkEnded,
    /// The device code a sign-in at a real network got.
    SignInCode(crate::tui::dialogs::DeviceCodeView),
    /// The sign-in ended (connected, failed or stopped): its dialog closes.
    SignInEnded,
}

/// A tab's rows, as loaded.
#[derive(Clone, Debug)]
pub enum Loaded {
    Accounts(Window),
    Posts(Paged<PostLine, crate::store::posts::TimeCursor>),
    Inbox {
        list: Paged<Notification, (Instant, i64)>,
        failed: Vec<Delivery>,
        failed_count: i64,
    },
    Activity(Paged<AuditEntry, (Instant, i64)>),
}
