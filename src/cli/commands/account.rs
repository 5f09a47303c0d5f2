//! `account connect|reconnect|disconnect|remove|list|show|export` and
//! `network-event`.

use std::io::Write;
use std::path::Path;

use serde_json::{Value, json as j};

use super::parsed;
use crate::cli::args::{AccountCommand, Page};
use crate::cli::output::{Listing, Output, Shown, csv_text, io_error};
use crate::cli::{human, json};
use crate::error::{Error, Result};
use crate::lifecycle::account::NetworkReport;
use crate::lifecycle::time::format_instant;
use crate::lifecycle::{AccountId, Instant, Network, StateFilter};
use crate::store::accounts::{ListFilter, ListOrder};
use crate::store::reads::{self, HistoryItem};
use crate::store::{AccountRecord, Session, accounts, actions};

pub fn run<W: Write>(
    session: &mut Session<'_>,
    out: &mut Output<W>,
    command: &AccountCommand,
) -> Result<()> {
    let now = session.instant();
    match command {
        AccountCommand::Connect {
            network,
            handle,
            name,
            ..
        } => {
            let network = parsed(Network::parse(network), "unknown_network")?;
            let handle = handle.as_deref().unwrap_or_default();
            let done = actions::connect(session, network, handle, name.as_deref())?;
            out.show(&Connected { done, now })
        }
        AccountCommand::Reconnect { ids, guard, .. } if ids.len() > 1 => several(
            session,
            out,
            actions::Bulk::Reconnect,
            ids,
            guard.if_version,
        ),
        AccountCommand::Disconnect { ids, guard } if ids.len() > 1 => several(
            session,
            out,
            actions::Bulk::Disconnect,
            ids,
            guard.if_version,
        ),
        AccountCommand::Reconnect { ids, guard, .. } => {
            let done = actions::reconnect(session, ids[0], guard.if_version)?;
            out.show(&Connected { done, now })
        }
        AccountCommand::Disconnect { ids, guard } => {
            let (record, canceled) = actions::disconnect(session, ids[0], guard.if_version)?;
            out.show(&Disconnected {
                record,
                canceled,
                now,
            })
        }
        AccountCommand::Remove { id, confirm, guard } => {
            let record = accounts::record(session.conn(), *id)?;
            let deleted = actions::remove(session, *id, confirm, guard.if_version)?;
            out.show(&Removed { record, deleted })
        }
        AccountCommand::List {
            all,
            status,
            network,
            sort,
            page,
            ..
        } => list(session, out, *all, status, network, sort, page),
        AccountCommand::Show { id } => {
            let detail = reads::account(session, *id)?;
            // Whether this machine's vault key opens its grant (a lost key
            // loses the grants, nothing else).
            let readable = detail.grant.as_ref().map(|grant| {
                super::data_dir()
                    .ok()
                    .and_then(|dir| crate::oauth::vault::Vault::open(&dir, false).ok().flatten())
                    .and_then(|vault| vault.open_sealed(&grant.sealed_access, *id))
                    .is_some()
            });
            out.show(&Detail {
                detail,
                readable,
                now,
            })
        }
        AccountCommand::Export { id, output } => export(session, out, *id, output.as_deref()),
    }
}

pub(super) struct Connected {
    pub(super) done: actions::Connected,
    pub(super) now: Instant,
}

impl Shown for Connected {
    fn json(&self) -> Value {
        let mut doc = json::account(&self.done.account, self.now);
        doc["reconnected"] = self.done.reconnected.into();
        doc["resumed_posts"] = self.done.resumed_posts.into();
        doc["missed_posts"] = self.done.missed_posts.into();
        doc
    }

