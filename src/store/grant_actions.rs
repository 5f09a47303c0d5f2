//! What a sign-in at the network does to the portal (issue 20): the connect
//! of the rules (R3, R8, R10a unchanged) for the account the network named,
//! audited (R14) with the scopes it granted, never a token.

use super::Session;
use super::actions::{self, Connected};
use super::audit::{self, Outcome};
use crate::error::Result;
use crate::lifecycle::Network;
use crate::oauth::Identity;

/// Connects (or, R8, reconnects) the account a grant is for.
pub fn connect_authorized(
    session: &mut Session<'_>,
    network: Network,
    identity: &Identity,
    name: Option<&str>,
    scopes: &[String],
) -> Result<Connected> {
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
    Ok(done)
}
