//! Accounts: load, save (keeping `next_event_at` true), and the Accounts list.

use super::db::{Connection, OptionalExtension, params};

use super::rows::{
    ACCOUNT_COLUMNS, AccountRecord, account_from_row, account_record_from_row,
    account_record_select, opt_instant, secs,
};
use crate::error::{Error, Result};
use crate::lifecycle::account::hidden_cutoff;
use crate::lifecycle::events::next_event;
use crate::lifecycle::policy::{POLICIES, REMINDER_LEAD};
use crate::lifecycle::{Account, AccountId, Instant, Network, ReminderPlan, StateFilter};

pub fn not_found(id: AccountId) -> Error {
    Error::not_found("no_account", crate::tr!("error-no-account", id = id))
}

pub fn load(conn: &Connection, id: AccountId) -> Result<Option<Account>> {
    let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM accounts a WHERE a.id = ?1");
    let mut stmt = conn.prepare_cached(&sql)?;
    stmt.query_row([id], |r| Ok(account_from_row(r)))
        .optional()?
        .transpose()
}

pub fn require(conn: &Connection, id: AccountId) -> Result<Account> {
    load(conn, id)?.ok_or_else(|| not_found(id))
}

pub fn record(conn: &Connection, id: AccountId) -> Result<AccountRecord> {
    let sql = format!("{} WHERE a.id = ?1", account_record_select());
    conn.query_row(&sql, [id], |r| Ok(account_record_from_row(r)))
        .optional()?
        .transpose()?
        .ok_or_else(|| not_found(id))
}

pub fn find_by_handle(
    conn: &Connection,
    network: Network,
    handle: &str,
) -> Result<Option<Account>> {
    let sql =
        format!("SELECT {ACCOUNT_COLUMNS} FROM accounts a WHERE a.network = ?1 AND a.handle = ?2");
    conn.query_row(&sql, params![network.name(), handle], |r| {
        Ok(account_from_row(r))
    })
    .optional()?
    .transpose()
}

/// The account with this handle on any network (the first in list order
/// when networks share it): for tours and demo scripts that name accounts.
pub fn id_by_handle(conn: &Connection, handle: &str) -> Result<Option<AccountId>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id FROM accounts WHERE handle = ?1 ORDER BY network, name, id LIMIT 1",
    )?;
    stmt.query_row([handle], |r| r.get(0)).optional()
}

