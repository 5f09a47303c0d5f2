//! What a dialog shows before an action, computed the way the action itself
//! will be (same actor, same authorization, same rules), so a dialog never
//! promises what the action would not do. A refusal here is audited like the
//! action's own (R10e).

use super::rows::AccountRecord;
use super::{Session, accounts, notifications, posts, users};
use crate::error::Result;
use crate::lifecycle::permission::{Attempt, authorize, recommended_reconnector};
use crate::lifecycle::{AccountId, Denial, DisconnectReason, Instant, PostId, Tier, User};

/// R5: what a disconnect will do.
#[derive(Clone, Debug)]
pub struct DisconnectPreview {
    pub account: AccountRecord,
    /// Scheduled posts it cancels (R5a).
    pub scheduled: i64,
    /// Published posts that leave the Published tab (R5b).
    pub published: i64,
    /// Until when a reconnect restores everything (R6, R7).
    pub restore_until: Option<Instant>,
}

pub fn disconnect(session: &mut Session<'_>, id: AccountId) -> Result<DisconnectPreview> {
    let actor = session.require_actor()?;
    let conn = session.conn();
    let record = accounts::record(conn, id)?;
    session.attempting("disconnect", Some(id));
    session.authorize(&actor, Attempt::Disconnect(&record.account))?;
    let after =
        record
            .account
            .disconnect(DisconnectReason::Manual, session.instant(), Some(actor.id))?;
    Ok(DisconnectPreview {
        scheduled: accounts::scheduled_post_count(conn, id)?,
        published: accounts::published_post_count(conn, id)?,
        restore_until: after.reconnect_deadline(),
        account: record,
    })
}

/// R6, R7, R10c: what a reconnect will do.
#[derive(Clone, Debug)]
pub struct ReconnectPreview {
    pub account: AccountRecord,
    /// Canceled posts that publish again (R6b).
    pub resume: i64,
    /// Posts whose time passed meanwhile: they stay canceled as missed.
    pub missed: i64,
    /// Within the window (R6), or a fresh start after it (R7).
    pub restored: bool,
    /// R10c: the original connector, when someone else reconnects.
    pub recommend: Option<String>,
    /// Who reconnects (their email).
    pub actor: String,
}

pub fn reconnect(session: &mut Session<'_>, id: AccountId) -> Result<ReconnectPreview> {
    let actor = session.require_actor()?;
    let conn = session.conn();
    let record = accounts::record(conn, id)?;
    session.attempting("reconnect", Some(id));
    session.authorize(&actor, Attempt::Reconnect(&record.account))?;
    let outcome = record.account.reconnect(actor.id, session.instant())?;
    let (resume, missed) = if outcome.restored {
        accounts::resumable_and_missed(conn, id, session.instant())?
    } else {
        (0, 0)
    };
    let recommend = match recommended_reconnector(&record.account, actor.id) {
        Some(original) => Some(users::email_of(conn, original)?),
        None => None,
    };
    Ok(ReconnectPreview {
        account: record,
        resume,
        missed,
        restored: outcome.restored,
        recommend,
        actor: actor.email.clone(),
    })
}

/// R13: what a removal deletes.
#[derive(Clone, Debug)]
pub struct RemovePreview {
    pub account: AccountRecord,
    pub posts: i64,
}

pub fn remove(session: &mut Session<'_>, id: AccountId) -> Result<RemovePreview> {
    let actor = session.require_actor()?;
    let conn = session.conn();
    let record = accounts::record(conn, id)?;
    session.attempting("remove", Some(id));
    session.authorize(&actor, Attempt::Remove(&record.account))?;
    Ok(RemovePreview {
        posts: posts::count_for_account(conn, id)?,
        account: record,
    })
}

/// R10a: whether the acting user may open Connect account.
pub fn connect(session: &mut Session<'_>) -> Result<()> {
    let actor = session.require_actor()?;
    session.attempting("connect", None);
    session.authorize(&actor, Attempt::Connect)
}

/// An account's detail: its record and how many posts it holds.
#[derive(Clone, Debug)]
pub struct AccountDetail {
    pub account: AccountRecord,
    pub scheduled: i64,
    pub published: i64,
    /// R6b: posts whose time passed while it was disconnected.
    pub missed: i64,
    pub posts: i64,
    /// Its reminders under the portal's plan (issue 21).
    pub reminders: Vec<crate::lifecycle::Instant>,
}

pub fn detail(session: &Session<'_>, id: AccountId) -> Result<AccountDetail> {
    let conn = session.conn();
    let account = accounts::record(conn, id)?;
    Ok(AccountDetail {
        reminders: account.account.reminders(&session.info.reminders),
        account,
        scheduled: accounts::scheduled_post_count(conn, id)?,
        published: accounts::published_post_count(conn, id)?,
        missed: posts::missed_count(conn, id)?,
        posts: posts::count_for_account(conn, id)?,
    })
}

/// R10f: whether the acting user may schedule or draft on an account that
/// still has a history (not expired, R7).
fn may_post(session: &Session<'_>, actor: &User, record: &AccountRecord) -> bool {
    authorize(actor, session.info.tier, Attempt::Post(&record.account)).is_ok()
        && record.account.status() != crate::lifecycle::Status::Expired
}

/// The account, when the acting user may post to it (R10f).
pub fn postable(session: &Session<'_>, id: AccountId) -> Result<Option<AccountRecord>> {
    let actor = session.require_actor()?;
    let record = accounts::record(session.conn(), id)?;
    Ok(may_post(session, &actor, &record).then_some(record))
}

