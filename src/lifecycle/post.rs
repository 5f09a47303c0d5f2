//! Posts: what a post's status is once its account's state is applied
//! (R5a-c, R6b-c), which tab lists it, and what users may do to it (R10f).

use super::account::Account;
use super::refusal::StateRefusal;
use super::time::Instant;

pub type PostId = i64;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PostStatus {
    Draft,
    Scheduled,
    Published,
    Canceled,
}

impl PostStatus {
    pub fn name(self) -> &'static str {
        match self {
            PostStatus::Draft => "draft",
            PostStatus::Scheduled => "scheduled",
            PostStatus::Published => "published",
            PostStatus::Canceled => "canceled",
        }
    }

    pub fn parse(text: &str) -> Option<PostStatus> {
        [
            PostStatus::Draft,
            PostStatus::Scheduled,
            PostStatus::Published,
            PostStatus::Canceled,
        ]
        .into_iter()
        .find(|s| s.name() == text)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CancelCause {
    User,
    Disconnected,
    Missed,
}

impl CancelCause {
    pub fn name(self) -> &'static str {
        match self {
            CancelCause::User => "user",
            CancelCause::Disconnected => "disconnected",
            CancelCause::Missed => "missed",
        }
    }

    pub fn parse(text: &str) -> Option<CancelCause> {
        [
            CancelCause::User,
            CancelCause::Disconnected,
            CancelCause::Missed,
        ]
        .into_iter()
        .find(|c| c.name() == text)
    }
}

/// A post's status as people see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EffectiveStatus {
    pub status: PostStatus,
    pub cancel_cause: Option<CancelCause>,
}

/// R5a: a disconnect cancels every scheduled post of the account, with cause
/// `disconnected`. It is a fact about the account, so a disconnect costs the
/// same whatever the number of posts: a stored `scheduled` post of an account
/// that is not connected *is* canceled. A reconnect (R6b) lifts it.
pub fn effective_status(
    stored: PostStatus,
    stored_cause: Option<CancelCause>,
    account_connected: bool,
) -> EffectiveStatus {
    match stored {
        PostStatus::Scheduled if !account_connected => EffectiveStatus {
            status: PostStatus::Canceled,
            cancel_cause: Some(CancelCause::Disconnected),
        },
        PostStatus::Canceled => EffectiveStatus {
            status: PostStatus::Canceled,
            cancel_cause: stored_cause,
        },
        other => EffectiveStatus {
            status: other,
            cancel_cause: None,
        },
    }
}

/// The Publishing tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Scheduled,
    Published,
    Drafts,
    Canceled,
}

impl Tab {
    pub const ALL: [Tab; 4] = [Tab::Scheduled, Tab::Published, Tab::Drafts, Tab::Canceled];

    pub fn name(self) -> &'static str {
        match self {
            Tab::Scheduled => "scheduled",
            Tab::Published => "published",
            Tab::Drafts => "drafts",
            Tab::Canceled => "canceled",
        }
    }

    pub fn parse(text: &str) -> Result<Tab, super::ParseError> {
        Tab::ALL
            .into_iter()
            .find(|t| t.name() == text.trim().to_ascii_lowercase())
            .ok_or_else(|| super::ParseError::UnknownTab(text.to_string()))
    }
}

/// Which tab lists a post, if any. R5b: published posts of an account that is
/// not connected are not listed (the rows stay); R5c: drafts always are.
pub fn listed_in(status: EffectiveStatus, account_connected: bool) -> Option<Tab> {
    match status.status {
        PostStatus::Scheduled => Some(Tab::Scheduled),
        PostStatus::Published if account_connected => Some(Tab::Published),
        PostStatus::Published => None,
        PostStatus::Draft => Some(Tab::Drafts),
        PostStatus::Canceled => Some(Tab::Canceled),
    }
}

/// R10f: scheduling needs a connected account and a future instant (T3: an
/// instant equal to now has already happened).
pub fn check_schedulable(account: &Account, at: Instant, now: Instant) -> Result<(), StateRefusal> {
    if !account.is_connected() {
        return Err(StateRefusal::AccountNotConnected);
    }
    if at <= now {
        return Err(StateRefusal::NotInTheFuture { at, now });
    }
    Ok(())
}

/// R1 and R5: a post scheduled at `at` on `account` falls at or after the
/// account's reauthorization deadline, so the disconnect at that deadline
/// cancels it unless someone reauthorizes first (a warning, not a refusal:
/// issue 18, item 3). The deadline, when it does.
pub fn past_reauth_deadline(account: &Account, at: Instant) -> Option<Instant> {
    account.reauth_due_at().filter(|due| at >= *due)
}

/// Drafts are kept while disconnected (R5c) but not on a purged account (R7).
pub fn check_draftable(account: &Account) -> Result<(), StateRefusal> {
    match account.status() {
        super::account::Status::Expired => Err(StateRefusal::AccountExpired),
        _ => Ok(()),
    }
}

/// A user cancels a post. A post canceled by a disconnect may be canceled by
/// the user too, so that it does not come back on reconnect.
pub fn cancel(current: EffectiveStatus) -> Result<EffectiveStatus, StateRefusal> {
    match (current.status, current.cancel_cause) {
        (PostStatus::Published, _) => Err(StateRefusal::PostAlreadyPublished),
        (PostStatus::Canceled, Some(CancelCause::User)) => Err(StateRefusal::PostAlreadyCanceled),
        _ => Ok(EffectiveStatus {
            status: PostStatus::Canceled,
            cancel_cause: Some(CancelCause::User),
        }),
    }
}

/// Drafts and scheduled or canceled posts can be (re)scheduled (R6b: missed
/// posts "can be rescheduled"); published ones cannot.
pub fn reschedule(
    current: EffectiveStatus,
    account: &Account,
    at: Instant,
    now: Instant,
) -> Result<EffectiveStatus, StateRefusal> {
    if current.status == PostStatus::Published {
        return Err(StateRefusal::PostAlreadyPublished);
    }
    check_schedulable(account, at, now)?;
    Ok(EffectiveStatus {
        status: PostStatus::Scheduled,
        cancel_cause: None,
    })
}
