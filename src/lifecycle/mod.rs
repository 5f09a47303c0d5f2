//! The lifecycle rules of `RULES.md`, and only here. Pure functions of state
//! and `now`: no clock reads, no I/O, no SQL. The store runs them inside its
//! transactions; the CLI and the TUI only translate.

pub mod account;
pub mod events;
pub mod handle;
pub mod notify;
pub mod parse;
pub mod permission;
pub mod policy;
pub mod post;
pub mod refusal;
pub mod reminders;
pub mod time;

#[cfg(test)]
mod tests;

pub use account::{
    Account, AccountId, ConnectionState, DisconnectReason, Disconnection, NextStep, StateFilter,
    Status,
};
pub use events::{DueEvent, EventKind};
pub use parse::ParseError;
pub use permission::{Attempt, SocialAccess, User};
pub use policy::{Network, Tier};
pub use post::{CancelCause, EffectiveStatus, PostId, PostStatus, Tab};
pub use refusal::{Denial, StateRefusal, UserId};
pub use reminders::{Lead, PlanError, ReminderPlan};
pub use time::Instant;

/// T4: a portal's clock never goes backwards. `swept_until` is the last
/// instant the portal was brought up to; `None` if it never was.
pub fn check_clock(now: Instant, swept_until: Option<Instant>) -> Result<(), StateRefusal> {
    match swept_until {
        Some(swept_until) if now < swept_until => {
            Err(StateRefusal::ClockBackwards { now, swept_until })
        }
        _ => Ok(()),
    }
}
