//! Posts. Only the missed posts of a reconnect, publications, user actions,
//! purges (R7) and removals (R13) write here; a disconnect writes nothing
//! (R5a is applied by `lifecycle::post::effective_status`).

use super::db::{Connection, OptionalExtension, params};

use super::rows::{POST_COLUMNS, PostRecord, Seek, instant, post_from_row, secs};
use crate::error::{Error, Result};
use crate::lifecycle::post::{EffectiveStatus, PostStatus, Tab};
use crate::lifecycle::{AccountId, Instant, Network, PostId, User, UserId};

const FROM_POSTS: &str =
    "FROM posts p JOIN accounts a ON a.id = p.account_id JOIN users u ON u.id = p.created_by";

pub fn not_found(id: PostId) -> Error {
    Error::not_found("no_post", crate::tr!("error-no-post", id = id))
}

pub struct NewPost<'a> {
    pub account_id: AccountId,
    pub status: PostStatus,
    pub scheduled_at: Option<Instant>,
    pub created_by: UserId,
    pub created_at: Instant,
    pub text: &'a str,
}

pub fn insert(conn: &Connection, post: &NewPost<'_>) -> Result<PostId> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO posts (account_id, status, scheduled_at, created_by, created_at, text) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    stmt.execute(params![
        post.account_id,
        post.status.name(),
        post.scheduled_at.map(secs),
        post.created_by,
        secs(post.created_at),
        post.text
    ])?;
    conn.last_insert_rowid()
}

pub fn load(conn: &Connection, id: PostId) -> Result<PostRecord> {
    let sql = format!("SELECT {POST_COLUMNS} {FROM_POSTS} WHERE p.id = ?1");
    conn.query_row(&sql, [id], |r| Ok(post_from_row(r)))
        .optional()?
        .transpose()?
        .ok_or_else(|| not_found(id))
}

/// Writes a user's change of a post: a new status, and for a scheduled one
/// its instant.
pub fn update(
    conn: &Connection,
    id: PostId,
    status: EffectiveStatus,
    scheduled_at: Option<Instant>,
) -> Result<()> {
    conn.execute(
        "UPDATE posts SET status = ?2, cancel_cause = ?3, scheduled_at = coalesce(?4, scheduled_at) \
         WHERE id = ?1",
        params![
            id,
            status.status.name(),
            status.cancel_cause.map(|c| c.name()),
            scheduled_at.map(secs)
        ],
    )?;
    Ok(())
}

/// R11: publishes the account's scheduled posts due at or before `through`,
/// each at its own instant. Returns (id, instant) in time order.
pub fn publish_through(
    conn: &Connection,
    account_id: AccountId,
    through: Instant,
) -> Result<Vec<(PostId, Instant)>> {
    let mut stmt = conn.prepare_cached(
        "UPDATE posts SET status = 'published', published_at = scheduled_at \
         WHERE account_id = ?1 AND status = 'scheduled' AND scheduled_at <= ?2 \
         RETURNING id, scheduled_at",
    )?;
    let mut published = stmt
        .query_map(params![account_id, secs(through)], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
        })?
        .map(|r| -> Result<(PostId, Instant)> {
            let (id, at) = r?;
            Ok((id, instant(at, "scheduled instant")?))
        })
        .collect::<Result<Vec<_>>>()?;
    published.sort_by_key(|(id, at)| (*at, *id));
    Ok(published)
}

/// R6b: the posts a disconnect canceled whose time came while disconnected
/// stay canceled, as missed. Only these rows are written on a reconnect.
pub fn mark_missed(conn: &Connection, account_id: AccountId, through: Instant) -> Result<usize> {
    conn.execute(
        "UPDATE posts SET status = 'canceled', cancel_cause = 'missed' \
         WHERE account_id = ?1 AND status = 'scheduled' AND scheduled_at <= ?2",
        params![account_id, secs(through)],
    )
}

/// R7, R13: deletes every post of the account; returns how many.
pub fn delete_all(conn: &Connection, account_id: AccountId) -> Result<usize> {
    conn.execute("DELETE FROM posts WHERE account_id = ?1", [account_id])
}

/// The account's post with exactly this text, if any (demo scripts name
/// posts by their text).
pub fn find_by_text(
    conn: &Connection,
    account_id: AccountId,
    text: &str,
) -> Result<Option<PostId>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id FROM posts WHERE account_id = ?1 AND text = ?2 ORDER BY id LIMIT 1",
    )?;
    stmt.query_row(super::db::params![account_id, text], |r| r.get(0))
        .optional()
}