    fn human(&self) -> String {
        let done = &self.done;
        let a = &done.account.account;
        if !done.reconnected {
            return crate::tr!(
                "cli-connected",
                network = a.network.label(),
                handle = a.handle.clone(),
                id = a.id
            );
        }
        let mut text = crate::tr!(
            "cli-reconnected",
            network = a.network.label(),
            handle = a.handle.clone(),
            resumed = done.resumed_posts,
            missed = done.missed_posts
        );
        if done.account.original_connector != done.account.last_connector {
            text.push('\n');
            text.push_str(&crate::tr!(
                "cli-reconnected-note",
                who = done.account.original_connector.clone()
            ));
        }
        text
    }
}

struct Disconnected {
    record: AccountRecord,
    canceled: i64,
    now: Instant,
}

impl Shown for Disconnected {
    fn json(&self) -> Value {
        let mut doc = json::account(&self.record, self.now);
        doc["canceled_posts"] = self.canceled.into();
        doc
    }

    fn human(&self) -> String {
        crate::tr!(
            "cli-disconnected",
            handle = self.record.account.handle.clone(),
            count = self.canceled,
            deadline = self
                .record
                .account
                .reconnect_deadline()
                .map_or("-".into(), human::date)
        )
    }
}

struct Removed {
    record: AccountRecord,
    deleted: i64,
}

impl Shown for Removed {
    fn json(&self) -> Value {
        let a = &self.record.account;
        j!({
            "removed": a.id,
            "network": a.network.name(),
            "handle": a.handle,
            "posts_deleted": self.deleted,
        })
    }

    fn human(&self) -> String {
        let a = &self.record.account;
        crate::tr!(
            "cli-removed",
            network = a.network.label(),
            handle = a.handle.clone(),
            count = self.deleted
        )
    }
}

struct Detail {
    detail: reads::AccountDetail,
    /// Whether this machine's vault opens the grant (`None`: no grant).
    readable: Option<bool>,
    now: Instant,
}

impl Shown for Detail {
    fn json(&self) -> Value {
        let mut doc = json::account(&self.detail.record, self.now);
        doc["scheduled_posts"] = self.detail.scheduled_posts.into();
        doc["posts"] = self.detail.posts.into();
        // The grant's facts, never its tokens.
        doc["grant"] = match (&self.detail.grant, self.readable) {
            (Some(grant), readable) => serde_json::json!({
                "scopes": grant.scopes,
                "granted_at": format_instant(grant.granted_at),
                "readable": readable.unwrap_or(false),
            }),
            (None, _) => Value::Null,
        };
        doc
    }

    fn human(&self) -> String {
        let mut text = human::account_detail(&self.detail.record, &self.detail.plan, self.now);
        if let Some(grant) = &self.detail.grant {
            if !text.is_empty() && !text.ends_with('\n') {
                text.push('\n');
            }
            text.push_str(&crate::present::escape_control(
                &if self.readable == Some(true) {
                    crate::tr!("cli-detail-grant", scopes = grant.scopes.join(" "))
                } else {
                    crate::tr!("cli-detail-grant-unreadable")
                },
            ));
            text.push('\n');
        }
        text
    }
}

/// The CSV columns of the Accounts list.
const ACCOUNT_CSV: [&str; 12] = [
    "id",
    "network",
    "handle",
    "name",
    "status",
    "disconnect_reason",
    "disconnected_at",
    "authorized_at",
    "reauth_due_at",
    "reconnect_deadline",
    "original_connector",
    "last_connector",
];

fn account_csv(record: &AccountRecord) -> Vec<String> {
    let a = &record.account;
    let d = a.disconnection();
    let at = |t: Option<Instant>| t.map(format_instant).unwrap_or_default();
    vec![
        a.id.to_string(),
        a.network.name().to_string(),
        csv_text(&a.handle),
        csv_text(&a.name),
        a.status().name().to_string(),
        d.map(|d| d.reason.name().to_string()).unwrap_or_default(),
        at(d.map(|d| d.at)),
        format_instant(a.authorized_at),
        at(a.reauth_due_at()),
        at(a.reconnect_deadline()),
        csv_text(&record.original_connector),
        csv_text(&record.last_connector),
    ]
}

