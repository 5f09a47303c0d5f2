//! Why a rule refuses an action: state refusals (exit 5) and permission or
//! tier refusals (exit 3). Their words, which say what to do next, are in
//! each language's catalog (`i18n::refusals`).

use super::account::DisconnectReason;
use super::policy::Tier;
use super::time::Instant;

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
