//! What users (and networks) do to the portal. Each function runs inside a
//! command's transaction (`Portal::run`): it names its attempt, asks the
//! lifecycle module whether it is allowed and what it changes, then writes.

use super::audit::{self, NETWORK, Outcome};
pub use super::post_actions::{cancel_post, draft_post, reschedule_post, schedule_post};
use super::rows::{AccountRecord, secs};
pub use super::settings_actions::{ChannelChange, DeliveryChange, set_channels};
pub use super::user_actions::{add_user, check_email, deactivate_user};
use super::{Session, accounts, outbox, posts};
use crate::error::{Error, Result};
use crate::lifecycle::account::NetworkReport;
use crate::lifecycle::permission::Attempt;
use crate::lifecycle::time::format_instant;
use crate::lifecycle::{Account, AccountId, DisconnectReason, Instant, Network, Tier, User};

/// What `account connect` did (R8: a known account is reconnected).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Connected {
    pub account: AccountRecord,
    /// True when a known disconnected or expired account was reconnected.
    pub reconnected: bool,
    /// R6b: scheduled posts that publish again, and posts that were missed.
    pub resumed_posts: i64,
    pub missed_posts: i64,
}

/// Refuses a confirmed action when the account changed since its dialog (or
/// the script's `--if-version`) saw it: the action would not do what was
/// shown. Exit 5, and the refusal is audited.
fn check_unchanged(
    session: &Session<'_>,
    account: &Account,
    seen_version: Option<i64>,
) -> Result<()> {
    let Some(seen) = seen_version else {
        return Ok(());
    };
    let now = accounts::version(session.conn(), account.id)?;
    if now == seen {
        return Ok(());
    }
    Err(Error::conflict(
        "account_changed",
        crate::tr!(
            "error-account-changed",
            network = account.network.label(),
            handle = account.handle.clone(),
            id = account.id,
            seen = seen,
            now = now
        ),
    ))
}

/// Text typed by a person, made comparable: Unicode NFC, so "é" typed as
/// one character or as "e" plus an accent is the same text, and two rows
/// never look alike while differing underneath (issue 7).
pub(super) fn normalized(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.trim().nfc().collect()
}

/// Refuses a control, bidirectional or invisible character (exit 2, naming
/// it): such a name could rewrite the terminal or look like another.
/// What a checked text is, for the error that names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    AccountName,
    Handle,
    Email,
    UserName,
    /// A command-line flag, named as typed (`--portal`).
    Flag(&'static str),
}

impl Field {
    fn words(self) -> String {
        match self {
            Field::AccountName => crate::tr!("field-account-name"),
            Field::Handle => crate::tr!("field-handle"),
            Field::Email => crate::tr!("field-email"),
            Field::UserName => crate::tr!("field-user-name"),
            Field::Flag(flag) => flag.to_string(),
        }
    }
}

pub(super) fn refuse_unsafe(text: &str, what: Field) -> Result<()> {
    match crate::present::first_unsafe_char(text) {
        None => Ok(()),
        Some(found) => Err(Error::invalid(
            "unsafe_character",
            crate::tr!(
                "error-unsafe-character",
                what = what.words(),
                text = crate::present::escape_control(text),
                found = found
            ),
        )),
    }
}

pub use crate::lifecycle::handle::HANDLE_MAX;
/// The longest name (of an account, a user or a portal), in characters.
pub const NAME_MAX: usize = 200;
/// The longest post text on any network, in characters (each network's own
/// limit is in its policy, R1's table).
pub const TEXT_MAX: usize = 10_000;

/// A handle as typed (lifecycle::handle decides), and no character that
/// could rewrite a terminal; the problem worded.
pub fn normalize_handle(typed: &str) -> Result<String> {
    let handle = crate::lifecycle::handle::normalize(typed)
        .map_err(|problem| Error::invalid("bad_handle", handle_problem(&problem, typed)))?;
    refuse_unsafe(&handle, Field::Handle)?;
    Ok(handle)
}

/// A handle problem in words.
pub fn handle_problem(problem: &crate::lifecycle::handle::HandleProblem, typed: &str) -> String {
    use crate::lifecycle::handle::HandleProblem;
    let shown = typed.trim().trim_start_matches('@');
    match problem {
        HandleProblem::Length => crate::tr!("error-handle-length", max = HANDLE_MAX),
        HandleProblem::Spaces => crate::tr!("error-handle-spaces", handle = shown),
        HandleProblem::MixedScripts => {
            crate::tr!("error-handle-mixed-scripts", handle = shown)
        }
    }
}

