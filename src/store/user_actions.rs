//! What super admins do to users (R10): add one, deactivate one. Each runs
//! inside a command's transaction, as the account actions do.

use super::actions::{Field, check_name, normalized, refuse_unsafe};
use super::audit::{self, Outcome};
use super::{NewUser, Session, users};
use crate::error::{Error, Result};
use crate::lifecycle::permission::{Attempt, check_deactivation};
use crate::lifecycle::{StateRefusal, User};

/// Checks an email address enough to catch typing mistakes; it is kept in
/// NFC and compared without regard to case.
pub fn check_email(email: &str) -> Result<String> {
    let email = normalized(email);
    refuse_unsafe(&email, Field::Email)?;
    let valid = email.len() <= 254
        && !email.chars().any(char::is_whitespace)
        && email.split_once('@').is_some_and(|(user, host)| {
            !user.is_empty() && host.contains('.') && !host.contains('@')
        });
    if !valid {
        return Err(Error::invalid(
            "bad_email",
            crate::tr!("error-bad-email", email = email),
        ));
    }
    Ok(email)
}

pub fn add_user(session: &mut Session<'_>, user: NewUser) -> Result<User> {
    let actor = session.require_actor()?;
    let conn = session.conn();
    let email = check_email(&user.email)?;
    let name = check_name(&user.name, Field::UserName)?;
    session.attempting("user_add", None);
    session.authorize(&actor, Attempt::Administer)?;
    if users::by_email(conn, &email)?.is_some() {
        return Err(StateRefusal::UserExists.into());
    }
    let id = users::insert(
        conn,
        &NewUser {
            email: email.clone(),
            name,
            ..user
        },
    )?;
    let added = users::by_id(conn, id)?;
    audit::record(
        conn,
        session.instant(),
        &actor.email,
        "user_add",
        None,
        Outcome::Ok,
        &crate::tr!(
            "audit-user-added",
            email = email.clone(),
            role = added.role()
        ),
        None,
    )?;
    Ok(added)
}

pub fn deactivate_user(session: &mut Session<'_>, email: &str) -> Result<User> {
    let actor = session.require_actor()?;
    let conn = session.conn();
    let target = users::require_by_email(conn, email)?;
    session.attempting("user_deactivate", None);
    session.authorize(&actor, Attempt::Administer)?;
    check_deactivation(&target, users::active_super_admin_count(conn)?)?;
    users::deactivate(conn, target.id)?;
    audit::record(
        conn,
        session.instant(),
        &actor.email,
        "user_deactivate",
        None,
        Outcome::Ok,
        &crate::tr!("audit-user-deactivated", email = target.email.clone()),
        None,
    )?;
    users::by_id(conn, target.id)
}
