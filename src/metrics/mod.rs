//! What `watch --metrics` tells an operator (issue 21, item 6): the
//! portal's accounts, what is due soon, the outbox, how deliveries and
//! sweeps go, in Prometheus' text exposition (OpenMetrics), and whether
//! the service is healthy. `prometheus-client` (the Prometheus project's
//! own Rust client) keeps the metric types, their atomics and the
//! encoding right, so a scraper and `promtool` read what we write; the
//! watch loop updates the values, the server thread only reads them.

pub mod server;

use std::sync::Mutex;
use std::sync::atomic::AtomicU64;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::metrics::info::Info;
use prometheus_client::registry::Registry;

use crate::store::reads::ServiceCounts;

/// A sweep is late once none succeeded for this long: the watch sweeps at
/// least once a minute (`watch::MAX_SLEEP_MS`), so two missed turns and a
/// margin.
pub const SWEEP_LATE_SECONDS: f64 = 150.0;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct AccountLabels {
    network: String,
    state: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct KindLabels {
    kind: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct StatusLabels {
    status: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct AttemptLabels {
    channel: String,
    outcome: String,
}

fn attempt_histogram() -> Histogram {
    // 50 ms to about 25 s: a loopback relay to a server at its deadline.
    Histogram::new(exponential_buckets(0.05, 2.0, 10))
}

/// How the last sweep went, for `/healthz`.
#[derive(Clone, Debug, Default)]
struct SweepState {
    /// Wall-clock seconds of the last sweep that succeeded.
    last_ok: Option<f64>,
    /// Why the last sweep failed, when it did (cleared by a success).
    failing: Option<String>,
}

pub struct Metrics {
    registry: Registry,
    accounts: Family<AccountLabels, Gauge>,
    due_soon: Family<KindLabels, Gauge>,
    deliveries: Family<StatusLabels, Gauge>,
    attempts: Family<AttemptLabels, Histogram, fn() -> Histogram>,
    sweeps: Counter,
    sweep_failures: Counter,
    last_sweep: Gauge<f64, AtomicU64>,
    last_sweep_duration: Gauge<f64, AtomicU64>,
    state: Mutex<SweepState>,
}

impl Default for Metrics {
    fn default() -> Metrics {
        Metrics::new()
    }
}

impl Metrics {
    pub fn new() -> Metrics {
        let mut registry = Registry::with_prefix("switchboard");
        let accounts = Family::<AccountLabels, Gauge>::default();
        let due_soon = Family::<KindLabels, Gauge>::default();
        let deliveries = Family::<StatusLabels, Gauge>::default();
        let attempts = Family::<AttemptLabels, Histogram, fn() -> Histogram>::new_with_constructor(
            attempt_histogram,
        );
        let sweeps = Counter::default();
        let sweep_failures = Counter::default();
        let last_sweep = Gauge::<f64, AtomicU64>::default();
        let last_sweep_duration = Gauge::<f64, AtomicU64>::default();
        registry.register(
            "build",
            "The running build",
            Info::new(vec![("version", env!("CARGO_PKG_VERSION"))]),
        );
        registry.register(
            "accounts",
            "Social accounts by network and state",
            accounts.clone(),
        );
        registry.register(
            "due_next_7_days",
            "Reminders (R9) and purge warnings (E1) due in the next 7 days",
            due_soon.clone(),
        );
        registry.register(
            "deliveries",
            "Outbox deliveries by status",
            deliveries.clone(),
        );
        registry.register(
            "delivery_attempt_seconds",
            "Time from a delivery's start to its receiver's answer",
            attempts.clone(),
        );
        registry.register("sweeps", "Sweeps that completed", sweeps.clone());
        registry.register(
            "sweep_failures",
            "Sweeps that could not run (the portal busy, the clock behind)",
            sweep_failures.clone(),
        );
        registry.register(
            "last_sweep_timestamp_seconds",
            "When the last sweep completed (Unix time)",
            last_sweep.clone(),
        );
        registry.register(
            "last_sweep_duration_seconds",
            "How long the last sweep took",
            last_sweep_duration.clone(),
        );
        // The series a scraper expects from the start, at zero.
        for channel in ["email", "webhook"] {
            drop(attempts.get_or_create(&AttemptLabels {
                channel: channel.to_string(),
                outcome: "delivered".to_string(),
            }));
        }
        Metrics {
            registry,
            accounts,
            due_soon,
            deliveries,
            attempts,
            sweeps,
            sweep_failures,
            last_sweep,
            last_sweep_duration,
            state: Mutex::new(SweepState::default()),
        }
    }

    /// A sweep that completed at `at` (Unix seconds) in `seconds`.
    pub fn swept(&self, at: f64, seconds: f64) {
        self.sweeps.inc();
        self.last_sweep.set(at);
        self.last_sweep_duration.set(seconds);
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.last_ok = Some(at);
        state.failing = None;
    }

    /// A sweep that could not run, and why (already free of secrets).
    pub fn sweep_failed(&self, why: &str) {
        self.sweep_failures.inc();
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.failing = Some(why.to_string());
    }

    /// The portal's counts, as the watch last read them.
    pub fn counted(&self, counts: &ServiceCounts) {
        for network in crate::lifecycle::Network::all() {
            for state in ["connected", "disconnected", "expired"] {
                let n = counts
                    .accounts
                    .iter()
                    .find(|(n, s, _)| *n == network && s == state)
                    .map_or(0, |(_, _, count)| *count);
                self.accounts
                    .get_or_create(&AccountLabels {
                        network: network.name().to_string(),
                        state: state.to_string(),
                    })
                    .set(n);
            }
        }
        for (kind, n) in [
            ("reauth_reminder", counts.reminders_due),
            ("purge_warning", counts.purge_warnings_due),
        ] {
            self.due_soon
                .get_or_create(&KindLabels {
                    kind: kind.to_string(),
                })
                .set(n);
        }
        for status in ["pending", "delivered", "failed", "expired"] {
            let n = counts
                .deliveries
                .iter()
                .find(|(s, _)| s == status)
                .map_or(0, |(_, count)| *count);
            self.deliveries
                .get_or_create(&StatusLabels {
                    status: status.to_string(),
                })
                .set(n);
        }
    }

    /// One delivery attempt's time and outcome.
    pub fn attempted(&self, channel: &str, outcome: &str, seconds: f64) {
        self.attempts
            .get_or_create(&AttemptLabels {
                channel: channel.to_string(),
                outcome: outcome.to_string(),
            })
            .observe(seconds);
    }

    /// The exposition, OpenMetrics text ending in `# EOF`.
    pub fn render(&self) -> String {
        let mut text = String::new();
        // Writing into a String cannot fail.
        let _ = prometheus_client::encoding::text::encode(&mut text, &self.registry);
        text
    }

    /// Ok while the last sweep is on time at `now` (Unix seconds); else
    /// why not, in the operator's words.
    pub fn health(&self, now: f64) -> Result<(), String> {
        let state = self.state.lock().unwrap_or_else(|e| e.into_inner()).clone();
        match (state.last_ok, state.failing) {
            (None, None) => Err(crate::tr!("health-no-sweep-yet")),
            (_, Some(why)) => Err(crate::tr!("health-sweep-failing", why = why)),
            (Some(at), None) if now - at > SWEEP_LATE_SECONDS => Err(crate::tr!(
                "health-sweep-late",
                seconds = (now - at).round() as i64,
                most = SWEEP_LATE_SECONDS as i64
            )),
            (Some(_), None) => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn healthz_says_why_until_a_sweep_completed_and_when_sweeps_are_late_or_failing() {
        let metrics = Metrics::new();
        assert_eq!(
            metrics.health(1_000.0),
            Err("no sweep has completed yet".to_string())
        );
        metrics.swept(1_000.0, 0.25);
        assert_eq!(metrics.health(1_100.0), Ok(()));
        assert!(
            metrics
                .health(1_000.0 + SWEEP_LATE_SECONDS + 1.0)
                .is_err_and(|why| why.contains("151 s ago"))
        );
        metrics.sweep_failed("the portal is busy");
        assert!(
            metrics
                .health(1_001.0)
                .is_err_and(|why| why.contains("the portal is busy"))
        );
        metrics.swept(1_002.0, 0.1);
        assert_eq!(metrics.health(1_003.0), Ok(()));
        let text = metrics.render();
        assert!(text.contains("switchboard_sweeps_total 2"), "{text}");
        assert!(
            text.contains("switchboard_sweep_failures_total 1"),
            "{text}"
        );
        assert!(text.ends_with("# EOF\n"), "{text}");
    }
}
