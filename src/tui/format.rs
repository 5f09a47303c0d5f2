//! How instants and tallies read on screen: in the reader's zone (T1), in
//! the words of the catalogs.

use chrono::DateTime;

use crate::lifecycle::Instant;
pub use crate::present::{relative, sentence};
use crate::store::SweepEvent;

/// Display converts instants to the reader's zone (T1): the signed-in
/// user's, else the portal's, else UTC (issue 21).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Zone(pub crate::zone::Tz);

impl Zone {
    pub const UTC: Zone = Zone(crate::zone::Tz::UTC);

    pub fn show(self, t: Instant) -> DateTime<crate::zone::Tz> {
        t.with_timezone(&self.0)
    }
}

/// `long_date` padded to the widest date of the language, so dates in a
/// column line up ("1 feb 2026, 09:00" beside "25 feb 2026, 09:00").
pub fn long_date_column(zone: Zone, t: Instant) -> String {
    let widest = crate::i18n::dates::long(
        &chrono::DateTime::parse_from_rfc3339("2026-12-28T23:59:00+00:00")
            .expect("a valid constant"),
    );
    crate::present::column(&long_date(zone, t), crate::present::width(&widest))
}

/// "Mar 04" / "4 mar"
pub fn short_date(zone: Zone, t: Instant) -> String {
    crate::i18n::dates::day_month(&zone.show(t))
}

/// "Mar 04 2026 09:00" / "4 mar 2026, 09:00"
/// With the zone's abbreviation when the wall time happens twice.
pub fn long_date(zone: Zone, t: Instant) -> String {
    crate::zone::with(zone.0, || crate::i18n::dates::long_local(t))
}

/// What a sweep did, by kind of event, in the order they first came.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally(pub Vec<(&'static str, usize)>);

impl Tally {
    pub fn add(&mut self, events: &[SweepEvent]) {
        for e in events {
            let name = e.kind.name();
            match self.0.iter_mut().find(|(n, _)| *n == name) {
                Some((_, c)) => *c += 1,
                None => self.0.push((name, 1)),
            }
        }
    }

    pub fn total(&self) -> usize {
        self.0.iter().map(|(_, n)| n).sum()
    }

    /// The toast after the clock moved.
    pub fn describe(&self, clock: Instant) -> String {
        let at = crate::present::when(clock);
        if self.0.is_empty() {
            return crate::tr!("toast-clock-nothing", at = at);
        }
        let parts: Vec<String> = self
            .0
            .iter()
            .map(|(name, n)| {
                let id = match *name {
                    "published" => "tally-published",
                    "reauth_reminder" => "tally-reauth-reminder",
                    "purge_warning" => "tally-purge-warning",
                    "disconnected" => "tally-disconnected",
                    _ => "tally-purged",
                };
                crate::tr!(id, count = *n)
            })
            .collect();
        crate::tr!("toast-clock-moved", at = at, events = parts.join(", "))
    }
}

/// The toast after the clock moved: what the sweep did.
pub fn describe_sweep(clock: Instant, events: &[SweepEvent]) -> String {
    let mut tally = Tally::default();
    tally.add(events);
    tally.describe(clock)
}
