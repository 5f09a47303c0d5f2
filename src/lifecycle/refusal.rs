//! Why a rule refuses an action: state refusals (exit 5) and permission or
//! tier refusals (exit 3). Each message says what to do next.

use super::account::DisconnectReason;
use super::policy::Tier;
use super::time::{Instant, format_instant};

pub type UserId = i64;

/// Refused by the state of the portal (CLI exit 5).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StateRefusal {
    AlreadyConnected,
    NotConnected,
    /// R6e
    DeletedOnNetwork,
    AlreadyDisconnectedFor(DisconnectReason),
    /// T4: the command's instant is before the last swept instant.
    ClockBackwards {
        now: Instant,
        swept_until: Instant,
    },
    /// R10f: scheduling needs a future instant.
    NotInTheFuture {
        at: Instant,
        now: Instant,
    },
    /// R10f: scheduling needs a connected account.
    AccountNotConnected,
    /// Drafting on an account whose history was purged (R7).
    AccountExpired,
    PostAlreadyPublished,
    PostAlreadyCanceled,
    /// R13: the typed handle does not match.
    WrongConfirmation {
        handle: String,
    },
    LastActiveSuperAdmin,
    UserExists,
    UserAlreadyDeactivated,
}

impl StateRefusal {
    pub fn message(&self) -> String {
        match self {
            StateRefusal::AlreadyConnected => {
                "the account is already connected: nothing to reconnect (disconnect it first to start a new grant)".into()
            }
            StateRefusal::NotConnected => {
                "the account is not connected: reconnect it first".into()
            }
            StateRefusal::DeletedOnNetwork => {
                "the account was deleted on the network and cannot be reconnected (R6e): connect the account the network has now, or remove this one".into()
            }
            StateRefusal::AlreadyDisconnectedFor(reason) => format!(
                "the account is already disconnected ({}): nothing changes",
                reason.name()
            ),
            StateRefusal::ClockBackwards { now, swept_until } => format!(
                "the portal has already been brought up to {}, and {} is earlier: a portal's clock never goes backwards; act at {} or later (--now, or clock set)",
                format_instant(*swept_until),
                format_instant(*now),
                format_instant(*swept_until)
            ),
            StateRefusal::NotInTheFuture { at, now } => format!(
                "{} is not in the future (now is {}): pick a later instant",
                format_instant(*at),
                format_instant(*now)
            ),
            StateRefusal::AccountNotConnected => {
                "the account is not connected, so nothing can be scheduled on it: reconnect it first".into()
            }
            StateRefusal::AccountExpired => {
                "the account's history was purged when its reconnect window ended: reconnect it first".into()
            }
            StateRefusal::PostAlreadyPublished => {
                "the post is already published: it cannot be canceled or rescheduled; schedule a new post instead".into()
            }
            StateRefusal::PostAlreadyCanceled => {
                "the post is already canceled by a user: reschedule it with 'post reschedule ID --at ...' to bring it back".into()
            }
            StateRefusal::WrongConfirmation { handle } => format!(
                "the confirmation does not match the account's handle: pass --confirm {handle} to remove it"
            ),
            StateRefusal::LastActiveSuperAdmin => {
                "this is the last active super admin: add another super admin first".into()
            }
            StateRefusal::UserExists => {
                "a user with this email already exists: see 'user list'".into()
            }
            StateRefusal::UserAlreadyDeactivated => "the user is already deactivated".into(),
        }
    }
}

/// Who may do what was refused, named in the refusal (R10e).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WhoMay {
    /// R2: a tier that includes the social tool.
    TiersWithSocialTool,
    SuperAdmins,
    /// R10b: the account's original connector, or a super admin.
    OriginalConnector(UserId),
    /// R10a: users with social access `all` and the publish permission.
    AllAccessPublishers,
    /// R10f: publishers with access `all`, or `own` for these connectors.
    PublishersWithAccess {
        original: UserId,
        last: UserId,
    },
    /// R10d: users with social access `own` or `all`.
    Viewers,
    /// A super admin, or the user themself.
    SelfOrSuperAdmins(UserId),
}

/// Refused by permission or tier (CLI exit 3).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Denial {
    /// R10: a deactivated user may do nothing.
    Deactivated,
    /// R2
    TierWithoutSocialTool(Tier),
    NotAllowed(WhoMay),
}

impl Denial {
    /// The refusal in words; `email_of` names users by email.
    pub fn message(&self, email_of: &dyn Fn(UserId) -> String) -> String {
        match self {
            Denial::Deactivated => {
                "your user is deactivated and may do nothing: ask a super admin".into()
            }
            Denial::TierWithoutSocialTool(tier) => format!(
                "the social tool is not included in the {} tier: it comes with {} (a super admin can run 'tier set')",
                tier.label(),
                Tier::social_tiers_text()
            ),
            Denial::NotAllowed(who) => format!("only {} may do this", who_may_text(who, email_of)),
        }
    }
}

fn who_may_text(who: &WhoMay, email_of: &dyn Fn(UserId) -> String) -> String {
    match who {
        WhoMay::TiersWithSocialTool => format!("portals on {}", Tier::social_tiers_text()),
        WhoMay::SuperAdmins => "a super admin".into(),
        WhoMay::OriginalConnector(id) => format!(
            "the account's original connector ({}) or a super admin",
            email_of(*id)
        ),
        WhoMay::AllAccessPublishers => {
            "users with social access 'all' and the publish permission, or a super admin".into()
        }
        WhoMay::PublishersWithAccess { original, last } => {
            let (o, l) = (email_of(*original), email_of(*last));
            let connectors = if o == l { o } else { format!("{o} or {l}") };
            format!(
                "users with the publish permission and social access 'all' (or 'own', for {connectors}), or a super admin"
            )
        }
        WhoMay::Viewers => "users with social access 'own' or 'all', or a super admin".into(),
        WhoMay::SelfOrSuperAdmins(id) => format!("{} or a super admin", email_of(*id)),
    }
}