fn list<W: Write>(
    session: &mut Session<'_>,
    out: &mut Output<W>,
    all: bool,
    status: &Option<String>,
    network: &Option<String>,
    sort: &str,
    page: &Page,
) -> Result<()> {
    let now = session.instant();
    let state = status
        .as_deref()
        .map(|s| parsed(StateFilter::parse(s), "bad_status"))
        .transpose()?
        .unwrap_or_default();
    let network = network
        .as_deref()
        .map(|n| parsed(Network::parse(n), "unknown_network"))
        .transpose()?;
    let order = match sort.trim().to_ascii_lowercase().as_str() {
        "network" => ListOrder::ByNetwork,
        "urgency" => ListOrder::ByUrgency,
        other => {
            return Err(Error::invalid(
                "bad_sort",
                crate::tr!("error-unknown-order", text = other),
            ));
        }
    };
    let filter = ListFilter {
        include_hidden: all,
        state,
        network,
        order,
        ..ListFilter::list(now)
    };
    // Grouped under their network's heading in the page's order.
    let by_network = order == ListOrder::ByNetwork;
    let mut current: Option<Network> = None;
    let mut human_line = |record: &AccountRecord| {
        let line = human::account_line(record, now, !by_network);
        if by_network && current != Some(record.account.network) {
            current = Some(record.account.network);
            format!("{}\n{line}", record.account.network.label())
        } else {
            line
        }
    };
    let shown = out.list(
        Listing {
            empty: "",
            json: &|r| json::account(r, now),
            human: &mut human_line,
            csv: Some((&ACCOUNT_CSV, &account_csv)),
        },
        |each| reads::accounts(session, filter, page.after, page.limit, each),
    )?;
    if out.format != crate::cli::args::Format::Human {
        return Ok(());
    }
    if shown == 0 {
        let filtered = state != StateFilter::All || network.is_some();
        out.line(&crate::tr!(if page.limit == Some(0) {
            "cli-list-limit-0"
        } else if page.after.is_some() {
            "cli-list-no-more"
        } else if filtered {
            "cli-list-no-match"
        } else {
            "cli-list-empty"
        }))?;
    }
    let hidden = reads::hidden_accounts(session)?;
    if hidden > 0 && !all {
        out.line(&crate::tr!("cli-list-hidden", count = hidden))?;
    }
    Ok(())
}

/// `account export ID [--output FILE]`: the account, then its posts, its
/// notifications and its audit entries, as one JSON document, streamed.
pub(super) fn export<W: Write>(
    session: &mut Session<'_>,
    out: &mut Output<W>,
    id: AccountId,
    file: Option<&Path>,
) -> Result<()> {
    let now = session.instant();
    match file {
        None => write_history(session, out.writer(), id, now),
        Some(path) => {
            // A new file, the owner's only, linked into place once whole:
            // never over an existing one, never half written.
            crate::files::write_new_file(path, "export file (--output)", |file| {
                let mut writer = std::io::BufWriter::new(file);
                write_history(session, &mut writer, id, now)?;
                writer.flush().map_err(io_error)
            })?;
            if out.json() {
                out.doc(&j!({"account_id": id, "file": path.display().to_string()}))
            } else {
                out.line(&crate::tr!(
                    "cli-exported",
                    id = id,
                    path = path.display().to_string()
                ))
            }
        }
    }
}

