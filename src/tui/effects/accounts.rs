//! The accounts' effects: the list window, the detail, the previews and the
//! actions of the Accounts tab, Connect account and bulk actions.

use super::backend::Backend;
use super::reload::{done_then_reload, load_accounts, opened, reload, reload_hovering};
use crate::error::{Error, Result};
use crate::lifecycle::handle::ConnectPlan;
use crate::lifecycle::{AccountId, Network};
use crate::store::accounts::{self, ListCursor};
use crate::store::actions::{self, Bulk};
use crate::store::previews;
use crate::tui::action::Action;
use crate::tui::dialogs::{self, ConnectChoice, ConnectEntry, Dialog};
use crate::tui::effect::{Effect, HoverAt, Seen, WindowAt};
use crate::tui::message::{Loaded, Msg};
use crate::tui::state::App;

pub fn perform(backend: &mut Backend, app: &App, effect: Effect) -> Result<Vec<Msg>> {
    match effect {
        Effect::LoadAccounts { anchor, hover } => {
            let window = load_accounts(backend, app, anchor, hover)?;
            Ok(vec![Msg::Loaded(Loaded::Accounts(window))])
        }
        Effect::OpenDetail(id) => {
            let (detail, kept) = backend.read(|s| {
                Ok((
                    previews::detail(s, id)?,
                    crate::store::grants::find(s.conn(), id)?,
                ))
            })?;
            let grant = kept.map(|kept| super::signin::shown(backend, &kept));
            Ok(vec![opened(Dialog::Detail(dialogs::Detail {
                detail,
                grant,
            }))])
        }
        Effect::PrepareDisconnect(id) => {
            let preview = backend.run(|s| previews::disconnect(s, id))?;
            let dialog = dialogs::Disconnect::new(preview);
            Ok(vec![opened(Dialog::Disconnect(dialog))])
        }
        Effect::PrepareReconnect(id) => {
            let preview = backend.run(|s| previews::reconnect(s, id))?;
            let dialog = dialogs::Reconnect::new(preview);
            Ok(vec![opened(Dialog::Reconnect(dialog))])
        }
        Effect::PrepareRemove(id) => {
            let preview = backend.run(|s| previews::remove(s, id))?;
            Ok(vec![opened(Dialog::Remove(dialogs::Remove::new(preview)))])
        }
        Effect::PrepareConnect => {
            // R10a; a refusal goes through the store, so it is audited (R10e).
            backend.run(previews::connect)?;
            let demo = app.session.as_ref().is_some_and(|s| s.demo);
            let real = if demo {
                Vec::new()
            } else {
                super::signin::real_networks(backend)
            };
            Ok(vec![opened(Dialog::Connect(dialogs::Connect::with_real(
                real,
            )))])
        }
        Effect::LoadConnectNetwork(network) => {
            // A registered network: its own sign-in (issue 20); on a demo
            // clock every network is simulated.
            let demo = app.session.as_ref().is_some_and(|s| s.demo);
            if let Some(client) = super::signin::real_client(backend, network).filter(|_| !demo) {
                return super::signin::start(backend, client, None);
            }
            let (known, now) = backend.read(|s| {
                Ok((
                    accounts::reconnectable_of_network(s.conn(), network, 200)?,
                    s.instant(),
                ))
            })?;
            let dialog = dialogs::Connect::accounts(network, known, now);
            Ok(vec![opened(Dialog::Connect(dialog))])
        }
        Effect::Disconnect(seen) => disconnect(backend, app, seen),
        Effect::Reconnect(seen) => reconnect(backend, app, seen),
        Effect::Remove(seen, typed) => {
            match backend.run(|s| actions::remove(s, seen.id, &typed, Some(seen.version))) {
                Ok(deleted) => {
                    let window = load_accounts(backend, app, WindowAt::Start, HoverAt::First)?;
                    Ok(vec![
                        Msg::Done(crate::tr!("toast-removed", count = deleted)),
                        Msg::Loaded(Loaded::Accounts(window)),
                    ])
                }
                Err(e) => show_again_if_changed(backend, app, e, Effect::PrepareRemove(seen.id)),
            }
        }
        Effect::ConnectAll(network, handles) => connect_all(backend, app, network, handles),
        Effect::CheckHandle {
            network,
            handle,
            name,
        } => {
            let checked = check_handle(backend, network, handle, name)?;
            Ok(vec![Msg::HandleChecked(checked)])
        }
        Effect::PrepareBulk(kind, ids) => {
            let lines = backend.run(|s| previews::bulk(s, kind, &ids))?;
            Ok(vec![opened(Dialog::Bulk(dialogs::BulkDialog::new(
                kind, lines,
            )))])
        }
        Effect::Bulk(kind, seen) => bulk(backend, app, kind, seen),
        _ => Ok(Vec::new()),
    }
}

