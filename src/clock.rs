//! The one clock abstraction (T4). The only place that reads the system clock.

use crate::lifecycle::Instant;
use crate::lifecycle::time::from_unix_seconds;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClockSource {
    /// `--now` on the command line.
    Flag,
    /// The portal's demo clock.
    Demo,
    /// The machine's clock.
    System,
}

impl ClockSource {
    pub fn name(self) -> &'static str {
        match self {
            ClockSource::Flag => "flag",
            ClockSource::Demo => "demo",
            ClockSource::System => "system",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Now {
    pub instant: Instant,
    pub source: ClockSource,
}

/// T4: `--now` when given, else the portal's demo clock when set, else the
/// system clock, truncated to whole seconds (T1).
pub fn effective_now(flag: Option<Instant>, demo_clock: Option<Instant>) -> Now {
    match (flag, demo_clock) {
        (Some(instant), _) => Now {
            instant,
            source: ClockSource::Flag,
        },
        (None, Some(instant)) => Now {
            instant,
            source: ClockSource::Demo,
        },
        (None, None) => Now {
            instant: system_now(),
            source: ClockSource::System,
        },
    }
}

/// The system clock as a command's instant (T4: `clock unset`).
pub fn system_clock() -> Now {
    Now {
        instant: system_now(),
        source: ClockSource::System,
    }
}

/// The machine's clock, to the second.
pub fn system_now() -> Instant {
    let now = chrono::Utc::now().timestamp();
    from_unix_seconds(now).unwrap_or_default()
}

/// The machine's clock in milliseconds since 1970: when a delivery may be
/// tried again and how long a watch's lease lasts run on real time, whatever
/// the demo clock says.
pub fn wall_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// Elapsed time for recordings (asciicast timestamps), from the monotonic
/// clock: it says how long, never what instant it is.
pub struct Stopwatch(std::time::Instant);

impl Stopwatch {
    pub fn start() -> Stopwatch {
        Stopwatch(std::time::Instant::now())
    }

    pub fn seconds(&self) -> f64 {
        self.0.elapsed().as_secs_f64()
    }
}
