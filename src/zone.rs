//! The reader's time zone (T1: instants are UTC inside; people read their
//! own zone). IANA names through `chrono-tz`, which carries the tz database
//! compiled in (no file to find at run time, the same answers on every
//! machine, chrono's own types). The zone is chosen once per reader: the
//! user's, else the portal's, else UTC; rules and the sweep never see it.

use std::cell::Cell;

use chrono::{DateTime, LocalResult, TimeZone};
pub use chrono_tz::Tz;

use crate::lifecycle::Instant;

thread_local! {
    /// Per thread, like the language: a watch words each message in its
    /// recipient's zone, and tests of several zones run side by side.
    static CURRENT: Cell<Tz> = const { Cell::new(Tz::UTC) };
}

/// Reads times in `zone` from now on (on this thread).
pub fn set(zone: Tz) {
    CURRENT.with(|c| c.set(zone));
}

pub fn current() -> Tz {
    CURRENT.with(Cell::get)
}

/// Runs `work` with `zone` as the reader's, then restores the one before.
pub fn with<T>(zone: Tz, work: impl FnOnce() -> T) -> T {
    let before = current();
    set(zone);
    let value = work();
    set(before);
    value
}

/// An IANA zone name (`Europe/Rome`, `america/new_york`, `UTC`). The error
/// is a word-free reason the faces put in a sentence.
pub fn parse(name: &str) -> Result<Tz, ZoneError> {
    let name = name.trim();
    if name.is_empty() || name.len() > 64 {
        return Err(ZoneError::Unknown);
    }
    if let Ok(zone) = name.parse::<Tz>() {
        return Ok(zone);
    }
    chrono_tz::TZ_VARIANTS
        .iter()
        .find(|z| z.name().eq_ignore_ascii_case(name))
        .copied()
        .ok_or_else(|| {
            // A near miss: the same city under another region, or a prefix.
            let city = name.rsplit('/').next().unwrap_or(name);
            let like = chrono_tz::TZ_VARIANTS
                .iter()
                .find(|z| {
                    z.name()
                        .rsplit('/')
                        .next()
                        .is_some_and(|c| c.eq_ignore_ascii_case(city))
                })
                .map(|z| z.name().to_string());
            match like {
                Some(name) => ZoneError::DidYouMean(name),
                None => ZoneError::Unknown,
            }
        })
}

/// The first zone whose name starts with `prefix` and is longer (a
/// field's Tab completion).
pub fn complete(prefix: &str) -> Option<&'static str> {
    let prefix = prefix.trim().to_ascii_lowercase();
    if prefix.is_empty() {
        return None;
    }
    chrono_tz::TZ_VARIANTS
        .iter()
        .map(|z| z.name())
        .find(|name| name.len() > prefix.len() && name.to_ascii_lowercase().starts_with(&prefix))
}

/// Why a zone name was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ZoneError {
    Unknown,
    DidYouMean(String),
}

/// The zone a stored name means: a name no longer known (written by a newer
/// tz database, or by hand) reads as UTC rather than stopping the reader.
pub fn stored(name: Option<&str>) -> Option<Tz> {
    let name = name?;
    match parse(name) {
        Ok(zone) => Some(zone),
        Err(_) => {
            tracing::warn!(
                zone = %crate::present::escape_control(name),
                "unknown time zone in the portal; showing UTC"
            );
            None
        }
    }
}

/// `t` on the reader's clock.
pub fn local(t: Instant) -> DateTime<Tz> {
    t.with_timezone(&current())
}

/// The zone's abbreviation at `t` (`CET`, `CEST`, `UTC`, or `+03` where the
/// zone has none).
pub fn abbreviation(t: &DateTime<Tz>) -> String {
    t.format("%Z").to_string()
}

/// Whether the wall time of `t` happens twice in its zone (the hour a
/// clock goes back): then only the abbreviation tells which one is meant.
pub fn ambiguous(t: &DateTime<Tz>) -> bool {
    matches!(
        t.timezone().from_local_datetime(&t.naive_local()),
        LocalResult::Ambiguous(..)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Instant {
        crate::lifecycle::time::parse_instant(text).expect("a valid instant")
    }

    #[test]
    fn zone_names_are_iana_names_in_any_case_and_a_near_miss_is_suggested() {
        assert_eq!(parse("Europe/Rome"), Ok(Tz::Europe__Rome));
        assert_eq!(parse("europe/rome"), Ok(Tz::Europe__Rome));
        assert_eq!(parse("UTC"), Ok(Tz::UTC));
        assert_eq!(
            parse("Italy/Rome"),
            Err(ZoneError::DidYouMean("Europe/Rome".into()))
        );
        assert_eq!(parse("Mars/Olympus"), Err(ZoneError::Unknown));
        assert_eq!(parse(""), Err(ZoneError::Unknown));
    }

    #[test]
    fn t1_rome_reads_the_spring_and_autumn_changes_with_their_abbreviations() {
        let rome = Tz::Europe__Rome;
        // 2026-03-29: 02:00 CET becomes 03:00 CEST.
        let before = at("2026-03-29T00:59:59Z").with_timezone(&rome);
        let after = at("2026-03-29T01:00:00Z").with_timezone(&rome);
        assert_eq!(before.format("%H:%M:%S %Z").to_string(), "01:59:59 CET");
        assert_eq!(after.format("%H:%M:%S %Z").to_string(), "03:00:00 CEST");
        assert!(!ambiguous(&after));
        // 2026-10-25: 03:00 CEST goes back to 02:00 CET; 02:30 happens twice.
        let first = at("2026-10-25T00:30:00Z").with_timezone(&rome);
        let second = at("2026-10-25T01:30:00Z").with_timezone(&rome);
        assert_eq!(first.format("%H:%M %Z").to_string(), "02:30 CEST");
        assert_eq!(second.format("%H:%M %Z").to_string(), "02:30 CET");
        assert!(ambiguous(&first) && ambiguous(&second));
        assert!(!ambiguous(&at("2026-10-25T03:30:00Z").with_timezone(&rome)));
    }
}
