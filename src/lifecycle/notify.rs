//! Who is notified (R9b, E1). Callers pass the candidates as they are at the
//! event's instant; these functions decide.

use super::permission::User;
use super::refusal::UserId;

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
