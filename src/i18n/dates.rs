//! Dates and times for people in the current language: `Mar 04 2026 09:00`
//! or `4 mar 2026, 09:00`, `in 3 days` or `tra 3 giorni`, always a 24-hour
//! clock. Month names and relative times come from the catalogs; the order
//! of day and month is the language's.

use chrono::{DateTime, Datelike, Timelike};

use super::{Lang, current};
use crate::lifecycle::Instant;
use crate::tr;

/// The month's short name: `Mar`, `mar`.
pub fn month_short(month: u32) -> String {
    tr!("month-short", month = month)
}

/// `Mar 04` / `4 mar`.
pub fn day_month<Tz: chrono::TimeZone>(t: &DateTime<Tz>) -> String {
    let month = month_short(t.month());
    match current() {
        Lang::En => format!("{month} {:02}", t.day()),
        Lang::It => format!("{} {month}", t.day()),
    }
}

/// `Mar 04 2026 09:00` / `4 mar 2026, 09:00`.
pub fn long<Tz: chrono::TimeZone>(t: &DateTime<Tz>) -> String {
    let month = month_short(t.month());
    let time = format!("{:02}:{:02}", t.hour(), t.minute());
    match current() {
        Lang::En => format!("{month} {:02} {} {time}", t.day(), t.year()),
        Lang::It => format!("{} {month} {}, {time}", t.day(), t.year()),
    }
}

/// `long` on the reader's clock (issue 21), with the zone's abbreviation
/// when that wall time happens twice (the hour a clock goes back).
pub fn long_local(t: Instant) -> String {
    let local = crate::zone::local(t);
    let text = long(&local);
    if crate::zone::ambiguous(&local) {
        format!("{text} {}", crate::zone::abbreviation(&local))
    } else {
        text
    }
}

/// "in 3 days", "5 hours ago", "now" / "tra 3 giorni", "5 ore fa", "ora".
pub fn relative(t: Instant, now: Instant) -> String {
    let seconds = (t - now).num_seconds();
    let span = seconds.unsigned_abs();
    let (unit, count) = match span {
        0..=59 => return tr!("relative-now"),
        60..=3_599 => ("minutes", span / 60),
        3_600..=86_399 => ("hours", span / 3_600),
        _ => ("days", span / 86_400),
    };
    let when = if seconds > 0 { "future" } else { "past" };
    crate::i18n::message(
        &format!("relative-{when}-{unit}"),
        &[("count", crate::i18n::Arg::from(count))],
    )
}
