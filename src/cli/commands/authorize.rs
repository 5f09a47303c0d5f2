//! Real networks from the command line (issue 20): `account connect
//! NETWORK --authorize [--device]` and `account reconnect ID --authorize`
//! sign in at the network (never inside a transaction), and what a
//! disconnect or a removal ended is withdrawn there after the commit.

use std::io::Write;

use super::parsed;
use crate::cli::output::Output;
use crate::error::{Error, Result};
use crate::lifecycle::Network;

/// The network's client in the config file, or why it is simulated.
fn client_of(network: Network) -> Result<crate::oauth::Client> {
    let config = crate::tui::config::load_strict(crate::tui::config::default_path().as_deref())?;
    config
        .networks
        .into_iter()
        .find(|c| c.network == network)
        .ok_or_else(|| {
            Error::usage(crate::tr!(
                "error-no-network-client",
                network = network.label(),
                name = network.name()
            ))
        })
}

/// The device sign-in (RFC 8628): the page and the code on stderr, then
/// the wait (a stop signal ends it), then who signed in.
fn sign_in(
    client: &crate::oauth::Client,
    device: bool,
) -> Result<(crate::oauth::Grant, crate::oauth::Identity)> {
    let stop = crate::signals::StopRequest::watch();
    // A stop during an exchange (up to its deadline) ends the process anyway.
    let _honoured = stop.end_if_not_honoured(std::time::Duration::from_secs(1));
    if !device {
        let sign_in = crate::oauth::browser::start(client)?;
        let wait = std::time::Duration::from_secs(300);
        eprintln!(
            "{}\n{}",
            crate::tr!(
                "oauth-browser-prompt",
                network = client.network.label(),
                minutes = wait.as_secs() / 60
            ),
            crate::present::escape_control(&sign_in.url)
        );
        crate::oauth::browser::open_in_desktop(&sign_in.url);
        let grant = sign_in.finish(client, wait, &|| stop.raised())?;
        let identity = crate::oauth::identity(client, &grant)?;
        return Ok((grant, identity));
    }
    let code = crate::oauth::start_device(client)?;
    let minutes = code
        .expires_at
        .saturating_duration_since(std::time::Instant::now())
        .as_secs()
        .div_ceil(60);
    eprintln!(
        "{}",
        crate::tr!(
            "oauth-device-prompt",
            network = client.network.label(),
            url = code.verification_uri.clone(),
            code = code.user_code.clone(),
            minutes = minutes
        )
    );
    if let Some(complete) = &code.verification_uri_complete {
        eprintln!(
            "{}",
            crate::tr!("oauth-device-open", url = complete.clone())
        );
    }
    let grant = crate::oauth::poll_device(client, &code, &|| stop.raised())?;
    let identity = crate::oauth::identity(client, &grant)?;
    Ok((grant, identity))
}

/// `account connect NETWORK --authorize --device`: R10a is checked first (a
/// refusal is audited), then the user signs in at the network with no
/// transaction open (nothing holds the portal while the network is asked),
/// then the account the network named is connected in one transaction.
pub fn connect_authorized<W: Write>(
    cli: &crate::cli::args::Cli,
    out: &mut Output<W>,
    (network, handle, name): (&str, Option<&str>, Option<&str>),
    device: bool,
) -> Result<()> {
    if handle.is_some() {
        return Err(Error::usage(crate::tr!("error-authorize-handle")));
    }
    let network = parsed(Network::parse(network), "unknown_network")?;
    let client = client_of(network)?;
    let mut portal = crate::store::Portal::open(&super::database_path(cli)?)?;
    let (now_flag, actor) = (super::now_flag(cli)?, cli.global.as_user.as_deref());
    portal.run(now_flag, actor, crate::store::previews::connect)?;
    let (grant, identity) = sign_in(&client, device)?;
    let vault = vault(true)?;
    let (done, now) = portal.run(now_flag, actor, |session| {
        let done = crate::store::grant_actions::connect_authorized(
            session,
            network,
            (&identity, &grant),
            name,
            &vault,
        )?;
        Ok((done, session.instant()))
    })?;
    out.show(&super::account::Connected { done, now })
}

/// `account reconnect ID --authorize --device`: as a connect, and the login
/// must be the account's own (its network id, else its handle).
pub fn reconnect_authorized<W: Write>(
    cli: &crate::cli::args::Cli,
    out: &mut Output<W>,
    (ids, if_version): (&[i64], Option<i64>),
    device: bool,
) -> Result<()> {
    let [id] = ids else {
        return Err(Error::usage(crate::tr!("error-authorize-one")));
    };
    let mut portal = crate::store::Portal::open(&super::database_path(cli)?)?;
    let (now_flag, actor) = (super::now_flag(cli)?, cli.global.as_user.as_deref());
    let preview = portal.run(now_flag, actor, |s| {
        crate::store::previews::reconnect(s, *id)
    })?;
    let client = client_of(preview.account.account.network)?;
    let (grant, identity) = sign_in(&client, device)?;
    let vault = vault(true)?;
    let (done, now) = portal.run(now_flag, actor, |session| {
        let done = crate::store::grant_actions::reconnect_authorized(
            session,
            (*id, if_version),
            (&identity, &grant),
            &vault,
        )?;
        Ok((done, session.instant()))
    })?;
    out.show(&super::account::Connected { done, now })
}

/// The vault of grants' tokens, in the data directory (made when `create`).
fn vault(create: bool) -> Result<crate::oauth::vault::Vault> {
    crate::oauth::vault::Vault::open(&super::data_dir()?, create)?
        .ok_or_else(|| Error::other("vault_key", crate::tr!("error-vault-missing")))
}

/// Grants a disconnect or a removal ended: withdrawn at their networks
/// (RFC 7009); what could not be, said on stderr, never undoing the change.
pub fn revoke_ended(ended: &[(crate::store::grants::StoredGrant, Network)]) {
    if ended.is_empty() {
        return;
    }
    let clients = crate::tui::config::load(crate::tui::config::default_path().as_deref())
        .0
        .networks;
    let vault = super::data_dir()
        .ok()
        .and_then(|dir| crate::oauth::vault::Vault::open(&dir, false).ok().flatten());
    for warning in crate::keeper::withdraw(ended, &clients, vault.as_ref()) {
        eprintln!("{warning}");
    }
}
