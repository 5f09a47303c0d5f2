//! The words of refusals (lifecycle::refusal), in the current language:
//! what was refused and what to do next.

use crate::lifecycle::policy::Tier;
use crate::lifecycle::refusal::{Denial, StateRefusal, UserId, WhoMay};
use crate::tr;

impl StateRefusal {
    pub fn message(&self) -> String {
        match self {
            StateRefusal::AlreadyConnected => tr!("refusal-already-connected"),
            StateRefusal::NotConnected => tr!("refusal-not-connected"),
            StateRefusal::DeletedOnNetwork => tr!("refusal-deleted-on-network"),
            StateRefusal::AlreadyDisconnectedFor(reason) => {
                tr!("refusal-already-disconnected", reason = reason.name())
            }
            StateRefusal::ClockBackwards { now, swept_until } => tr!(
                "refusal-clock-backwards",
                swept = crate::present::when(*swept_until),
                now = crate::present::when(*now)
            ),
            StateRefusal::NotInTheFuture { at, now } => tr!(
                "refusal-not-in-the-future",
                at = crate::present::when(*at),
                now = crate::present::when(*now)
            ),
            StateRefusal::AccountNotConnected => tr!("refusal-account-not-connected"),
            StateRefusal::AccountExpired => tr!("refusal-account-expired"),
            StateRefusal::PostAlreadyPublished => tr!("refusal-post-published"),
            StateRefusal::PostAlreadyCanceled => tr!("refusal-post-canceled"),
            StateRefusal::WrongConfirmation { handle } => {
                tr!("refusal-wrong-confirmation", handle = handle)
            }
            StateRefusal::LastActiveSuperAdmin => tr!("refusal-last-super-admin"),
            StateRefusal::UserExists => tr!("refusal-user-exists"),
            StateRefusal::UserAlreadyDeactivated => tr!("refusal-user-deactivated"),
        }
    }
}

impl Denial {
    /// The refusal in words; `email_of` names users by email.
    pub fn message(&self, email_of: &dyn Fn(UserId) -> String) -> String {
        match self {
            Denial::Deactivated => tr!("denial-deactivated"),
            Denial::TierWithoutSocialTool(tier) => tr!(
                "denial-tier",
                tier = tier.label(),
                tiers = Tier::social_tiers_text()
            ),
            Denial::NotAllowed(who) => tr!("denial-only", who = who_may_text(who, email_of)),
        }
    }
}

fn who_may_text(who: &WhoMay, email_of: &dyn Fn(UserId) -> String) -> String {
    match who {
        WhoMay::TiersWithSocialTool => tr!("who-tiers", tiers = Tier::social_tiers_text()),
        WhoMay::SuperAdmins => tr!("who-super-admins"),
        WhoMay::OriginalConnector(id) => tr!("who-original-connector", email = email_of(*id)),
        WhoMay::AllAccessPublishers => tr!("who-all-access-publishers"),
        WhoMay::PublishersWithAccess { original, last } => {
            let (o, l) = (email_of(*original), email_of(*last));
            let connectors = if o == l {
                o
            } else {
                tr!("who-either", first = o, second = l)
            };
            tr!("who-publishers-with-access", connectors = connectors)
        }
        WhoMay::Viewers => tr!("who-viewers"),
        WhoMay::SelfOrSuperAdmins(id) => tr!("who-self-or-super-admins", email = email_of(*id)),
    }
}