/// A post's text: 1 character up to what the network takes.
pub fn check_text(text: &str, network: Network) -> Result<String> {
    let text = normalized(text);
    let limit = network.text_limit().min(TEXT_MAX);
    let length = text.chars().count();
    if text.is_empty() || length > limit {
        return Err(Error::invalid(
            "bad_text",
            crate::tr!(
                "error-text-length",
                network = network.label(),
                limit = limit,
                length = length
            ),
        ));
    }
    Ok(text)
}

/// A name (of an account, a user, a portal): 1 to 200 visible characters.
pub fn check_name(name: &str, what: Field) -> Result<String> {
    let name = normalized(name);
    if name.is_empty() || name.chars().count() > NAME_MAX {
        return Err(Error::invalid(
            "bad_name",
            crate::tr!("error-name-length", what = what.words(), max = NAME_MAX),
        ));
    }
    refuse_unsafe(&name, what)?;
    Ok(name)
}

/// R8, R10a: connects a new account, or reconnects a known one.
pub fn connect(
    session: &mut Session<'_>,
    network: Network,
    handle: &str,
    name: Option<&str>,
) -> Result<Connected> {
    let actor = session.require_actor()?;
    let handle = normalize_handle(handle)?;
    let name = check_name(name.unwrap_or(&handle), Field::AccountName)?;
    let conn = session.conn();
    let known = accounts::find_by_handle(conn, network, &handle)?;
    let others = match known {
        Some(_) => Vec::new(),
        None => accounts::handles_of_network(conn, network)?,
    };
    use crate::lifecycle::handle::ConnectPlan;
    match crate::lifecycle::handle::plan(&handle, known.as_ref(), &others) {
        ConnectPlan::New => {}
        // A refusal comes from lifecycle's reconnect, and is audited.
        ConnectPlan::Reconnect(account)
        | ConnectPlan::AlreadyConnected(account)
        | ConnectPlan::DeletedOnNetwork(account) => {
            return reconnect_account(session, &actor, account.clone(), None);
        }
        ConnectPlan::LooksLike {
            id,
            handle: existing,
        } => {
            return Err(Error::invalid(
                "lookalike_handle",
                crate::tr!(
                    "error-handle-lookalike",
                    handle = handle,
                    existing = existing,
                    id = id
                ),
            ));
        }
    }
    session.attempting("connect", None);
    session.authorize(&actor, Attempt::Connect)?;
    let now = session.instant();
    let fresh = Account::connect_new(0, network, &handle, &name, actor.id, now);
    let id = accounts::insert(conn, &fresh)?;
    audit::record(
        conn,
        now,
        &actor.email,
        "connect",
        Some(id),
        Outcome::Ok,
        &crate::tr!(
            "audit-connected",
            network = network.label(),
            handle = handle.clone()
        ),
        None,
    )?;
    Ok(Connected {
        account: accounts::record(conn, id)?,
        reconnected: false,
        resumed_posts: 0,
        missed_posts: 0,
    })
}

/// A disconnect or a removal ends the account's grant here; the network is
/// told after the commit.
fn end_grant(session: &mut Session<'_>, id: AccountId, network: Network) -> Result<()> {
    if let Some(grant) = super::grants::take(session.conn(), id)? {
        session.ended_grants.push((grant, network));
    }
    Ok(())
}

/// R6, R7, R10a: `account reconnect ID`, acting only on the version seen
/// when one is given.
pub fn reconnect(
    session: &mut Session<'_>,
    id: AccountId,
    seen_version: Option<i64>,
) -> Result<Connected> {
    let actor = session.require_actor()?;
    let account = accounts::require(session.conn(), id)?;
    reconnect_account(session, &actor, account, seen_version)
}

