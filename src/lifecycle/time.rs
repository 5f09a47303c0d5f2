//! Instants and spans of the rules (RULES T1-T3). Pure: nothing here reads a clock.

use chrono::{DateTime, Datelike, Duration, Months, SecondsFormat, TimeZone, Utc};

use super::parse::{InstantProblem, ParseError};

/// A UTC instant with one-second precision (T1).
pub type Instant = DateTime<Utc>;

/// The earliest and latest years an instant may have: far enough for any real
/// portal, near enough that no rule's arithmetic can overflow.
const FIRST_YEAR: i32 = super::parse::YEARS.0;
const LAST_YEAR: i32 = super::parse::YEARS.1;

/// A length of time as the rules state it (T2): whole days are 86 400 s,
/// years are calendar years in UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Span {
    Days(i64),
    Years(u32),
}

impl Span {
    /// The instant this span after `t`. `2024-02-29 + 1 year = 2025-02-28` (T2).
    pub fn after(self, t: Instant) -> Instant {
        match self {
            Span::Days(n) => t + days(n),
            Span::Years(n) => t
                .checked_add_months(Months::new(12 * n))
                .unwrap_or(DateTime::<Utc>::MAX_UTC),
        }
    }

    /// The instant this span before `t`.
    pub fn before(self, t: Instant) -> Instant {
        match self {
            Span::Days(n) => t - days(n),
            Span::Years(n) => t
                .checked_sub_months(Months::new(12 * n))
                .unwrap_or(DateTime::<Utc>::MIN_UTC),
        }
    }

    /// How people read it: "90 days", "1 year", "60 days".
    pub fn describe(self) -> String {
        match self {
            Span::Days(1) => "1 day".into(),
            Span::Days(n) => format!("{n} days"),
            Span::Years(1) => "1 year".into(),
            Span::Years(n) => format!("{n} years"),
        }
    }
}

/// `days(n)` is exactly n × 86 400 seconds (T2).
pub fn days(n: i64) -> Duration {
    Duration::seconds(n * 86_400)
}

/// T3: an event at `event` has happened at `now` iff `now >= event`.
pub fn has_happened(event: Instant, now: Instant) -> bool {
    now >= event
}

/// One second: the precision of every instant (T1).
pub fn one_second() -> Duration {
    Duration::seconds(1)
}

/// Parses an RFC 3339 instant (any offset), converts it to UTC and drops
/// fractions of a second (T1).
pub fn parse_instant(text: &str) -> Result<Instant, ParseError> {
    // The library's own words never reach the reader: its kind of error,
    // said in the catalog's (issue 18, item 11).
    let parsed = DateTime::parse_from_rfc3339(text.trim()).map_err(|e| {
        use chrono::format::ParseErrorKind;
        let why = match e.kind() {
            ParseErrorKind::TooShort => InstantProblem::TooShort,
            ParseErrorKind::TooLong => InstantProblem::TooLong,
            ParseErrorKind::OutOfRange | ParseErrorKind::Impossible => InstantProblem::Impossible,
            ParseErrorKind::NotEnough => InstantProblem::NotEnough,
            _ => InstantProblem::Form,
        };
        ParseError::NotAnInstant {
            text: text.to_string(),
            why,
        }
    })?;
    let utc = parsed.with_timezone(&Utc);
    if !(FIRST_YEAR..=LAST_YEAR).contains(&utc.year()) {
        return Err(ParseError::InstantOutOfYears {
            text: text.to_string(),
        });
    }
    Ok(from_unix_seconds(utc.timestamp()).expect("year range checked above"))
}

/// T4: the clock moved forward by `by`, as long as it stays within the years
/// a portal can hold (so every instant stays RFC 3339 and no rule's
/// arithmetic can overflow).
pub fn advance(t: Instant, by: Duration) -> Result<Instant, ParseError> {
    t.checked_add_signed(by)
        .filter(|moved| (FIRST_YEAR..=LAST_YEAR).contains(&moved.year()))
        .ok_or(ParseError::ClockOutOfYears {
            from: t,
            days: by.num_days(),
        })
}

