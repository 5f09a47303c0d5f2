//! What `update` asks of the portal: effects, with the values they carry.
//! Each comes back as messages (`message::Msg`) that `update` applies.

use crate::lifecycle::{AccountId, Instant, Network};
use crate::store::AccountRecord;
use crate::store::accounts::ListCursor;

/// What `update` asks the store for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Refetch the header and the current tab.
    Reload,
    LoadAccounts {
        anchor: WindowAt,
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
    /// The user menu's language row: words in the other language.
    SetLanguage(crate::i18n::Lang),
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
    ConnectAll(Network, Vec<ConnectChoice>),
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
    /// The acting user's time zone dialog, from the user menu.
    OpenTimeZone,
    /// The acting user's zone (None: the portal's), as the dialog left it.
    SetTimeZone(Option<String>),
    TourNext,
    TourBack,
    /// Esc on a sign-in at a real network: stop it.
    CancelSignIn,
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
                | Effect::SetTimeZone(_)
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

/// Where the Accounts list window starts (keyset, never offset).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WindowAt {
    Start,
    From(ListCursor),
    /// Move the window `n` rows up from its current first row.
    Back(usize),
    /// The last rows.
    End,
    /// This account with the list around it (after connecting it).
    Around(ListCursor),
}

/// Which row to hover once a window is loaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HoverAt {
    Keep,
    First,
    Last,
    Id(AccountId),
}

/// What Continue does with one ticked row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConnectChoice {
    pub handle: String,
    pub name: Option<String>,
    /// A known account is reconnected only as the dialog showed it.
    pub seen: Option<Seen>,
}