/// Every account of a network with its handle: to find a lookalike of a
/// new handle (issue 17, item 14). Connecting is rare; the scan reads one
/// network's handles.
pub fn handles_of_network(conn: &Connection, network: Network) -> Result<Vec<(AccountId, String)>> {
    let mut stmt = conn.prepare_cached("SELECT id, handle FROM accounts WHERE network = ?1")?;
    let rows = stmt.query_map([network.name()], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect::<crate::error::Result<_>>()
}

/// Every handle, in list order (to say which ones a script may name).
pub fn all_handles(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT handle FROM accounts ORDER BY network, name")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    rows.collect::<crate::error::Result<_>>()
}

/// The instant of the account's earliest stored `scheduled` post.
pub fn next_scheduled_post_at(conn: &Connection, id: AccountId) -> Result<Option<Instant>> {
    // ORDER BY ... LIMIT 1, not min(): SQLite re-plans a cached min() on
    // every new parameter, which cost the sweep a sixth of its time.
    let mut stmt = conn.prepare_cached(
        "SELECT scheduled_at FROM posts WHERE account_id = ?1 AND status = 'scheduled' \
         ORDER BY scheduled_at LIMIT 1",
    )?;
    let at: Option<i64> = stmt.query_row([id], |r| r.get(0)).optional()?.flatten();
    opt_instant(at, "scheduled instant")
}

/// How many stored `scheduled` posts the account has: the posts a
/// disconnect cancels (R5a), counted from the index.
pub fn scheduled_post_count(conn: &Connection, id: AccountId) -> Result<i64> {
    let mut stmt = conn.prepare_cached(
        "SELECT count(*) FROM posts WHERE account_id = ?1 AND status = 'scheduled'",
    )?;
    stmt.query_row([id], |r| r.get(0))
}

fn columns(account: &Account) -> (&'static str, Option<&'static str>, Option<i64>, Option<i64>) {
    let d = account.disconnection();
    (
        account.status().name(),
        d.map(|d| d.reason.name()),
        d.map(|d| secs(d.at)),
        d.and_then(|d| d.by),
    )
}

/// Inserts a new account (its `id` is ignored) and returns its id.
pub fn insert(conn: &Connection, account: &Account) -> Result<AccountId> {
    // A new account has no posts yet.
    insert_with_posts(conn, account, None)
}

/// Inserts a new account whose earliest scheduled post is already known
/// (`generate` draws the posts first), whole in one row: its state, its
/// next event instant and its urgency.
pub fn insert_with_posts(
    conn: &Connection,
    account: &Account,
    next_scheduled_post: Option<Instant>,
) -> Result<AccountId> {
    let (status, reason, at, by) = columns(account);
    let next = next_event(
        account,
        &reminder_plan(conn)?,
        next_scheduled_post.filter(|_| account.is_connected()),
    )
    .map(|e| secs(e.at));
    let mut stmt = conn.prepare_cached(
        "INSERT INTO accounts (network, handle, name, status, disconnect_reason, disconnected_at, \
         disconnected_by, first_connected_at, authorized_at, last_published_at, original_connector, \
         last_connector, reminder_sent, purge_warning_sent, next_event_at, urgent_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    )?;
    stmt.execute(params![
        account.network.name(),
        account.handle,
        account.name,
        status,
        reason,
        at,
        by,
        secs(account.first_connected_at),
        secs(account.authorized_at),
        account.last_published_at.map(secs),
        account.original_connector,
        account.last_connector,
        account.reminded.unwrap_or(0),
        account.purge_warning_sent,
        next,
        urgency_key(account),
    ])?;
    conn.last_insert_rowid()
}

/// Writes the account's state and its next event instant, and moves its
/// version.
pub fn save(conn: &Connection, account: &Account) -> Result<()> {
    let next_post = next_post_of(conn, account)?;
    write_state(conn, account, (1, &reminder_plan(conn)?), next_post, true)
}

/// The portal's reminder plan (issue 21): what an account's next event
/// depends on besides its own state.
pub fn reminder_plan(conn: &Connection) -> Result<ReminderPlan> {
    let mut stmt = conn.prepare_cached("SELECT reminders FROM portal WHERE id = 1")?;
    let stored: Option<String> = stmt.query_row([], |r| r.get(0))?;
    match stored {
        None => Ok(ReminderPlan::article()),
        Some(text) => {
            ReminderPlan::from_stored(&text).ok_or_else(|| super::rows::corrupt("reminder plan"))
        }
    }
}

/// `save` for the sweep, which already knows the account's earliest
/// scheduled post, in one UPDATE. The version moves once per event applied,
/// so it does not depend on how sweeps were split (R12a).
pub fn save_after_events(
    conn: &Connection,
    account: &Account,
    (events, plan): (i64, &ReminderPlan),
    next_post: Option<Instant>,
) -> Result<()> {
    // The sweep never renames an account: leaving the name out of the SET
    // spares the list-order index an update per account.
    write_state(conn, account, (events, plan), next_post, false)
}

fn write_state(
    conn: &Connection,
    account: &Account,
    (events, plan): (i64, &ReminderPlan),
    next_post: Option<Instant>,
    with_name: bool,
) -> Result<()> {
    let (status, reason, at, by) = columns(account);
    let next = next_event(account, plan, next_post.filter(|_| account.is_connected()));
    // The same parameters either way: ?16 is the name, set only when asked.
    const STATE: &str = "status = ?2, disconnect_reason = ?3, disconnected_at = ?4, \
         disconnected_by = ?5, first_connected_at = ?6, authorized_at = ?7, last_published_at = ?8, \
         original_connector = ?9, last_connector = ?10, reminder_sent = ?11, purge_warning_sent = ?12, \
         urgent_at = ?13, next_event_at = ?14, version = version + ?15";
    let name = if with_name { ", name = ?16" } else { "" };
    let sql = format!("UPDATE accounts SET {STATE}{name} WHERE id = ?1");
    let mut stmt = conn.prepare_cached(&sql)?;
    let state = params![
        account.id,
        status,
        reason,
        at,
        by,
        secs(account.first_connected_at),
        secs(account.authorized_at),
        account.last_published_at.map(secs),
        account.original_connector,
        account.last_connector,
        account.reminded.unwrap_or(0),
        account.purge_warning_sent,
        urgency_key(account),
        next.map(|e| secs(e.at)),
        events,
    ];
    if with_name {
        let mut all = state.to_vec();
        all.push(&account.name);
        stmt.execute(all.as_slice())?;
    } else {
        stmt.execute(state)?;
    }
    Ok(())
}

/// Keeps the indexed `next_event_at` equal to what the lifecycle module says,
/// after a change to the account's posts (which moves its version).
pub fn refresh_next_event(conn: &Connection, account: &Account) -> Result<()> {
    set_next_event(conn, account, 1)
}

/// The earliest scheduled post that counts for the account's next event:
/// only a connected account's posts publish.
fn next_post_of(conn: &Connection, account: &Account) -> Result<Option<Instant>> {
    if account.is_connected() {
        next_scheduled_post_at(conn, account.id)
    } else {
        Ok(None)
    }
}

/// Writes the account's next event instant and moves its version by `bump`.
pub fn set_next_event(conn: &Connection, account: &Account, bump: i64) -> Result<()> {
    let next = next_event(account, &reminder_plan(conn)?, next_post_of(conn, account)?)
        .map(|e| secs(e.at));
    // Every change to an account or its posts comes through here or `save`,
    // so these are where its version moves.
    let mut stmt = conn.prepare_cached(
        "UPDATE accounts SET next_event_at = ?2, version = version + ?3 WHERE id = ?1",
    )?;
    stmt.execute(params![account.id, next, bump])?;
    Ok(())
}

/// Every connected account's next event again, after the portal's
/// reminder plan changed (issue 21); their versions stay, as their state
/// did.
pub fn refresh_connected_next_events(conn: &Connection) -> Result<()> {
    let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM accounts a WHERE a.status = 'connected'");
    let connected: Vec<Account> = {
        let mut stmt = conn.prepare(&sql)?;
        let mut rows = stmt.query([])?;
        let mut all = Vec::new();
        while let Some(row) = rows.next()? {
            all.push(account_from_row(&row)?);
        }
        all
    };
    for account in &connected {
        set_next_event(conn, account, 0)?;
    }
    Ok(())
}

/// `Account::urgent_at` as stored: seconds, the largest integer for never.
pub fn urgency_key(account: &Account) -> i64 {
    account.urgent_at().map_or(i64::MAX, secs)
}

/// Writes `urgent_at` for every account (migration 002 adds the column).
pub fn fill_urgency(conn: &Connection) -> Result<()> {
    let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM accounts a");
    let keys: Vec<(AccountId, i64)> = {
        let mut stmt = conn.prepare(&sql)?;
        let mut rows = stmt.query([])?;
        let mut keys = Vec::new();
        while let Some(row) = rows.next()? {
            let row = &row;
            let account = account_from_row(row)?;
            keys.push((account.id, urgency_key(&account)));
        }
        keys
    };
    let mut update = conn.prepare("UPDATE accounts SET urgent_at = ?2 WHERE id = ?1")?;
    for (id, key) in keys {
        update.execute(params![id, key])?;
    }
    Ok(())
}

/// R13: the account goes with its posts and its notifications.
pub fn delete(conn: &Connection, id: AccountId) -> Result<()> {
    conn.execute("DELETE FROM notifications WHERE account_id = ?1", [id])?;
    conn.execute("DELETE FROM posts WHERE account_id = ?1", [id])?;
    conn.execute("DELETE FROM accounts WHERE id = ?1", [id])?;
    Ok(())
}

/// The account's version now (see `AccountRecord::version`).
pub fn version(conn: &Connection, id: AccountId) -> Result<i64> {
    let mut stmt = conn.prepare_cached("SELECT version FROM accounts WHERE id = ?1")?;
    stmt.query_row([id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| not_found(id))
}

/// Where a page of the Accounts list starts: after this account, in list
/// order (by network, then name, then id; or by urgency, then id).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListCursor {
    pub network: String,
    pub name: String,
    pub id: AccountId,
    /// `urgency_key` of the account.
    pub urgent_at: i64,
}

impl ListCursor {
    pub fn of(account: &Account) -> ListCursor {
        ListCursor {
            network: account.network.name().to_string(),
            name: account.name.clone(),
            id: account.id,
            urgent_at: urgency_key(account),
        }
    }
}

/// The keyset bound a window of the Accounts list query starts or ends at.
#[derive(Clone, Copy, Debug)]
pub enum Bound<'a> {
    /// From the first account.
    Start,
    /// From this account on, itself included.
    From(&'a ListCursor),
    /// Strictly after this account.
    After(&'a ListCursor),
    /// The accounts just before this one.
    Before(&'a ListCursor),
    /// The last accounts of the list.
    End,
}

/// The Accounts list's order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ListOrder {
    /// Grouped by network, then by name (the suite's page).
    #[default]
    ByNetwork,
    /// Soonest deadline or purge first (`Account::urgent_at`); accounts with
    /// none last.
    ByUrgency,
}

/// What the Accounts list shows.
#[derive(Clone, Copy, Debug)]
pub struct ListFilter<'a> {
    pub now: Instant,
    /// Accounts hidden by R8 too.
    pub include_hidden: bool,
    /// Only names or handles containing this text (any case).
    pub text: Option<&'a str>,
    /// Only accounts in this state (`StateFilter::admits`).
    pub state: StateFilter,
    /// Only this network's accounts.
    pub network: Option<Network>,
    pub order: ListOrder,
}

impl<'a> ListFilter<'a> {
    /// The whole list (R8) at `now`, by network.
    pub fn list(now: Instant) -> ListFilter<'a> {
        ListFilter {
            now,
            include_hidden: false,
            text: None,
            state: StateFilter::All,
            network: None,
            order: ListOrder::ByNetwork,
        }
    }
}

/// The longest filter text the list matches on, in characters.
pub const FILTER_MAX: usize = 256;

/// The SQL of `StateFilter::admits` (a test holds them equal); binds :now.
fn state_condition(state: StateFilter) -> String {
    match state {
        StateFilter::All => "1 = 1".into(),
        StateFilter::Connected => "a.status = 'connected'".into(),
        StateFilter::Disconnected => "a.status = 'disconnected'".into(),
        StateFilter::Expired => "a.status = 'expired'".into(),
        StateFilter::NeedsAttention => {
            let reminding: Vec<String> = POLICIES
                .iter()
                .filter(|p| p.reminder)
                .map(|p| format!("'{}'", p.name))
                .collect();
            format!(
                "((a.status = 'connected' AND a.network IN ({}) AND a.urgent_at > :now \
                 AND a.urgent_at - {} <= :now) \
                 OR (a.status = 'disconnected' AND a.disconnect_reason != 'deleted'))",
                reminding.join(", "),
                REMINDER_LEAD.after(Instant::default()).timestamp()
            )
        }
    }
}

/// A window of the Accounts list by keyset, never by offset, in the
/// filter's order.
pub fn window(
    conn: &Connection,
    filter: ListFilter<'_>,
    anchor: Bound<'_>,
    limit: usize,
) -> Result<Vec<AccountRecord>> {
    // One statement per anchor: only a plain row-value comparison lets
    // SQLite seek the index to the cursor.
    let key = match filter.order {
        ListOrder::ByNetwork => "(a.network, a.name, a.id)",
        ListOrder::ByUrgency => "(a.urgent_at, a.id)",
    };
    let cursor_key = match filter.order {
        ListOrder::ByNetwork => "(:network, :name, :id)",
        ListOrder::ByUrgency => "(:urgent, :id)",
    };
    let (seek, descending) = match anchor {
        Bound::Start => (String::new(), false),
        Bound::From(_) => (format!("AND {key} >= {cursor_key}"), false),
        Bound::After(_) => (format!("AND {key} > {cursor_key}"), false),
        Bound::Before(_) => (format!("AND {key} < {cursor_key}"), true),
        Bound::End => (String::new(), true),
    };
    let cursor = match anchor {
        Bound::From(c) | Bound::After(c) | Bound::Before(c) => Some(c),
        Bound::Start | Bound::End => None,
    };
    let columns = match filter.order {
        ListOrder::ByNetwork => ["a.network", "a.name", "a.id"].as_slice(),
        ListOrder::ByUrgency => ["a.urgent_at", "a.id"].as_slice(),
    };
    let direction = if descending { " DESC" } else { "" };
    let order: Vec<String> = columns.iter().map(|c| format!("{c}{direction}")).collect();
    let pattern = filter.text.filter(|t| !t.trim().is_empty()).map(|t| {
        // A filter is a few words: a pasted book would only make SQLite's
        // LIKE refuse the pattern.
        let t: String = t.trim().chars().take(FILTER_MAX).collect();
        let escaped = t
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        format!("%{escaped}%")
    });
    let mut conditions = vec![state_condition(filter.state)];
    if !filter.include_hidden {
        conditions.push("(a.disconnected_at IS NULL OR a.disconnected_at > :cutoff)".into());
    }
    if pattern.is_some() {
        conditions.push(
            "(a.name LIKE :pattern ESCAPE '\\' OR a.handle LIKE :pattern ESCAPE '\\')".into(),
        );
    }
    if filter.network.is_some() {
        conditions.push("a.network = :only_network".into());
    }
    let sql = format!(
        "{} WHERE {} {seek} ORDER BY {} LIMIT :limit",
        account_record_select(),
        conditions.join(" AND "),
        order.join(", ")
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut params: Vec<(&str, Box<dyn super::db::ToParam>)> =
        vec![(":limit", Box::new(super::rows::sql_limit(limit)))];
    let uses = |name: &str| sql.contains(name);
    if uses(":now") {
        params.push((":now", Box::new(secs(filter.now))));
    }
    if uses(":cutoff") {
        params.push((":cutoff", Box::new(secs(hidden_cutoff(filter.now)))));
    }
    if let Some(p) = &pattern {
        params.push((":pattern", Box::new(p.clone())));
    }
    if let Some(n) = filter.network {
        params.push((":only_network", Box::new(n.name())));
    }
    if let Some(c) = cursor {
        params.push((":id", Box::new(c.id)));
        match filter.order {
            ListOrder::ByNetwork => {
                params.push((":network", Box::new(c.network.clone())));
                params.push((":name", Box::new(c.name.clone())));
            }
            ListOrder::ByUrgency => params.push((":urgent", Box::new(c.urgent_at))),
        }
    }
    let named: Vec<(&str, &dyn super::db::ToParam)> =
        params.iter().map(|(n, v)| (*n, v.as_ref())).collect();
    let rows = stmt.query_map(named.as_slice(), |r| Ok(account_record_from_row(r)))?;
    let mut records = rows.map(|r| r?).collect::<Result<Vec<_>>>()?;
    if descending {
        records.reverse();
    }
    Ok(records)
}

/// One page of the Accounts list after `cursor` (from the start without one).
pub fn page(
    conn: &Connection,
    now: Instant,
    include_hidden: bool,
    cursor: Option<&ListCursor>,
    limit: usize,
) -> Result<Vec<AccountRecord>> {
    let filter = ListFilter {
        include_hidden,
        ..ListFilter::list(now)
    };
    let anchor = cursor.map_or(Bound::Start, Bound::After);
    window(conn, filter, anchor, limit)
}

/// R8, and Hootsuite's "reconnect every account of one login": a network's
/// accounts that a reconnect can bring back (disconnected or expired, not
/// deleted on the network, R6e), by name.
pub fn reconnectable_of_network(
    conn: &Connection,
    network: Network,
    limit: usize,
) -> Result<Vec<AccountRecord>> {
    let sql = format!(
        "{} WHERE a.network = ?1 AND a.disconnected_at IS NOT NULL \
         AND a.disconnect_reason != 'deleted' ORDER BY a.name, a.id LIMIT ?2",
        account_record_select()
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(
        params![network.name(), super::rows::sql_limit(limit)],
        |r| Ok(account_record_from_row(r)),
    )?;
    rows.map(|r| r?).collect()
}

/// The portal's next event instant, from the index: when a `watch` must
/// wake next.
pub fn earliest_event(conn: &Connection) -> Result<Option<Instant>> {
    let mut stmt = conn.prepare_cached(
        "SELECT next_event_at FROM accounts WHERE next_event_at IS NOT NULL \
         ORDER BY next_event_at LIMIT 1",
    )?;
    let at: Option<i64> = stmt.query_row([], |r| r.get(0)).optional()?;
    opt_instant(at, "next event instant")
}

/// How many accounts have an event due by `until`, counting at most `cap`
/// (from the index: cheap whatever the portal's size).
pub fn due_count(conn: &Connection, until: Instant, cap: usize) -> Result<usize> {
    let mut stmt = conn.prepare_cached(
        "SELECT count(*) FROM (SELECT 1 FROM accounts WHERE next_event_at <= ?1 LIMIT ?2) AS due",
    )?;
    let n: i64 = stmt.query_row(params![secs(until), super::rows::sql_limit(cap)], |r| {
        r.get(0)
    })?;
    Ok(n as usize)
}

/// An instant no later than `until` by which about `accounts` accounts have
/// their next event due: where a long sweep can pause (R12a: sweeping in
/// steps leaves the same portal as one sweep).
pub fn step_boundary(conn: &Connection, until: Instant, accounts: usize) -> Result<Instant> {
    let mut stmt = conn.prepare_cached(
        "SELECT next_event_at FROM accounts WHERE next_event_at <= ?1 \
         ORDER BY next_event_at LIMIT 1 OFFSET ?2",
    )?;
    let at: Option<i64> = stmt
        .query_row(params![secs(until), accounts as i64], |r| r.get(0))
        .optional()?;
    Ok(opt_instant(at, "next event instant")?.map_or(until, |at| at.min(until)))
}

/// The instant of the portal's next event, from the index (R12).
pub fn next_event_instant(conn: &Connection) -> Result<Option<Instant>> {
    let at: Option<i64> = conn.query_row(
        "SELECT min(next_event_at) FROM accounts WHERE next_event_at IS NOT NULL",
        [],
        |r| r.get(0),
    )?;
    opt_instant(at, "next event instant")
}

/// R6b: of the posts a disconnect canceled, how many would publish again if
/// the account were reconnected at `now`, and how many were missed.
pub fn resumable_and_missed(conn: &Connection, id: AccountId, now: Instant) -> Result<(i64, i64)> {
    conn.query_row(
        "SELECT count(*) FILTER (WHERE scheduled_at > ?2), \
         count(*) FILTER (WHERE scheduled_at <= ?2) \
         FROM posts WHERE account_id = ?1 AND status = 'scheduled'",
        params![id, secs(now)],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
}

/// How many published posts the account has (R5b: they leave the tab).
pub fn published_post_count(conn: &Connection, id: AccountId) -> Result<i64> {
    conn.query_row(
        "SELECT count(*) FROM posts WHERE account_id = ?1 AND status = 'published'",
        [id],
        |r| r.get(0),
    )
}

/// Streams the Accounts list a page at a time, from `cursor` on, at most
/// `limit` accounts.
pub fn for_each_listed(
    conn: &Connection,
    filter: ListFilter<'_>,
    cursor: Option<ListCursor>,
    limit: Option<usize>,
    each: impl FnMut(AccountRecord) -> Result<()>,
) -> Result<()> {
    super::stream_pages(
        cursor,
        limit,
        |cursor, want| {
            let anchor = cursor.map_or(Bound::Start, Bound::After);
            window(conn, filter, anchor, want)
        },
        |record| ListCursor::of(&record.account),
        each,
    )
}

/// R8: how many accounts the list hides at `now`, from the index.
pub fn hidden_count(conn: &Connection, now: Instant) -> Result<i64> {
    conn.query_row(
        "SELECT count(*) FROM accounts WHERE disconnected_at IS NOT NULL AND disconnected_at <= ?1",
        [secs(hidden_cutoff(now))],
        |r| r.get(0),
    )
}

/// Every account, by id (the calendar of deadlines reads them all).
pub fn all_records(conn: &Connection) -> Result<Vec<AccountRecord>> {
    let sql = format!("{} ORDER BY a.id", super::rows::account_record_select());
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], super::rows::account_record_from_row)?;
    rows.collect()
}