pub fn count_for_account(conn: &Connection, account_id: AccountId) -> Result<i64> {
    conn.query_row(
        "SELECT count(*) FROM posts WHERE account_id = ?1",
        [account_id],
        |r| r.get(0),
    )
}

/// R9b: the creators of the account's posts that are scheduled now.
pub fn creators_of_scheduled(conn: &Connection, account_id: AccountId) -> Result<Vec<User>> {
    let sql = format!(
        "SELECT {} FROM users u WHERE u.id IN \
         (SELECT created_by FROM posts WHERE account_id = ?1 AND status = 'scheduled') ORDER BY u.id",
        super::rows::USER_COLUMNS
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([account_id], |r| Ok(super::rows::user_from_row(r)))?;
    rows.map(|r| r?).collect()
}

/// The SQL condition for a Publishing tab: the same rule as
/// `lifecycle::post::listed_in` over `effective_status` (a test holds them equal).
fn tab_condition(tab: Tab) -> &'static str {
    match tab {
        Tab::Scheduled => "p.status = 'scheduled' AND a.status = 'connected'",
        Tab::Published => "p.status = 'published' AND a.status = 'connected'",
        Tab::Drafts => "p.status = 'draft'",
        Tab::Canceled => {
            "(p.status = 'canceled' OR (p.status = 'scheduled' AND a.status != 'connected'))"
        }
    }
}

/// One page of posts by id, after `after`: one tab's (R5b applied), or every
/// post that exists; one account's, or all.
pub fn page(
    conn: &Connection,
    tab: Option<Tab>,
    account: Option<AccountId>,
    after: Option<PostId>,
    limit: usize,
) -> Result<Vec<PostRecord>> {
    // Without an account, the Canceled tab is two streams by id (an OR
    // would read the whole tab for every page); with one, its few posts.
    if tab == Some(Tab::Canceled) && account.is_none() {
        let mut page = page_where(conn, "p.status = 'canceled'", None, after, limit)?;
        page.extend(page_where(
            conn,
            "p.status = 'scheduled' AND a.status != 'connected'",
            None,
            after,
            limit,
        )?);
        page.sort_by_key(|p| p.id);
        page.truncate(limit);
        return Ok(page);
    }
    page_where(
        conn,
        tab.map_or("1 = 1", tab_condition),
        account,
        after,
        limit,
    )
}

/// One page by id of the posts meeting `condition`. One statement per
/// filter shape, never `?1 IS NULL OR ...`, which hides the equality from
/// the planner (a full scan per page).
fn page_where(
    conn: &Connection,
    condition: &str,
    account: Option<AccountId>,
    after: Option<PostId>,
    limit: usize,
) -> Result<Vec<PostRecord>> {
    let scope = if account.is_some() {
        "p.account_id = ?1"
    } else {
        "CAST(?1 AS BIGINT) IS NULL"
    };
    let sql = format!(
        "SELECT {POST_COLUMNS} {FROM_POSTS} WHERE {condition} AND {scope} \
         AND p.id > ?2 ORDER BY p.id LIMIT ?3"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(
        params![account, after.unwrap_or(0), super::rows::sql_limit(limit)],
        |r| Ok(post_from_row(r)),
    )?;
    rows.map(|r| r?).collect()
}

/// A post as the Publishing tab lists it: with its account and its author.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PostLine {
    pub post: PostRecord,
    pub network: Network,
    pub handle: String,
    pub account_name: String,
    pub author_name: String,
    /// Where the row stands in its tab's order (see `tab_page`).
    pub cursor: TimeCursor,
}

/// A place in a Publishing tab: the row's instant (seconds) and id.
pub type TimeCursor = (i64, PostId);

/// Each tab's order: the instant people look for first, then the id.
/// The instant is the stored `listed_at` (migration 003), which holds each
/// tab's: scheduled time, publication time, creation time of a draft, and
/// for canceled posts the time they were meant for, else their creation.
fn tab_order(tab: Tab) -> (&'static str, bool) {
    // Soonest first in Scheduled, what publishes next; newest first elsewhere.
    ("p.listed_at", tab == Tab::Scheduled)
}

