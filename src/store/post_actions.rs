//! What users do to posts (R10f): schedule, draft, cancel, reschedule. Each
//! runs inside a command's transaction, as the account actions do.

use super::actions::check_text;
use super::audit::{self, Outcome};
use super::rows::PostRecord;
use super::{Session, accounts, posts};
use crate::error::Result;
use crate::lifecycle::permission::Attempt;
use crate::lifecycle::post::{self, EffectiveStatus, PostStatus};
use crate::lifecycle::time::format_instant;
use crate::lifecycle::{Account, AccountId, Instant, PostId, StateRefusal};

/// R10f: schedules a post.
pub fn schedule_post(
    session: &mut Session<'_>,
    account_id: AccountId,
    at: Instant,
    text: &str,
) -> Result<PostRecord> {
    create_post(session, account_id, Some(at), text)
}

/// R10f, R5c: drafts a post.
pub fn draft_post(
    session: &mut Session<'_>,
    account_id: AccountId,
    text: &str,
) -> Result<PostRecord> {
    create_post(session, account_id, None, text)
}

/// A new post: scheduled at `at`, or a draft.
fn create_post(
    session: &mut Session<'_>,
    account_id: AccountId,
    at: Option<Instant>,
    text: &str,
) -> Result<PostRecord> {
    let actor = session.require_actor()?;
    let conn = session.conn();
    let now = session.instant();
    let account = accounts::require(conn, account_id)?;
    let text = check_text(text, account.network)?;
    let text = text.as_str();
    let action = if at.is_some() {
        "schedule_post"
    } else {
        "draft_post"
    };
    session.attempting(action, Some(account_id));
    session.authorize(&actor, Attempt::Post(&account))?;
    match at {
        Some(at) => post::check_schedulable(&account, at, now)?,
        None => post::check_draftable(&account)?,
    }
    let id = posts::insert(
        conn,
        &posts::NewPost {
            account_id,
            status: if at.is_some() {
                PostStatus::Scheduled
            } else {
                PostStatus::Draft
            },
            scheduled_at: at,
            created_by: actor.id,
            created_at: now,
            text,
        },
    )?;
    accounts::refresh_next_event(conn, &account)?;
    let detail = match at {
        Some(at) => crate::tr!("audit-post-scheduled", id = id, at = format_instant(at)),
        None => crate::tr!("audit-post-drafted", id = id),
    };
    audit::record(
        conn,
        now,
        &actor.email,
        action,
        Some(account_id),
        Outcome::Ok,
        &detail,
        None,
    )?;
    posts::load(conn, id)
}

/// A user cancels a post, or (re)schedules one.
fn change_post(
    session: &mut Session<'_>,
    id: PostId,
    action: &'static str,
    decide: impl FnOnce(EffectiveStatus, &Account, Instant) -> Result<EffectiveStatus, StateRefusal>,
    at: Option<Instant>,
) -> Result<PostRecord> {
    let actor = session.require_actor()?;
    let conn = session.conn();
    let now = session.instant();
    let current = posts::load(conn, id)?;
    let account = accounts::require(conn, current.account_id)?;
    session.attempting(action, Some(account.id));
    session.authorize(&actor, Attempt::Post(&account))?;
    let next = decide(current.status, &account, now)?;
    posts::update(conn, id, next, at)?;
    accounts::refresh_next_event(conn, &account)?;
    let detail = match at {
        Some(at) => crate::tr!("audit-post-rescheduled", id = id, at = format_instant(at)),
        None => crate::tr!("audit-post-canceled", id = id),
    };
    audit::record(
        conn,
        now,
        &actor.email,
        action,
        Some(account.id),
        Outcome::Ok,
        &detail,
        None,
    )?;
    posts::load(conn, id)
}

pub fn cancel_post(session: &mut Session<'_>, id: PostId) -> Result<PostRecord> {
    change_post(
        session,
        id,
        "cancel_post",
        |current, _, _| post::cancel(current),
        None,
    )
}

pub fn reschedule_post(session: &mut Session<'_>, id: PostId, at: Instant) -> Result<PostRecord> {
    change_post(
        session,
        id,
        "reschedule_post",
        |current, account, now| post::reschedule(current, account, at, now),
        Some(at),
    )
}
