//! Who is notified (R9b, E1). Callers pass the candidates as they are at the
//! event's instant; these functions decide.

use super::account::{Account, ConnectionState};
use super::permission::User;
use super::refusal::UserId;
use super::time::Instant;

/// R9b: the last connector, every active user who created a post of the
/// account that is scheduled at that instant, and every active super admin;
/// each once. *Interpretation:* RULES.md names the last connector without
/// "active"; we read it as written, and the last connector is always told.
pub fn reminder_recipients(
    last_connector: &User,
    creators_of_scheduled_posts: &[User],
    super_admins: &[User],
) -> Vec<UserId> {
    let mut ids = vec![last_connector.id];
    ids.extend(
        creators_of_scheduled_posts
            .iter()
            .chain(super_admins.iter().filter(|u| u.super_admin))
            .filter(|u| u.active)
            .map(|u| u.id),
    );
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// E1: the last connector and every super admin, active users only.
pub fn purge_warning_recipients(last_connector: &User, super_admins: &[User]) -> Vec<UserId> {
    let mut ids: Vec<UserId> = std::iter::once(last_connector)
        .chain(super_admins.iter().filter(|u| u.super_admin))
        .filter(|u| u.active)
        .map(|u| u.id)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// What a queued message announces (R9's reminder, E1's purge warning).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    Reminder,
    PurgeWarning,
}

/// Why a queued message is no longer sent (issue 17, items 5 and 6): it
/// would tell someone something that is no longer true, or tell someone the
/// portal no longer sends to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stale {
    /// The deadline it names has passed.
    DeadlinePassed,
    /// The account was removed.
    AccountRemoved,
    /// The account's deadline is another one now (reconnected, or a
    /// network's inactivity clock restarted).
    DeadlineMoved,
    /// A reminder of an account that is no longer connected.
    AccountDisconnected,
    /// A purge warning of an account that was reconnected.
    AccountReconnected,
    /// A purge warning of an account already purged.
    AccountPurged,
    /// The recipient was deactivated.
    RecipientInactive,
    /// The recipient turned this channel off, or points it elsewhere now.
    ChannelChanged,
}

/// A queued message and the portal as it is when the watch would send it.
#[derive(Clone, Copy, Debug)]
pub struct Queued<'a> {
    pub notice: Notice,
    /// The instant the message names.
    pub deadline: Option<Instant>,
    /// The account now; None once removed.
    pub account: Option<&'a Account>,
    pub recipient_active: bool,
    /// Where the recipient's channel points now (None: turned off), and
    /// where the message was addressed.
    pub channel_now: Option<&'a str>,
    pub addressed_to: &'a str,
}

/// Whether a queued message still holds at `now`: sent only if it tells
/// the truth to someone who still wants it.
pub fn still_holds(queued: &Queued<'_>, now: Instant) -> Result<(), Stale> {
    if !queued.recipient_active {
        return Err(Stale::RecipientInactive);
    }
    if queued.channel_now != Some(queued.addressed_to) {
        return Err(Stale::ChannelChanged);
    }
    if queued.deadline.is_some_and(|deadline| now >= deadline) {
        return Err(Stale::DeadlinePassed);
    }
    let Some(account) = queued.account else {
        return Err(Stale::AccountRemoved);
    };
    match queued.notice {
        Notice::Reminder => match account.reauth_due_at() {
            Some(due) if Some(due) == queued.deadline => Ok(()),
            Some(_) => Err(Stale::DeadlineMoved),
            None if account.is_connected() => Err(Stale::DeadlineMoved),
            None => Err(Stale::AccountDisconnected),
        },
        Notice::PurgeWarning => match account.connection {
            ConnectionState::Connected => Err(Stale::AccountReconnected),
            ConnectionState::Expired(_) => Err(Stale::AccountPurged),
            ConnectionState::Disconnected(_) if account.reconnect_deadline() == queued.deadline => {
                Ok(())
            }
            ConnectionState::Disconnected(_) => Err(Stale::DeadlineMoved),
        },
    }
}