fn reconnect_account(
    session: &mut Session<'_>,
    actor: &User,
    account: Account,
    seen_version: Option<i64>,
) -> Result<Connected> {
    let conn = session.conn();
    let now = session.instant();
    session.attempting("reconnect", Some(account.id));
    check_unchanged(session, &account, seen_version)?;
    session.authorize(actor, Attempt::Reconnect(&account))?;
    let reconnection = account.reconnect(actor.id, now)?;
    let (missed, purged) = match reconnection.missed_through {
        Some(through) => (posts::mark_missed(conn, account.id, through)? as i64, 0),
        // R7: a fresh start keeps no history.
        None => (0, posts::delete_all(conn, account.id)? as i64),
    };
    accounts::save(conn, &reconnection.account)?;
    let resumed = accounts::scheduled_post_count(conn, account.id)?;
    let detail = if reconnection.restored {
        crate::tr!("audit-reconnected", resumed = resumed, missed = missed)
    } else {
        crate::tr!("audit-reconnected-fresh", purged = purged)
    };
    audit::record(
        conn,
        now,
        &actor.email,
        "reconnect",
        Some(account.id),
        Outcome::Ok,
        &detail,
        Some(resumed),
    )?;
    Ok(Connected {
        account: accounts::record(conn, account.id)?,
        reconnected: true,
        resumed_posts: resumed,
        missed_posts: missed,
    })
}

/// R5, R10b: a manual disconnect. Returns the account and the number of
/// scheduled posts it canceled.
pub fn disconnect(
    session: &mut Session<'_>,
    id: AccountId,
    seen_version: Option<i64>,
) -> Result<(AccountRecord, i64)> {
    let actor = session.require_actor()?;
    let conn = session.conn();
    let now = session.instant();
    let account = accounts::require(conn, id)?;
    session.attempting("disconnect", Some(id));
    check_unchanged(session, &account, seen_version)?;
    session.authorize(&actor, Attempt::Disconnect(&account))?;
    let disconnected = account.disconnect(DisconnectReason::Manual, now, Some(actor.id))?;
    let canceled = accounts::scheduled_post_count(conn, id)?;
    accounts::save(conn, &disconnected)?;
    end_grant(session, id, account.network)?;
    audit::record(
        conn,
        now,
        &actor.email,
        "disconnect",
        Some(id),
        Outcome::Ok,
        &crate::tr!("audit-disconnected-manually", count = canceled),
        Some(canceled),
    )?;
    Ok((accounts::record(conn, id)?, canceled))
}

/// R13: removes the account, all its posts and its notifications. Returns
/// how many posts went.
pub fn remove(
    session: &mut Session<'_>,
    id: AccountId,
    confirm: &str,
    seen_version: Option<i64>,
) -> Result<i64> {
    let actor = session.require_actor()?;
    let conn = session.conn();
    let account = accounts::require(conn, id)?;
    session.attempting("remove", Some(id));
    check_unchanged(session, &account, seen_version)?;
    session.authorize(&actor, Attempt::Remove(&account))?;
    account.check_removal_confirmation(confirm)?;
    let deleted = posts::count_for_account(conn, id)?;
    end_grant(session, id, account.network)?;
    accounts::delete(conn, id)?;
    audit::record(
        conn,
        session.instant(),
        &actor.email,
        "remove",
        Some(id),
        Outcome::Ok,
        &crate::tr!(
            "audit-removed",
            network = account.network.label(),
            handle = account.handle.clone(),
            count = deleted
        ),
        Some(deleted),
    )?;
    Ok(deleted)
}

/// R4: what a network does to an account.
pub fn network_event(
    session: &mut Session<'_>,
    id: AccountId,
    report: NetworkReport,
) -> Result<AccountRecord> {
    let conn = session.conn();
    let now = session.instant();
    let account = accounts::require(conn, id)?;
    session.attempting_as(NETWORK, "network_event", Some(id));
    let changed = account.apply_network_report(report, now)?;
    let canceled = if account.is_connected() {
        accounts::scheduled_post_count(conn, id)?
    } else {
        0
    };
    accounts::save(conn, &changed)?;
    audit::record(
        conn,
        now,
        NETWORK,
        "disconnect",
        Some(id),
        Outcome::Ok,
        &crate::tr!(
            "audit-network-reported",
            reason = report.reason().name(),
            count = canceled
        ),
        Some(canceled),
    )?;
    accounts::record(conn, id)
}

pub fn set_tier(session: &mut Session<'_>, tier: Tier) -> Result<Tier> {
    let actor = session.require_actor()?;
    let conn = session.conn();
    session.attempting("tier_set", None);
    session.authorize(&actor, Attempt::Administer)?;
    conn.execute("UPDATE portal SET tier = ?1 WHERE id = 1", [tier.name()])?;
    audit::record(
        conn,
        session.instant(),
        &actor.email,
        "tier_set",
        None,
        Outcome::Ok,
        &crate::tr!(
            "audit-tier-changed",
            from = session.info.tier.name(),
            to = tier.name()
        ),
        None,
    )?;
    session.info.tier = tier;
    Ok(tier)
}

