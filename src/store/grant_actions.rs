//! What a sign-in at the network does to the portal (issue 20): the connect
//! of the rules (R3, R8, R10a unchanged) for the account the network named,
//! audited (R14) with the scopes it granted, never a token.

use super::Session;
use super::actions::{self, Connected};
use super::audit::{self, Outcome};
use super::grants::{self, StoredGrant};
use crate::error::Result;
use crate::lifecycle::Network;
use crate::oauth::vault::Vault;
use crate::oauth::{Grant, Identity};

/// Connects (or, R8, reconnects) the account a grant is for, and keeps the
/// grant sealed.
pub fn connect_authorized(
    session: &mut Session<'_>,
    network: Network,
    (identity, grant): (&Identity, &Grant),
    name: Option<&str>,
    vault: &Vault,
) -> Result<Connected> {
    let scopes = &grant.scopes;
    let done = actions::connect(
        session,
        network,
        &identity.handle,
        Some(name.unwrap_or(&identity.name)),
    )?;
    let actor = session.require_actor()?;
    audit::record(
        session.conn(),
        session.instant(),
        &actor.email,
        "authorize",
        Some(done.account.account.id),
        Outcome::Ok,
        &crate::tr!(
            "audit-authorized",
            network = network.label(),
            handle = done.account.account.handle.clone(),
            scopes = scopes.join(" ")
        ),
        None,
    )?;
    keep(session, done.account.account.id, (identity, grant), vault)?;
    Ok(done)
}

/// Reconnects an account by a new sign-in (R6, R7, R10a unchanged): the
/// login must be the account's own, by the network's id when a grant was
/// kept, else by its handle.
pub fn reconnect_authorized(
    session: &mut Session<'_>,
    (id, seen_version): (crate::lifecycle::AccountId, Option<i64>),
    (identity, grant): (&Identity, &Grant),
    vault: &Vault,
) -> Result<Connected> {
    let account = super::accounts::require(session.conn(), id)?;
    let kept = grants::find(session.conn(), id)?;
    let login = actions::normalize_handle(&identity.handle).ok();
    if !crate::lifecycle::handle::same_login(
        kept.as_ref().map(|k| k.subject.as_str()),
        (&identity.id, login.as_deref()),
        &account.handle,
    ) {
        return Err(crate::error::Error::conflict(
            "another_login",
            crate::tr!(
                "error-another-login",
                login = identity.handle.clone(),
                handle = account.handle.clone()
            ),
        ));
    }
    // As the dialog (or `--if-version`) showed it: a sign-in takes minutes.
    let done = actions::reconnect(session, id, seen_version)?;
    let actor = session.require_actor()?;
    audit::record(
        session.conn(),
        session.instant(),
        &actor.email,
        "authorize",
        Some(id),
        Outcome::Ok,
        &crate::tr!(
            "audit-authorized",
            network = account.network.label(),
            handle = account.handle.clone(),
            scopes = grant.scopes.join(" ")
        ),
        None,
    )?;
    keep(session, id, (identity, grant), vault)?;
    Ok(done)
}

/// Seals and keeps the grant for the account.
fn keep(
    session: &Session<'_>,
    account_id: crate::lifecycle::AccountId,
    (identity, grant): (&Identity, &Grant),
    vault: &Vault,
) -> Result<()> {
    let now = crate::clock::system_clock().instant.timestamp();
    let stored = StoredGrant {
        account_id,
        subject: identity.id.clone(),
        scopes: grant.scopes.clone(),
        sealed_access: vault.seal(&grant.access_token, account_id)?,
        sealed_refresh: grant
            .refresh_token
            .as_ref()
            .map(|t| vault.seal(t, account_id))
            .transpose()?,
        access_expires_at: grant.expires_in.map(|d| now + d.as_secs() as i64),
        granted_at: session.instant(),
        checked_at: Some(now),
    };
    grants::save(session.conn(), &stored)
}