/// One page of a Publishing tab (R5b applied) in the tab's time order,
/// after `after`, by keyset.
pub fn tab_page(
    conn: &Connection,
    tab: Tab,
    seek: impl Into<Seek<TimeCursor>>,
    limit: usize,
) -> Result<Vec<PostLine>> {
    let seek = seek.into();
    if tab != Tab::Canceled {
        return ordered_page(conn, tab_condition(tab), tab_order(tab), seek, limit);
    }
    // The Canceled tab is two index-ordered streams (R5a: canceled posts,
    // and scheduled posts of accounts that are not connected), merged: an
    // OR in one query would sort the whole tab for every page.
    let order = tab_order(Tab::Canceled);
    let mut page = ordered_page(conn, "p.status = 'canceled'", order, seek, limit)?;
    page.extend(ordered_page(
        conn,
        "p.status = 'scheduled' AND a.status != 'connected'",
        order,
        seek,
        limit,
    )?);
    // The tab's order (newest first); the rows nearest the anchor.
    page.sort_by_key(|line| std::cmp::Reverse(line.cursor));
    if seek.backwards() {
        let extra = page.len().saturating_sub(limit);
        page.drain(..extra);
    } else {
        page.truncate(limit);
    }
    Ok(page)
}

/// One keyset page of posts meeting `condition`, in `order`.
fn ordered_page(
    conn: &Connection,
    condition: &str,
    (key, ascending): (&str, bool),
    seek: Seek<TimeCursor>,
    limit: usize,
) -> Result<Vec<PostLine>> {
    // One statement per kind of seek, not `?1 IS NULL OR ...`: only a plain
    // row-value comparison lets SQLite seek the index to the cursor.
    let kind = match seek {
        Seek::Start => Seek::Start,
        Seek::After(_) => Seek::After(()),
        Seek::Before(_) => Seek::Before(()),
        Seek::End => Seek::End,
    };
    let (seek_condition, order) = super::rows::keyset(&format!("{key}, p.id"), ascending, kind);
    // The keyset's placeholders are ?2 and ?3; the limit is ?1.
    let sql = format!(
        "SELECT {POST_COLUMNS}, a.network, a.handle, a.name, u.name, {key} {FROM_POSTS} \
         WHERE {condition} AND {seek_condition} ORDER BY {order} LIMIT ?1"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let cursor = seek.cursor();
    let rows = stmt.query_map(
        params![
            super::rows::sql_limit(limit),
            cursor.map(|c| c.0),
            cursor.map(|c| c.1)
        ],
        |r| Ok(post_line_from_row(r)),
    )?;
    let mut page: Vec<PostLine> = rows.map(|r| r?).collect::<Result<_>>()?;
    if seek.backwards() {
        page.reverse();
    }
    Ok(page)
}

/// One post as the Publishing tab lists it.
pub fn line(conn: &Connection, id: PostId) -> Result<PostLine> {
    let sql = format!(
        "SELECT {POST_COLUMNS}, a.network, a.handle, a.name, u.name, \
         p.listed_at {FROM_POSTS} WHERE p.id = ?1"
    );
    conn.query_row(&sql, [id], |r| Ok(post_line_from_row(r)))
        .optional()?
        .transpose()?
        .ok_or_else(|| not_found(id))
}

/// The account's earliest missed post (R6b: canceled while disconnected,
/// its time passed), the first to reschedule after a reconnect.
pub fn first_missed(conn: &Connection, account_id: AccountId) -> Result<Option<PostId>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id FROM posts WHERE account_id = ?1 AND status = 'canceled' \
         AND cancel_cause = 'missed' ORDER BY scheduled_at, id LIMIT 1",
    )?;
    stmt.query_row([account_id], |r| r.get(0)).optional()
}

/// How many missed posts the account has (R6b).
pub fn missed_count(conn: &Connection, account_id: AccountId) -> Result<i64> {
    let mut stmt = conn.prepare_cached(
        "SELECT count(*) FROM posts WHERE account_id = ?1 AND status = 'canceled' \
         AND cancel_cause = 'missed'",
    )?;
    stmt.query_row([account_id], |r| r.get(0))
}

fn post_line_from_row(row: &super::db::Row<'_>) -> Result<PostLine> {
    let post = post_from_row(row)?;
    let network: String = row.get(9)?;
    let key: Option<i64> = row.get(13)?;
    Ok(PostLine {
        cursor: (key.unwrap_or(0), post.id),
        network: Network::parse(&network).map_err(|_| super::rows::corrupt("network"))?,
        handle: row.get(10)?,
        account_name: row.get(11)?,
        author_name: row.get(12)?,
        post,
    })
}

/// Streams posts by id a page at a time, from `after` on, at most `limit`.
pub fn for_each(
    conn: &Connection,
    tab: Option<Tab>,
    account: Option<AccountId>,
    after: Option<PostId>,
    limit: Option<usize>,
    each: impl FnMut(PostRecord) -> Result<()>,
) -> Result<()> {
    super::stream_pages(
        after,
        limit,
        |after, want| page(conn, tab, account, after.copied(), want),
        |post| post.id,
        each,
    )
}
