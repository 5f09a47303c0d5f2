//! Who may do what (R2, R10).

use super::account::Account;
use super::policy::Tier;
use super::refusal::{Denial, UserId, WhoMay};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SocialAccess {
    None,
    Own,
    All,
}

impl SocialAccess {
    pub const ALL: [SocialAccess; 3] = [SocialAccess::None, SocialAccess::Own, SocialAccess::All];

    pub fn name(self) -> &'static str {
        match self {
            SocialAccess::None => "none",
            SocialAccess::Own => "own",
            SocialAccess::All => "all",
        }
    }

    pub fn parse(text: &str) -> Result<SocialAccess, super::ParseError> {
        match text.trim().to_ascii_lowercase().as_str() {
            "none" => Ok(SocialAccess::None),
            "own" => Ok(SocialAccess::Own),
            "all" => Ok(SocialAccess::All),
            _ => Err(super::ParseError::UnknownAccess(text.to_string())),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User {
    pub id: UserId,
    pub email: String,
    pub name: String,
    pub super_admin: bool,
    pub access: SocialAccess,
    pub can_publish: bool,
    pub active: bool,
}

impl User {
    pub fn role(&self) -> &'static str {
        match (self.super_admin, self.access, self.can_publish) {
            (true, _, _) => "super_admin",
            (false, SocialAccess::All, true) => "publisher",
            (false, SocialAccess::Own, true) => "own_publisher",
            (false, SocialAccess::None, _) => "no_social_access",
            (false, _, false) => "viewer",
        }
    }
}

/// What a user attempts.
#[derive(Clone, Copy, Debug)]
pub enum Attempt<'a> {
    /// R10d: see accounts, posts and the activity of the social tool.
    ViewSocial,
    /// R10a: connect a new account.
    Connect,
    /// R10a, R10c: reconnect (anyone allowed; the UI recommends the original connector).
    Reconnect(&'a Account),
    /// R10b
    Disconnect(&'a Account),
    /// R10b, R13
    Remove(&'a Account),
    /// R10f: schedule, draft, cancel or reschedule a post of the account.
    Post(&'a Account),
    /// See the portal's users: any active user.
    ViewUsers,
    /// Users and the tier are a super admin's.
    Administer,
    /// Read an inbox: one's own, or anyone's as a super admin.
    ReadInbox(UserId),
    /// Where an inbox's messages are delivered (email, webhook, language)
    /// and its failed deliveries retried: one's own, or anyone's as a super
    /// admin.
    ManageInbox(UserId),
    /// See every inbox's deliveries at once: a super admin's.
    ReadEveryInbox,
}

impl Attempt<'_> {
    fn is_social(&self) -> bool {
        !matches!(
            self,
            Attempt::Administer
                | Attempt::ViewUsers
                | Attempt::ReadInbox(_)
                | Attempt::ManageInbox(_)
                | Attempt::ReadEveryInbox
        )
    }
}

/// R2, R10. Deactivated users may do nothing; the tier locks the social tool
/// for everybody; an active super admin may do everything else.
pub fn authorize(user: &User, tier: Tier, attempt: Attempt<'_>) -> Result<(), Denial> {
    if !user.active {
        return Err(Denial::Deactivated);
    }
    if attempt.is_social() && !tier.has_social_tool() {
        return Err(Denial::TierWithoutSocialTool(tier));
    }
    if user.super_admin {
        return Ok(());
    }
    let all_access_publisher = user.access == SocialAccess::All && user.can_publish;
    let allowed = match attempt {
        Attempt::ViewSocial => user.access != SocialAccess::None,
        Attempt::Connect | Attempt::Reconnect(_) => all_access_publisher,
        Attempt::Disconnect(account) | Attempt::Remove(account) => {
            account.original_connector == user.id
        }
        Attempt::Post(account) => {
            user.can_publish
                && match user.access {
                    SocialAccess::All => true,
                    SocialAccess::Own => {
                        account.original_connector == user.id || account.last_connector == user.id
                    }
                    SocialAccess::None => false,
                }
        }
        Attempt::ViewUsers => true,
        Attempt::Administer | Attempt::ReadEveryInbox => false,
        Attempt::ReadInbox(owner) | Attempt::ManageInbox(owner) => owner == user.id,
    };
    if allowed {
        return Ok(());
    }
    let who = match attempt {
        Attempt::ViewSocial => WhoMay::Viewers,
        Attempt::Connect | Attempt::Reconnect(_) => WhoMay::AllAccessPublishers,
        Attempt::Disconnect(account) | Attempt::Remove(account) => {
            WhoMay::OriginalConnector(account.original_connector)
        }
        Attempt::Post(account) => WhoMay::PublishersWithAccess {
            original: account.original_connector,
            last: account.last_connector,
        },
        Attempt::Administer | Attempt::ViewUsers | Attempt::ReadEveryInbox => WhoMay::SuperAdmins,
        Attempt::ReadInbox(owner) | Attempt::ManageInbox(owner) => WhoMay::SelfOrSuperAdmins(owner),
    };
    Err(Denial::NotAllowed(who))
}

/// R10c: reconnecting as someone other than the original connector is allowed,
/// but the original connector is recommended.
pub fn recommended_reconnector(account: &Account, actor: UserId) -> Option<UserId> {
    (account.original_connector != actor).then_some(account.original_connector)
}

/// A portal keeps at least one active super admin, or nobody could manage it.
pub fn check_deactivation(
    target: &User,
    active_super_admins: i64,
) -> Result<(), super::refusal::StateRefusal> {
    use super::refusal::StateRefusal;
    if !target.active {
        return Err(StateRefusal::UserAlreadyDeactivated);
    }
    if target.super_admin && active_super_admins <= 1 {
        return Err(StateRefusal::LastActiveSuperAdmin);
    }
    Ok(())
}
