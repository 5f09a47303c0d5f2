//! The sweep's events (R12): which event an account has next, in which order
//! events at one instant apply, and how far publications can run as one step.

use super::account::{Account, ConnectionState, DisconnectReason};
use super::reminders::ReminderPlan;
use super::time::{Instant, one_second};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventKind {
    /// R5f: the deadline passed; the account is disconnected at the deadline.
    Lapse(DisconnectReason),
    /// R11: the earliest scheduled post of a connected account.
    Publication,
    /// R9: the reauthorization reminder.
    Reminder,
    /// E1: the purge warning.
    PurgeWarning,
    /// R7: the reconnect window ended.
    Purge,
}

impl EventKind {
    /// R12, R12b: at one instant a lapse comes first, then publications,
    /// reminders, purge warnings and purges.
    fn rank(self) -> u8 {
        match self {
            EventKind::Lapse(_) => 0,
            EventKind::Publication => 1,
            EventKind::Reminder => 2,
            EventKind::PurgeWarning => 3,
            EventKind::Purge => 4,
        }
    }

    /// The event's name in the sweep's JSON.
    pub fn name(self) -> &'static str {
        match self {
            EventKind::Lapse(_) => "disconnected",
            EventKind::Publication => "published",
            EventKind::Reminder => "reauth_reminder",
            EventKind::PurgeWarning => "purge_warning",
            EventKind::Purge => "purged",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DueEvent {
    pub at: Instant,
    pub kind: EventKind,
}

/// Every event the account's state makes pending, publications aside.
fn pending_state_events(account: &Account, plan: &ReminderPlan) -> Vec<DueEvent> {
    let mut events = Vec::with_capacity(2);
    match account.connection {
        ConnectionState::Connected => {
            if let Some((at, reason)) = account.reauth_deadline() {
                events.push(DueEvent {
                    at,
                    kind: EventKind::Lapse(reason),
                });
            }
            if let Some((at, _)) = account.next_reminder(plan) {
                events.push(DueEvent {
                    at,
                    kind: EventKind::Reminder,
                });
            }
        }
        ConnectionState::Disconnected(_) => {
            if let Some(at) = account.pending_purge_warning() {
                events.push(DueEvent {
                    at,
                    kind: EventKind::PurgeWarning,
                });
            }
            if let Some(at) = account.reconnect_deadline() {
                events.push(DueEvent {
                    at,
                    kind: EventKind::Purge,
                });
            }
        }
        ConnectionState::Expired(_) => {}
    }
    events
}

fn earliest(events: impl Iterator<Item = DueEvent>) -> Option<DueEvent> {
    events.min_by_key(|e| (e.at, e.kind.rank()))
}

/// The account's next event, given the instant of its earliest scheduled post.
/// Posts only publish while the account is connected (R5a, R11).
pub fn next_event(
    account: &Account,
    plan: &ReminderPlan,
    next_scheduled_post_at: Option<Instant>,
) -> Option<DueEvent> {
    let publication = next_scheduled_post_at
        .filter(|_| account.is_connected())
        .map(|at| DueEvent {
            at,
            kind: EventKind::Publication,
        });
    earliest(
        pending_state_events(account, plan)
            .into_iter()
            .chain(publication),
    )
}

/// Posts scheduled at or before the returned instant publish before any other
/// event of the account, so they can be published as one step of a sweep to
/// `until`. A post at the deadline itself lapses instead (R12b).
pub fn publication_bound(account: &Account, plan: &ReminderPlan, until: Instant) -> Instant {
    match earliest(pending_state_events(account, plan).into_iter()) {
        Some(DueEvent {
            at,
            kind: EventKind::Lapse(_),
        }) => until.min(at - one_second()),
        Some(DueEvent { at, .. }) => until.min(at),
        None => until,
    }
}
