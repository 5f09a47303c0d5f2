//! A connected social account: its states (R3, R4), the instants that follow
//! from them (R1, R6, R7, R8, R9, E1), and the transitions that change them
//! (R5, R6, R7). Pure functions of the account and `now`.

use super::policy::{Network, REMINDER_LEAD, Reauthorization};
use super::refusal::{StateRefusal, UserId};
use super::reminders::{Lead, ReminderPlan};
use super::time::{Instant, Span};

pub type AccountId = i64;

/// R8: accounts disconnected this long ago are hidden from the Accounts list.
pub const HIDDEN_AFTER: Span = Span::Days(90);

/// R4
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DisconnectReason {
    Manual,
    ReauthExpired,
    Inactivity,
    Security,
    Deleted,
}

impl DisconnectReason {
    pub const ALL: [DisconnectReason; 5] = [
        DisconnectReason::Manual,
        DisconnectReason::ReauthExpired,
        DisconnectReason::Inactivity,
        DisconnectReason::Security,
        DisconnectReason::Deleted,
    ];

    pub fn name(self) -> &'static str {
        match self {
            DisconnectReason::Manual => "manual",
            DisconnectReason::ReauthExpired => "reauth_expired",
            DisconnectReason::Inactivity => "inactivity",
            DisconnectReason::Security => "security",
            DisconnectReason::Deleted => "deleted",
        }
    }

    pub fn parse(text: &str) -> Option<DisconnectReason> {
        Self::ALL.into_iter().find(|r| r.name() == text)
    }
}

/// What a network reports about an account (R4), from `network-event`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NetworkReport {
    Security,
    Deleted,
    Inactive,
}

impl NetworkReport {
    pub fn parse(text: &str) -> Result<NetworkReport, super::ParseError> {
        match text.trim().to_ascii_lowercase().as_str() {
            "security" => Ok(NetworkReport::Security),
            "deleted" => Ok(NetworkReport::Deleted),
            "inactive" | "inactivity" => Ok(NetworkReport::Inactive),
            _ => Err(super::ParseError::UnknownEvent(text.to_string())),
        }
    }

    pub fn reason(self) -> DisconnectReason {
        match self {
            NetworkReport::Security => DisconnectReason::Security,
            NetworkReport::Deleted => DisconnectReason::Deleted,
            NetworkReport::Inactive => DisconnectReason::Inactivity,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Disconnection {
    pub reason: DisconnectReason,
    pub at: Instant,
    /// The user, for a manual disconnect (R3).
    pub by: Option<UserId>,
}

/// R3. A removed account does not exist any more (R13).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConnectionState {
    Connected,
    Disconnected(Disconnection),
    /// Disconnected and past its reconnect window: its history is purged (R7).
    Expired(Disconnection),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Connected,
    Disconnected,
    Expired,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Connected => "connected",
            Status::Disconnected => "disconnected",
            Status::Expired => "expired",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Account {
    pub id: AccountId,
    pub network: Network,
    pub handle: String,
    pub name: String,
    pub connection: ConnectionState,
    pub first_connected_at: Instant,
    /// The start of the current grant (R1).
    pub authorized_at: Instant,
    /// The latest publication from the account (R11).
    pub last_published_at: Option<Instant>,
    pub original_connector: UserId,
    pub last_connector: UserId,
    /// R9c per offset (issue 21): the lead of the latest reminder the
    /// current grant had; None: none yet.
    pub reminded: Option<Lead>,
    /// E1: the current disconnection's purge warning has gone out.
    pub purge_warning_sent: bool,
}

/// Which accounts a list shows by their state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum StateFilter {
    #[default]
    All,
    /// `Account::needs_attention`.
    NeedsAttention,
    Connected,
    Disconnected,
    Expired,
}

impl StateFilter {
    pub const ALL: [StateFilter; 5] = [
        StateFilter::All,
        StateFilter::NeedsAttention,
        StateFilter::Connected,
        StateFilter::Disconnected,
        StateFilter::Expired,
    ];

    pub fn name(self) -> &'static str {
        match self {
            StateFilter::All => "all",
            StateFilter::NeedsAttention => "attention",
            StateFilter::Connected => "connected",
            StateFilter::Disconnected => "disconnected",
            StateFilter::Expired => "expired",
        }
    }

    pub fn parse(text: &str) -> Result<StateFilter, super::ParseError> {
        let wanted = text.trim().to_ascii_lowercase();
        StateFilter::ALL
            .into_iter()
            .find(|f| {
                f.name() == wanted
                    || (wanted == "needs-attention" && *f == StateFilter::NeedsAttention)
            })
            .ok_or_else(|| super::ParseError::UnknownStatus(text.to_string()))
    }

    /// Whether the account is listed under this filter at `now`.
    pub fn admits(self, account: &Account, now: Instant) -> bool {
        match self {
            StateFilter::All => true,
            StateFilter::NeedsAttention => account.needs_attention(now),
            StateFilter::Connected => account.status() == Status::Connected,
            StateFilter::Disconnected => account.status() == Status::Disconnected,
            StateFilter::Expired => account.status() == Status::Expired,
        }
    }
}

/// What an account needs next (see `Account::next_step`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NextStep {
    /// Connected; the network asks again at `due` (never, for YouTube).
    Healthy { due: Option<Instant> },
    /// R6f: connected and inside the reminder week: the network asks again
    /// at `due`; disconnecting and reconnecting before then avoids an
    /// interruption.
    ReminderWeek { due: Instant },
    /// Disconnected: a reconnect before `deadline` restores everything (R6).
    ReconnectBy {
        reason: DisconnectReason,
        since: Instant,
        deadline: Instant,
    },
    /// R6e: deleted on the network, it cannot come back; its history is
    /// purged at `purge_at`.
    CannotComeBack { since: Instant, purge_at: Instant },
    /// R7: expired; its history was purged at `purged_at`.
    Purged {
        reason: DisconnectReason,
        purged_at: Instant,
    },
}

