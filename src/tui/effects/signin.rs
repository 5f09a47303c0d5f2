//! A sign-in at a real network (issue 20): started from the Connect
//! dialog, run on a worker, and, once the network says who signed in, the
//! connect of the rules with the grant kept sealed.

use super::backend::Backend;
use super::reload::{opened, reload};
use crate::error::{Error, Result};
use crate::lifecycle::Network;
use crate::tui::dialogs::{DeviceCodeView, Dialog, SignInDialog};
use crate::tui::effect::Seen;
use crate::tui::message::Msg;
use crate::tui::signin::{Report, SignIn};
use crate::tui::state::App;

/// The network's client, when the config file registers one.
pub fn real_client(backend: &Backend, network: Network) -> Option<crate::oauth::Client> {
    backend
        .networks
        .iter()
        .find(|c| c.network == network)
        .cloned()
}

/// The networks the config file registers.
pub fn real_networks(backend: &Backend) -> Vec<Network> {
    backend.networks.iter().map(|c| c.network).collect()
}

/// Starts the device sign-in for a real network: the dialog asks for the
/// code while the worker fetches it.
/// `reconnect`: the account a reconnect signs in for (its login must be
/// its own); else a new account is connected.
pub fn start(
    backend: &mut Backend,
    client: crate::oauth::Client,
    reconnect: Option<Seen>,
) -> Result<Vec<Msg>> {
    let network = client.network;
    if let Some(previous) = backend.sign_in.take() {
        previous.stop();
    }
    backend.sign_in = Some(SignIn::start(client, reconnect));
    Ok(vec![opened(Dialog::SignIn(SignInDialog::new(network)))])
}

/// Esc: the worker stops at its next wait.
pub fn cancel(backend: &mut Backend) -> Result<Vec<Msg>> {
    if let Some(sign_in) = backend.sign_in.take() {
        sign_in.stop();
        return Ok(vec![Msg::Done(crate::tr!("toast-sign-in-stopped"))]);
    }
    Ok(Vec::new())
}

/// The worker's news: the code for the dialog, and at the end the
/// account connected (or why not). Returns whether a sign-in goes on.
pub fn signin_reports(backend: &mut Backend, app: &App) -> (Vec<Msg>, bool) {
    // Grants a disconnect ended that the network could not be told of.
    let warnings: Vec<Msg> = backend
        .withdrawal_warnings()
        .into_iter()
        .map(Msg::Failed)
        .collect();
    if !warnings.is_empty() {
        return (warnings, backend.sign_in.is_some());
    }
    let Some(sign_in) = &backend.sign_in else {
        return (Vec::new(), false);
    };
    let network = sign_in.client.network;
    let reconnect = sign_in.reconnect;
    let Some(reports) = sign_in.reports() else {
        backend.sign_in = None;
        return (Vec::new(), false);
    };
    let mut messages = Vec::new();
    for report in reports {
        match report {
            Report::Code {
                user_code,
                url,
                complete,
                expires_at,
            } => messages.push(Msg::SignInCode(DeviceCodeView {
                user_code,
                url,
                complete,
                expires_at,
            })),
            Report::Failed(why) => {
                backend.sign_in = None;
                messages.push(Msg::SignInEnded);
                messages.push(Msg::Failed(why));
            }
            Report::Done(done) => {
                backend.sign_in = None;
                messages.push(Msg::SignInEnded);
                messages.extend(
                    connect(backend, app, (network, reconnect), &done)
                        .unwrap_or_else(|e| super::reload::report(backend, app, &e)),
                );
            }
        }
    }
    let going = backend.sign_in.is_some();
    (messages, going)
}

/// The connect of the rules for the account the network named.
fn connect(
    backend: &mut Backend,
    app: &App,
    (network, reconnect): (Network, Option<Seen>),
    (grant, identity): &(crate::oauth::Grant, crate::oauth::Identity),
) -> Result<Vec<Msg>> {
    let dir = match &backend.data_dir {
        Some(dir) => dir.clone(),
        None => crate::files::data_dir()?,
    };
    let vault = crate::oauth::vault::Vault::open(&dir, true)?
        .ok_or_else(|| Error::other("vault_key", crate::tr!("error-vault-missing")))?;
    let done = backend.run(|s| match reconnect {
        Some(seen) => crate::store::grant_actions::reconnect_authorized(
            s,
            (seen.id, Some(seen.version)),
            (identity, grant),
            &vault,
        ),
        None => crate::store::grant_actions::connect_authorized(
            s,
            network,
            (identity, grant),
            None,
            &vault,
        ),
    })?;
    let mut messages = vec![Msg::Done(crate::tr!(
        "toast-signed-in",
        network = network.label(),
        handle = done.account.account.handle.clone()
    ))];
    messages.extend(reload(backend, app)?);
    Ok(messages)
}

/// What the account detail says of a kept grant: its scopes, and whether
/// this machine's vault key opens it.
pub fn shown(
    backend: &Backend,
    kept: &crate::store::grants::StoredGrant,
) -> crate::tui::dialogs::detail::GrantShown {
    let readable = backend
        .data_dir
        .as_deref()
        .and_then(|dir| crate::oauth::vault::Vault::open(dir, false).ok().flatten())
        .and_then(|vault| vault.open_sealed(&kept.sealed_access, kept.account_id))
        .is_some();
    crate::tui::dialogs::detail::GrantShown {
        scopes: kept.scopes.clone(),
        readable,
    }
}