/// The RFC 3339 UTC text of an instant, as the JSON contract writes it.
pub fn format_instant(t: Instant) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// An instant from Unix seconds, as the store keeps it; `None` when out of range.
pub fn from_unix_seconds(seconds: i64) -> Option<Instant> {
    Utc.timestamp_opt(seconds, 0).single()
}

/// A duration like `90d`, `12h`, `30m`, `45s`, `2w`, or a sum such as `1d12h`.
pub fn parse_duration(text: &str) -> Result<Duration, ParseError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(ParseError::DurationEmpty);
    }
    let text = text.to_string();
    let mut total: i64 = 0;
    let mut digits = String::new();
    for c in trimmed.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        let unit: i64 = match c {
            'w' => 7 * 86_400,
            'd' => 86_400,
            'h' => 3_600,
            'm' => 60,
            's' => 1,
            _ => {
                return Err(ParseError::DurationUnit { text, unit: c });
            }
        };
        let amount: i64 = digits
            .parse()
            .map_err(|_| ParseError::DurationNoNumber { text: text.clone() })?;
        digits.clear();
        total = amount
            .checked_mul(unit)
            .and_then(|s| total.checked_add(s))
            .filter(|s| *s <= 1_000 * 366 * 86_400)
            .ok_or_else(|| ParseError::DurationTooLong { text: text.clone() })?;
    }
    if !digits.is_empty() {
        return Err(ParseError::DurationNoUnit { text });
    }
    if total == 0 {
        return Err(ParseError::DurationZero { text });
    }
    Ok(Duration::seconds(total))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Instant {
        parse_instant(s).unwrap()
    }

    #[test]
    fn t1_instants_are_utc_with_whole_seconds() {
        assert_eq!(
            format_instant(at("2026-03-01T10:00:00.750+01:00")),
            "2026-03-01T09:00:00Z"
        );
    }

    #[test]
    fn t1_malformed_or_out_of_range_instants_are_refused() {
        assert!(parse_instant("yesterday").is_err());
        assert!(parse_instant("2026-13-01T00:00:00Z").is_err());
        assert!(parse_instant("9999-01-01T00:00:00Z").is_err());
    }

    #[test]
    fn t4_the_clock_never_leaves_the_supported_years() {
        let late = at("9000-12-31T00:00:00Z");
        assert!(advance(late, days(366_000)).is_err());
        assert!(advance(late, days(1)).is_err());
        assert_eq!(advance(late, days(0)).unwrap(), late);
        assert_eq!(
            advance(at("2026-03-01T09:00:00Z"), days(1)).unwrap(),
            at("2026-03-02T09:00:00Z")
        );
    }

    #[test]
    fn t2_days_are_86400_seconds() {
        assert_eq!(
            Span::Days(90).after(at("2026-03-01T09:00:00Z")),
            at("2026-05-30T09:00:00Z")
        );
        assert_eq!(days(1).num_seconds(), 86_400);
    }

    #[test]
    fn t2_a_year_from_february_29_is_february_28() {
        assert_eq!(
            Span::Years(1).after(at("2024-02-29T12:00:00Z")),
            at("2025-02-28T12:00:00Z")
        );
        assert_eq!(
            Span::Years(1).after(at("2025-03-01T00:00:00Z")),
            at("2026-03-01T00:00:00Z")
        );
    }

    #[test]
    fn t3_an_event_has_happened_at_its_exact_instant() {
        let e = at("2026-03-01T09:00:00Z");
        assert!(has_happened(e, e));
        assert!(!has_happened(e, e - one_second()));
    }

    #[test]
    fn durations_parse_and_refuse_clearly() {
        assert_eq!(parse_duration("90d").unwrap(), days(90));
        assert_eq!(parse_duration("1d12h").unwrap().num_seconds(), 129_600);
        assert_eq!(parse_duration("30m").unwrap().num_seconds(), 1_800);
        for bad in ["", "d", "90", "9x", "0d", "99999999999999999999d"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }
}