impl Account {
    /// R1, R7: a brand-new connection (also an expired account's fresh start).
    pub fn connect_new(
        id: AccountId,
        network: Network,
        handle: &str,
        name: &str,
        actor: UserId,
        now: Instant,
    ) -> Account {
        Account {
            id,
            network,
            handle: handle.to_string(),
            name: name.to_string(),
            connection: ConnectionState::Connected,
            first_connected_at: now,
            authorized_at: now,
            last_published_at: None,
            original_connector: actor,
            last_connector: actor,
            reminded: None,
            purge_warning_sent: false,
        }
    }

    pub fn status(&self) -> Status {
        match self.connection {
            ConnectionState::Connected => Status::Connected,
            ConnectionState::Disconnected(_) => Status::Disconnected,
            ConnectionState::Expired(_) => Status::Expired,
        }
    }

    pub fn is_connected(&self) -> bool {
        self.connection == ConnectionState::Connected
    }

    pub fn disconnection(&self) -> Option<Disconnection> {
        match self.connection {
            ConnectionState::Connected => None,
            ConnectionState::Disconnected(d) | ConnectionState::Expired(d) => Some(d),
        }
    }

    /// R1: the later of the grant and the latest publication.
    pub fn last_activity_at(&self) -> Instant {
        match self.last_published_at {
            Some(p) if p > self.authorized_at => p,
            _ => self.authorized_at,
        }
    }

    /// R1: when the network will drop a connected account, and for which reason.
    pub fn reauth_deadline(&self) -> Option<(Instant, DisconnectReason)> {
        if !self.is_connected() {
            return None;
        }
        match self.network.policy().reauthorization {
            Reauthorization::Never => None,
            Reauthorization::AfterAuthorization(span) => Some((
                span.after(self.authorized_at),
                DisconnectReason::ReauthExpired,
            )),
            Reauthorization::AfterInactivity(span) => Some((
                span.after(self.last_activity_at()),
                DisconnectReason::Inactivity,
            )),
        }
    }

    pub fn reauth_due_at(&self) -> Option<Instant> {
        self.reauth_deadline().map(|(at, _)| at)
    }

    /// R9a: a week before the deadline, for networks with a reminder.
    pub fn reminder_at(&self) -> Option<Instant> {
        if !self.network.policy().reminder {
            return None;
        }
        self.reauth_due_at().map(|due| REMINDER_LEAD.before(due))
    }

    /// R9 per offset (issue 21): the next reminder the current grant has
    /// still to send under `plan`, and its lead.
    pub fn next_reminder(&self, plan: &ReminderPlan) -> Option<(Instant, Lead)> {
        if !self.network.policy().reminder {
            return None;
        }
        plan.next(self.authorized_at, self.reauth_due_at()?, self.reminded)
    }

