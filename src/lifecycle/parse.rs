//! Why a typed value is not one the rules take: typed, without words (the
//! faces word them, `i18n::parse_errors`).

use super::time::Instant;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseError {
    UnknownTab(String),
    UnknownEvent(String),
    UnknownStatus(String),
    UnknownAccess(String),
    UnknownNetwork(String),
    UnknownTier(String),
    NotAnInstant {
        text: String,
        why: InstantProblem,
    },
    /// An instant outside the years a portal holds (T1).
    InstantOutOfYears {
        text: String,
    },
    /// Moving the clock from `from` by `days` leaves those years (T4).
    ClockOutOfYears {
        from: Instant,
        days: i64,
    },
    DurationEmpty,
    DurationUnit {
        text: String,
        unit: char,
    },
    DurationNoNumber {
        text: String,
    },
    DurationTooLong {
        text: String,
    },
    DurationNoUnit {
        text: String,
    },
    DurationZero {
        text: String,
    },
}

/// What is wrong with a text that is not an RFC 3339 instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InstantProblem {
    TooShort,
    TooLong,
    Impossible,
    NotEnough,
    Form,
}

/// The first and last years an instant may have (T1).
pub const YEARS: (i32, i32) = (1970, 9000);