fn disconnect(backend: &mut Backend, app: &App, seen: Seen) -> Result<Vec<Msg>> {
    match backend.run(|s| actions::disconnect(s, seen.id, Some(seen.version))) {
        Ok((record, canceled)) => {
            let toast = crate::tr!(
                "toast-disconnected",
                handle = record.account.handle.clone(),
                count = canceled
            );
            done_then_reload(backend, app, toast)
        }
        Err(e) => show_again_if_changed(backend, app, e, Effect::PrepareDisconnect(seen.id)),
    }
}

fn reconnect(backend: &mut Backend, app: &App, seen: Seen) -> Result<Vec<Msg>> {
    // A registered network: the reconnect is a new sign-in (issue 20).
    let demo = app.session.as_ref().is_some_and(|s| s.demo);
    let network = backend
        .read(|s| accounts::require(s.conn(), seen.id))?
        .network;
    if let Some(client) = super::signin::real_client(backend, network).filter(|_| !demo) {
        return super::signin::start(backend, client, Some(seen));
    }
    let done = match backend.run(|s| actions::reconnect(s, seen.id, Some(seen.version))) {
        Ok(done) => done,
        Err(e) => {
            return show_again_if_changed(backend, app, e, Effect::PrepareReconnect(seen.id));
        }
    };
    let id = done.account.account.id;
    let reschedule = if done.missed_posts > 0 {
        format!(
            " · {}",
            crate::tr!(
                "toast-press-to-reschedule",
                key = app.keymap.key_label(Action::Reschedule)
            )
        )
    } else {
        String::new()
    };
    let toast = format!(
        "{}{reschedule}",
        crate::tr!(
            "toast-reconnected",
            handle = done.account.account.handle.clone(),
            resumed = done.resumed_posts,
            missed = done.missed_posts
        )
    );
    let mut messages = vec![
        Msg::Done(toast),
        Msg::Reconnected {
            account: id,
            missed: done.missed_posts > 0,
        },
    ];
    messages.extend(reload_hovering(backend, app, HoverAt::Id(id))?);
    Ok(messages)
}

/// The Connect dialog's typed handle, checked against the portal: a new
/// account, a known one a reconnect brings back, or why it cannot be added.
/// The whole check the command line makes, then lifecycle's one decision
/// (issue 19, item 2).
fn check_handle(
    backend: &mut Backend,
    network: Network,
    handle: String,
    name: Option<String>,
) -> Result<std::result::Result<ConnectEntry, String>> {
    let name = match name.map(|n| actions::check_name(&n, actions::Field::AccountName)) {
        Some(Err(e)) => return Ok(Err(e.to_string())),
        Some(Ok(n)) => Some(n),
        None => None,
    };
    let handle = match actions::normalize_handle(&handle) {
        Ok(handle) => handle,
        Err(e) => return Ok(Err(e.to_string())),
    };
    let (known, others) = backend.read(|s| {
        let known = match accounts::find_by_handle(s.conn(), network, &handle)? {
            Some(account) => Some(accounts::record(s.conn(), account.id)?),
            None => None,
        };
        let others = match known {
            Some(_) => Vec::new(),
            None => accounts::handles_of_network(s.conn(), network)?,
        };
        Ok((known, others))
    })?;
    let plan = crate::lifecycle::handle::plan(&handle, known.as_ref().map(|r| &r.account), &others);
    Ok(match plan {
        ConnectPlan::New => Ok(ConnectEntry {
            handle,
            name,
            known: None,
            locked: false,
            checked: true,
        }),
        ConnectPlan::AlreadyConnected(account) => Err(crate::tr!(
            "connect-already-connected",
            handle = account.handle.clone(),
            network = network.label()
        )),
        ConnectPlan::DeletedOnNetwork(account) => Err(crate::tr!(
            "connect-deleted",
            handle = account.handle.clone(),
            network = network.label()
        )),
        ConnectPlan::LooksLike {
            id,
            handle: existing,
        } => Err(crate::tr!(
            "error-handle-lookalike",
            handle = handle.clone(),
            existing = existing,
            id = id
        )),
        ConnectPlan::Reconnect(account) => Ok(ConnectEntry {
            handle: account.handle.clone(),
            name: None,
            known: known.clone(),
            locked: false,
            checked: true,
        }),
    })
}