    /// The reminders of the current grant under `plan` still to go out,
    /// soonest first (each lead once per grant, R9c).
    pub fn pending_reminders(&self, plan: &ReminderPlan) -> Vec<Instant> {
        match (self.network.policy().reminder, self.reauth_due_at()) {
            (true, Some(due)) => plan
                .instants(self.authorized_at, due)
                .into_iter()
                .filter(|(_, lead)| self.reminded.is_none_or(|sent| *lead < sent))
                .map(|(at, _)| at)
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Every reminder of the current grant under `plan`, soonest first
    /// (none unless connected: only a connection has a deadline).
    pub fn reminders(&self, plan: &ReminderPlan) -> Vec<Instant> {
        match (self.network.policy().reminder, self.reauth_due_at()) {
            (true, Some(due)) => plan
                .instants(self.authorized_at, due)
                .into_iter()
                .map(|(at, _)| at)
                .collect(),
            _ => Vec::new(),
        }
    }

    /// R6f: connected and inside the reminder week: the UI warns and recommends
    /// disconnecting and reconnecting before the deadline.
    pub fn in_reminder_week(&self, now: Instant) -> bool {
        match (self.reminder_at(), self.reauth_due_at()) {
            (Some(from), Some(due)) => now >= from && now < due,
            _ => false,
        }
    }

    /// R6f: Reconnect is offered only for disconnected or expired accounts
    /// (and never for one deleted on the network, R6e).
    pub fn offers_reconnect(&self) -> bool {
        self.disconnection()
            .is_some_and(|d| d.reason != DisconnectReason::Deleted)
    }

    /// R5, R10b: Disconnect is offered only for connected accounts.
    pub fn offers_disconnect(&self) -> bool {
        self.is_connected()
    }

    /// R6, R7: until when a reconnect restores everything.
    pub fn reconnect_deadline(&self) -> Option<Instant> {
        self.disconnection()
            .map(|d| self.network.policy().reconnect_window.after(d.at))
    }

    /// E1: the purge warning, while it is still to go out.
    pub fn pending_purge_warning(&self) -> Option<Instant> {
        self.purge_warning_at().filter(|_| !self.purge_warning_sent)
    }

    /// E1: a week before the history is purged, while still disconnected.
    pub fn purge_warning_at(&self) -> Option<Instant> {
        match self.connection {
            ConnectionState::Disconnected(_) => {
                self.reconnect_deadline().map(|d| REMINDER_LEAD.before(d))
            }
            _ => None,
        }
    }

    /// R8: hidden from the Accounts list once disconnected 90 days or more.
    pub fn is_hidden(&self, now: Instant) -> bool {
        self.disconnection()
            .is_some_and(|d| d.at <= hidden_cutoff(now))
    }

    /// R8: when a disconnected account drops off the Accounts list.
    pub fn hidden_from(&self) -> Option<Instant> {
        self.disconnection().map(|d| HIDDEN_AFTER.after(d.at))
    }

    /// The instant that makes the account urgent: its reauthorization
    /// deadline while connected, the end of its reconnect window (the purge)
    /// while disconnected; none once expired or for a network that never asks
    /// again. "By urgency" lists the soonest first.
    pub fn urgent_at(&self) -> Option<Instant> {
        match self.connection {
            ConnectionState::Connected => self.reauth_due_at(),
            ConnectionState::Disconnected(_) => self.reconnect_deadline(),
            ConnectionState::Expired(_) => None,
        }
    }

    /// Whether someone should act on it now: inside the reminder week, or
    /// disconnected with a reconnect that restores everything.
    pub fn needs_attention(&self, now: Instant) -> bool {
        matches!(
            self.next_step(now),
            NextStep::ReminderWeek { .. } | NextStep::ReconnectBy { .. }
        )
    }

    /// What matters next for the account, decided once: the CLI and the TUI
    /// only word and colour it.
    pub fn next_step(&self, now: Instant) -> NextStep {
        match self.connection {
            ConnectionState::Connected => match self.reauth_due_at() {
                Some(due) if self.in_reminder_week(now) => NextStep::ReminderWeek { due },
                due => NextStep::Healthy { due },
            },
            ConnectionState::Disconnected(d) if d.reason == DisconnectReason::Deleted => {
                NextStep::CannotComeBack {
                    since: d.at,
                    purge_at: self.reconnect_deadline().unwrap_or(d.at),
                }
            }
            ConnectionState::Disconnected(d) => NextStep::ReconnectBy {
                reason: d.reason,
                since: d.at,
                deadline: self.reconnect_deadline().unwrap_or(d.at),
            },
            ConnectionState::Expired(d) => NextStep::Purged {
                reason: d.reason,
                purged_at: self.reconnect_deadline().unwrap_or(d.at),
            },
        }
    }

    /// R5: a disconnect, whatever its reason. Scheduled posts are canceled by
    /// the listing rule (`post::effective_status`), so nothing else is written.
    pub fn disconnect(
        &self,
        reason: DisconnectReason,
        at: Instant,
        by: Option<UserId>,
    ) -> Result<Account, StateRefusal> {
        if let Some(d) = self.disconnection() {
            return Err(StateRefusal::AlreadyDisconnectedFor(d.reason));
        }
        Ok(Account {
            connection: ConnectionState::Disconnected(Disconnection { reason, at, by }),
            purge_warning_sent: false,
            ..self.clone()
        })
    }

    /// R4: what a network report does. A connected account is disconnected; a
    /// disconnected one reported deleted becomes unreconnectable (R6e) but
    /// keeps its disconnect instant, so its window does not move.
    pub fn apply_network_report(
        &self,
        report: NetworkReport,
        at: Instant,
    ) -> Result<Account, StateRefusal> {
        match (self.connection, report) {
            (ConnectionState::Connected, _) => self.disconnect(report.reason(), at, None),
            (
                ConnectionState::Disconnected(d) | ConnectionState::Expired(d),
                NetworkReport::Deleted,
            ) if d.reason != DisconnectReason::Deleted => {
                let deleted = Disconnection {
                    reason: DisconnectReason::Deleted,
                    by: None,
                    ..d
                };
                let connection = match self.connection {
                    ConnectionState::Expired(_) => ConnectionState::Expired(deleted),
                    _ => ConnectionState::Disconnected(deleted),
                };
                Ok(Account {
                    connection,
                    ..self.clone()
                })
            }
            (_, _) => Err(StateRefusal::AlreadyDisconnectedFor(
                self.disconnection()
                    .map(|d| d.reason)
                    .unwrap_or(DisconnectReason::Manual),
            )),
        }
    }

    /// R6 inside the window, R7 after it.
    pub fn reconnect(&self, actor: UserId, now: Instant) -> Result<Reconnection, StateRefusal> {
        let Some(disconnection) = self.disconnection() else {
            return Err(StateRefusal::AlreadyConnected);
        };
        if disconnection.reason == DisconnectReason::Deleted {
            return Err(StateRefusal::DeletedOnNetwork);
        }
        let within_window = matches!(self.connection, ConnectionState::Disconnected(_))
            && self.reconnect_deadline().is_some_and(|end| now < end);
        if within_window {
            // R6a: a new grant by the acting user; the original connector stays.
            let account = Account {
                connection: ConnectionState::Connected,
                authorized_at: now,
                last_connector: actor,
                reminded: None,
                purge_warning_sent: false,
                ..self.clone()
            };
            Ok(Reconnection {
                account,
                // R6b: what was due while disconnected stays canceled, as missed.
                missed_through: Some(now),
                restored: true,
            })
        } else {
            // R7: a fresh connection with no history, keeping its id.
            let account =
                Account::connect_new(self.id, self.network, &self.handle, &self.name, actor, now);
            Ok(Reconnection {
                account,
                missed_through: None,
                restored: false,
            })
        }
    }

    /// R13: removal is confirmed by typing the account's handle (a leading
    /// `@` and letter case do not matter).
    pub fn check_removal_confirmation(&self, typed: &str) -> Result<(), StateRefusal> {
        let typed = typed.trim().trim_start_matches('@');
        if typed.eq_ignore_ascii_case(&self.handle) {
            Ok(())
        } else {
            Err(StateRefusal::WrongConfirmation {
                handle: self.handle.clone(),
            })
        }
    }

    /// R7: the reconnect window has passed.
    pub fn expire(&self) -> Account {
        let connection = match self.connection {
            ConnectionState::Disconnected(d) => ConnectionState::Expired(d),
            other => other,
        };
        Account {
            connection,
            ..self.clone()
        }
    }
}

/// The result of a reconnect (R6, R7).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reconnection {
    pub account: Account,
    /// R6b: posts canceled by the disconnect whose time is at or before this
    /// instant (now) are written as canceled with cause `missed`.
    pub missed_through: Option<Instant>,
    /// True inside the window (R6), false for a fresh start (R7).
    pub restored: bool,
}

/// R8: accounts disconnected at or before this instant are hidden at `now`.
pub fn hidden_cutoff(now: Instant) -> Instant {
    HIDDEN_AFTER.before(now)
}