/// R10f: the accounts the acting user may schedule or draft on, in list
/// order, whose name or handle contains `text`: at most `limit`.
pub fn postable_accounts(
    session: &Session<'_>,
    text: Option<&str>,
    limit: usize,
) -> Result<Vec<AccountRecord>> {
    let actor = session.require_actor()?;
    let conn = session.conn();
    let filter = accounts::ListFilter {
        include_hidden: true,
        text,
        ..accounts::ListFilter::list(session.instant())
    };
    let mut found = Vec::new();
    let mut cursor: Option<accounts::ListCursor> = None;
    // A page at a time, so a user allowed few accounts of many does not
    // load them all.
    for _ in 0..40 {
        let anchor = match &cursor {
            Some(c) => accounts::Bound::After(c),
            None => accounts::Bound::Start,
        };
        let page = accounts::window(conn, filter, anchor, 250)?;
        let Some(last) = page.last() else { break };
        cursor = Some(accounts::ListCursor::of(&last.account));
        let full = page.len() == 250;
        for record in page {
            if may_post(session, &actor, &record) {
                found.push(record);
                if found.len() == limit {
                    return Ok(found);
                }
            }
        }
        if !full {
            break;
        }
    }
    Ok(found)
}

/// R10f: a post the acting user means to cancel or reschedule, with a
/// refusal audited as that action's.
pub fn post_change(
    session: &mut Session<'_>,
    id: PostId,
    action: &'static str,
) -> Result<posts::PostLine> {
    let actor = session.require_actor()?;
    let conn = session.conn();
    let line = posts::line(conn, id)?;
    let account = accounts::require(conn, line.post.account_id)?;
    session.attempting(action, Some(account.id));
    session.authorize(&actor, Attempt::Post(&account))?;
    Ok(line)
}

/// Whether the acting user may see the social tool (R2, R10d).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Access {
    Granted,
    /// R2: the tier has no social tool.
    Locked(String),
    /// R10d or a deactivated user.
    NoAccess(String),
}

/// What a screen's header and permissions need: who acts, where, when.
#[derive(Clone, Debug)]
pub struct Standing {
    pub portal: String,
    pub tier: Tier,
    pub actor: User,
    pub now: Instant,
    pub demo: bool,
    /// On a demo clock that swept past the system clock: the instant until
    /// which going back to the system clock is refused (T4), so the menu
    /// offers only what can be done (issue 18, item 5).
    pub system_clock_from: Option<Instant>,
    pub unread: i64,
    pub access: Access,
    /// The zone the actor reads times in (issue 21).
    pub zone: crate::zone::Tz,
}

impl Standing {
    /// R10b: whether the acting user may disconnect or remove this account
    /// (the row shows the actions, or who may).
    pub fn may_disconnect(&self, record: &AccountRecord) -> bool {
        authorize(&self.actor, self.tier, Attempt::Disconnect(&record.account)).is_ok()
    }
}

pub fn standing(session: &Session<'_>) -> Result<Standing> {
    let actor = session.require_actor()?;
    let conn = session.conn();
    let access = match authorize(&actor, session.info.tier, Attempt::ViewSocial) {
        Ok(()) => Access::Granted,
        Err(denial @ Denial::TierWithoutSocialTool(_)) => {
            Access::Locked(denial.message(&|_| String::new()))
        }
        Err(denial) => {
            Access::NoAccess(denial.message(&|id| users::email_of(conn, id).unwrap_or_default()))
        }
    };
    Ok(Standing {
        portal: session.info.name.clone(),
        tier: session.info.tier,
        unread: notifications::unread_count(conn, actor.id)?,
        actor,
        now: session.instant(),
        demo: session.now.source == crate::clock::ClockSource::Demo,
        system_clock_from: match session.now.source {
            crate::clock::ClockSource::Demo => {
                crate::lifecycle::check_clock(crate::clock::system_now(), session.info.swept_until)
                    .err()
                    .and(session.info.swept_until)
            }
            _ => None,
        },
        access,
        zone: session.reader_zone(),
    })
}

/// One account in a bulk dialog: what will happen to it, or why it will not
/// (who may, R10e).
#[derive(Clone, Debug)]
pub struct BulkLine {
    pub account: AccountRecord,
    pub will: std::result::Result<String, String>,
}

/// What a bulk action will do to each account, as its one-account dialog
/// would say; refusals are audited like those.
pub fn bulk(
    session: &mut Session<'_>,
    kind: super::actions::Bulk,
    ids: &[AccountId],
) -> Result<Vec<BulkLine>> {
    use super::actions::Bulk;
    let mut lines = Vec::with_capacity(ids.len());
    for &id in ids {
        let account = accounts::record(session.conn(), id)?;
        let will = session.one_of_several(|s| match kind {
            Bulk::Disconnect => {
                disconnect(s, id).map(|p| crate::tr!("bulk-will-disconnect", count = p.scheduled))
            }
            Bulk::Reconnect => reconnect(s, id).map(|p| {
                if p.restored {
                    crate::tr!("bulk-will-reconnect", resumed = p.resume, missed = p.missed)
                } else {
                    crate::tr!("bulk-will-start-fresh")
                }
            }),
            Bulk::Remove => remove(s, id).map(|p| crate::tr!("bulk-will-remove", count = p.posts)),
        })?;
        lines.push(BulkLine {
            account,
            will: will.map_err(|e| e.to_string()),
        });
    }
    Ok(lines)
}