fn write_history(
    session: &mut Session<'_>,
    writer: &mut dyn Write,
    id: AccountId,
    now: Instant,
) -> Result<()> {
    // Sections in the order the history comes; one with no items is `[]`.
    const SECTIONS: [&str; 3] = ["posts", "notifications", "audit"];
    let writer = std::cell::RefCell::new(writer);
    let mut open = 0;
    let mut first = true;
    let mut move_to = |section: usize, first: &mut bool| -> Result<()> {
        while open < section {
            open += 1;
            write!(writer.borrow_mut(), "\n],\"{}\":[", SECTIONS[open]).map_err(io_error)?;
            *first = true;
        }
        Ok(())
    };
    reads::history(
        session,
        id,
        |detail| {
            let mut account = json::account(&detail.record, now);
            account["posts"] = detail.posts.into();
            write!(
                writer.borrow_mut(),
                "{{\"exported_at\":{},\"account\":{account},\"posts\":[",
                json::instant(Some(now))
            )
            .map_err(io_error)
        },
        |item| {
            let (section, value) = match &item {
                HistoryItem::Post(p) => (0, json::post(p)),
                HistoryItem::Notification(n) => (1, json::notification(n)),
                HistoryItem::Audit(e) => (2, json::audit_entry(e)),
            };
            move_to(section, &mut first)?;
            let sep = if first { "\n" } else { ",\n" };
            first = false;
            write!(writer.borrow_mut(), "{sep}{value}").map_err(io_error)
        },
    )?;
    move_to(SECTIONS.len() - 1, &mut first)?;
    writeln!(writer.borrow_mut(), "\n]}}").map_err(io_error)
}

pub fn network_event<W: Write>(
    session: &mut Session<'_>,
    out: &mut Output<W>,
    id: AccountId,
    event: &str,
) -> Result<()> {
    let now = session.instant();
    let report = parsed(NetworkReport::parse(event), "bad_event")?;
    let record = actions::network_event(session, id, report)?;
    out.show(&Reported {
        record,
        plan: session.info.reminders,
        now,
    })
}

/// An account after a network's report: the account document of CLI.md.
struct Reported {
    record: AccountRecord,
    plan: crate::lifecycle::ReminderPlan,
    now: Instant,
}

impl Shown for Reported {
    fn json(&self) -> Value {
        json::account(&self.record, self.now)
    }

    fn human(&self) -> String {
        human::account_detail(&self.record, &self.plan, self.now)
    }
}

/// `account disconnect|reconnect ID ID ...`: each account its own result,
/// in the command's one transaction. The first refusal's exit code is the
/// command's, once the others are done (`Output::failed_after`).
fn several<W: Write>(
    session: &mut Session<'_>,
    out: &mut Output<W>,
    kind: actions::Bulk,
    ids: &[i64],
    if_version: Option<i64>,
) -> Result<()> {
    if if_version.is_some() {
        return Err(Error::usage(
            "--if-version names one account's version: give one ID with it",
        ));
    }
    let now = session.instant();
    let targets: Vec<(i64, Option<i64>)> = ids.iter().map(|&id| (id, None)).collect();
    let results = actions::bulk(session, kind, &targets)?;
    let failed = results.iter().filter(|r| r.outcome.is_err()).count();
    if out.json() {
        let mut items = Vec::with_capacity(results.len());
        for r in &results {
            items.push(match &r.outcome {
                Ok(_) => match accounts::record(session.conn(), r.id) {
                    Ok(record) => j!({"id": r.id, "ok": true, "account": json::account(&record, now)}),
                    Err(_) => j!({"id": r.id, "ok": true}),
                },
                Err(e) => j!({"id": r.id, "ok": false, "error": {"code": e.code(), "message": e.to_string()}}),
            });
        }
        out.doc(&j!({"results": items}))?;
    } else {
        for r in &results {
            match &r.outcome {
                Ok(what) => out.line(&format!("#{}: {what}", r.id))?,
                Err(e) => out.line(&format!(
                    "#{}: {}",
                    r.id,
                    crate::tr!("cli-not-done", why = e.to_string())
                ))?,
            }
        }
    }
    out.failed_after = results
        .into_iter()
        .find_map(|r| r.outcome.err())
        .map(|first| {
            Error::Other {
                code: "partly_done",
                message: format!(
                    "{failed} of {} accounts were not {}: {first}",
                    ids.len(),
                    match kind {
                        actions::Bulk::Reconnect => "reconnected",
                        actions::Bulk::Disconnect => "disconnected",
                        actions::Bulk::Remove => "removed",
                    }
                ),
            }
            .with_exit_code_of(&first)
        });
    Ok(())
}
