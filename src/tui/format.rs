//! How instants and tallies read on screen: in the reader's zone (T1), in
//! the words of the catalogs.

use chrono::{DateTime, FixedOffset, Local};

use crate::lifecycle::Instant;
pub use crate::present::{relative, sentence};
use crate::store::SweepEvent;

/// Display converts instants to the user's zone (T1); tests pin UTC.
#[derive(Clone, Copy, Debug)]
pub enum Zone {
    Local,
    Fixed(FixedOffset),
}

impl Zone {
    pub fn show(self, t: Instant) -> DateTime<FixedOffset> {
        match self {
            Zone::Local => t.with_timezone(&Local).fixed_offset(),
            Zone::Fixed(offset) => t.with_timezone(&offset),
        }
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
pub fn long_date(zone: Zone, t: Instant) -> String {
    crate::i18n::dates::long(&zone.show(t))
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
        let at = crate::lifecycle::time::format_instant(clock);
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