/// Runs a bulk action; the marks go, and the toast (or a dialog, when some
/// were refused) gives each account's result.
fn bulk(backend: &mut Backend, app: &App, kind: Bulk, seen: Vec<Seen>) -> Result<Vec<Msg>> {
    let targets: Vec<(AccountId, Option<i64>)> =
        seen.iter().map(|s| (s.id, Some(s.version))).collect();
    let results = backend.run(|s| actions::bulk(s, kind, &targets))?;
    let done = results.iter().filter(|r| r.outcome.is_ok()).count();
    let failures: Vec<String> = results
        .iter()
        .filter_map(|r| match &r.outcome {
            Ok(_) => None,
            Err(e) => Some(format!("#{}: {e}", r.id)),
        })
        .collect();
    let mut messages = vec![Msg::MarksCleared];
    messages.extend(reload(backend, app)?);
    messages.push(if failures.is_empty() {
        Msg::Done(match kind {
            Bulk::Reconnect => crate::tr!("toast-bulk-reconnected", count = done),
            Bulk::Disconnect => crate::tr!("toast-bulk-disconnected", count = done),
            Bulk::Remove => crate::tr!("toast-bulk-removed", count = done),
        })
    } else {
        opened(Dialog::refused(
            crate::tr!("bulk-some-done", done = done, count = results.len()),
            failures.join("\n"),
        ))
    });
    Ok(messages)
}

/// Connects or reconnects each ticked handle, each as its own command.
fn connect_all(
    backend: &mut Backend,
    app: &App,
    network: Network,
    handles: Vec<ConnectChoice>,
) -> Result<Vec<Msg>> {
    let (mut connected, mut reconnected, mut failures) = (0, 0, Vec::new());
    let mut first = None;
    for choice in &handles {
        let handle = &choice.handle;
        let done = match choice.seen {
            Some(seen) => backend.run(|s| actions::reconnect(s, seen.id, Some(seen.version))),
            None => backend.run(|s| actions::connect(s, network, handle, choice.name.as_deref())),
        };
        match done {
            Ok(done) => {
                first.get_or_insert(ListCursor::of(&done.account.account));
                if done.reconnected {
                    reconnected += 1
                } else {
                    connected += 1
                }
            }
            Err(e) => failures.push(format!("@{handle}: {e}")),
        }
    }
    let mut messages = reload(backend, app)?;
    // Hover the first account connected, with the list around it.
    if let Some(cursor) = first {
        let id = cursor.id;
        let window = load_accounts(backend, app, WindowAt::Around(cursor), HoverAt::Id(id))?;
        messages.push(Msg::Loaded(Loaded::Accounts(window)));
    }
    messages.push(if failures.is_empty() {
        Msg::Done(crate::tr!(
            "toast-connect-done",
            network = network.label(),
            connected = connected,
            reconnected = reconnected
        ))
    } else {
        opened(Dialog::refused(
            crate::tr!(
                "connect-failures",
                failed = failures.len(),
                count = handles.len()
            ),
            failures.join("\n"),
        ))
    });
    Ok(messages)
}

/// A confirmed action refused because the account changed since its dialog
/// opened: the dialog is shown again, prepared from the account as it is now,
/// with a toast that says why.
fn show_again_if_changed(
    backend: &mut Backend,
    app: &App,
    error: Error,
    prepare: Effect,
) -> Result<Vec<Msg>> {
    if error.code() != "account_changed" {
        return Err(error);
    }
    let mut messages = reload(backend, app)?;
    messages.extend(
        perform(backend, app, prepare).unwrap_or_else(|e| super::reload::report(backend, app, &e)),
    );
    messages.push(Msg::Failed(crate::tr!("toast-account-changed")));
    Ok(messages)
}