/// T4: sets the demo clock to the command's instant, which the portal has
/// just been swept up to.
pub fn set_demo_clock(session: &mut Session<'_>) -> Result<Instant> {
    let conn = session.conn();
    let now = session.instant();
    conn.execute(
        "UPDATE portal SET demo_clock = ?1 WHERE id = 1",
        [secs(now)],
    )?;
    let actor = session
        .actor
        .as_ref()
        .map_or("system", |u| u.email.as_str());
    audit::record(
        conn,
        now,
        actor,
        "clock_set",
        None,
        Outcome::Ok,
        &crate::tr!("audit-clock-set", at = format_instant(now)),
        None,
    )?;
    session.info.demo_clock = Some(now);
    Ok(now)
}

/// What a bulk action does to each account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bulk {
    Reconnect,
    Disconnect,
    Remove,
}

impl Bulk {
    pub fn verb(self) -> &'static str {
        match self {
            Bulk::Reconnect => "reconnect",
            Bulk::Disconnect => "disconnect",
            Bulk::Remove => "remove",
        }
    }
}

/// One account's result in a bulk action.
#[derive(Debug)]
pub struct BulkResult {
    pub id: AccountId,
    /// What was done, in words, or why not (a refusal is audited).
    pub outcome: Result<String>,
}

/// Several accounts at once, in the command's one transaction: each
/// account's action is whole or not at all (its own savepoint), a refusal
/// does not stop the others, and each comes back with its result. A
/// `version` guards each like a dialog's (issue 7).
pub fn bulk(
    session: &mut Session<'_>,
    kind: Bulk,
    targets: &[(AccountId, Option<i64>)],
) -> Result<Vec<BulkResult>> {
    let mut results = Vec::with_capacity(targets.len());
    for &(id, seen) in targets {
        let outcome = session.one_of_several(|s| match kind {
            Bulk::Reconnect => reconnect(s, id, seen).map(|done| {
                crate::tr!(
                    "bulk-reconnected",
                    resumed = done.resumed_posts,
                    missed = done.missed_posts
                )
            }),
            Bulk::Disconnect => disconnect(s, id, seen)
                .map(|(_, canceled)| crate::tr!("bulk-disconnected", count = canceled)),
            Bulk::Remove => {
                let handle = accounts::require(s.conn(), id)?.handle;
                remove(s, id, &handle, seen)
                    .map(|deleted| crate::tr!("bulk-removed", count = deleted))
            }
        })?;
        results.push(BulkResult { id, outcome });
    }
    Ok(results)
}

/// T4: back to the system clock. The command runs at the system clock's
/// instant, so a demo clock still ahead of it is refused as time going
/// backwards (exit 5), and nothing changes.
pub fn unset_demo_clock(session: &mut Session<'_>) -> Result<()> {
    let conn = session.conn();
    let now = session.instant();
    conn.execute("UPDATE portal SET demo_clock = NULL WHERE id = 1", [])?;
    let actor = session
        .actor
        .as_ref()
        .map_or("system", |u| u.email.as_str());
    audit::record(
        conn,
        now,
        actor,
        "clock_unset",
        None,
        Outcome::Ok,
        &crate::tr!("audit-clock-unset"),
        None,
    )?;
    session.info.demo_clock = None;
    Ok(())
}

/// `notifications retry ID`: a failed delivery is queued again (by its
/// recipient, or a super admin).
pub fn retry_delivery(session: &mut Session<'_>, id: i64) -> Result<outbox::Delivery> {
    let actor = session.require_actor()?;
    let conn = session.conn();
    let recipient = outbox::recipient_of(conn, id)?
        .ok_or_else(|| Error::not_found("no_delivery", crate::tr!("error-no-delivery", id = id)))?;
    session.attempting("delivery_retry", None);
    session.authorize(&actor, Attempt::ManageInbox(recipient))?;
    outbox::requeue(conn, id)?;
    let delivery = outbox::by_id(conn, id)?.ok_or_else(|| super::rows::corrupt("delivery"))?;
    audit::record(
        conn,
        session.instant(),
        &actor.email,
        "delivery_retry",
        Some(delivery.account_id),
        Outcome::Ok,
        &crate::tr!(
            "audit-delivery-retry",
            id = id,
            channel = delivery.channel.name(),
            address = delivery.address.clone()
        ),
        None,
    )?;
    Ok(delivery)
}
