//! Progress of long work on stderr: a bar (indicatif) that names the phase,
//! shown only on a terminal and only once the work has taken a second, so
//! short commands and scripts see nothing.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long work runs before a bar appears.
const QUIET_FOR: Duration = Duration::from_secs(1);

pub struct Phases {
    on_terminal: bool,
    started: Instant,
    bar: Option<ProgressBar>,
    phase: String,
}

fn counted() -> ProgressStyle {
    ProgressStyle::with_template(
        "{msg:24} [{bar:30}] {human_pos}/{human_len} ({percent}%, {eta} left)",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar())
    .progress_chars("=> ")
}

fn uncounted() -> ProgressStyle {
    ProgressStyle::with_template("{msg:24} {spinner} {elapsed}")
        .unwrap_or_else(|_| ProgressStyle::default_spinner())
}

impl Phases {
    /// A display on stderr, when stderr is a terminal.
    pub fn on_stderr() -> Phases {
        Phases {
            on_terminal: std::io::stderr().is_terminal(),
            started: Instant::now(),
            bar: None,
            phase: String::new(),
        }
    }

    /// `phase` has done `done` of `total` (`total` 0: a phase without a count).
    pub fn show(&mut self, phase: &str, done: u64, total: u64) {
        if !self.on_terminal {
            return;
        }
        if phase != self.phase {
            self.phase = phase.to_string();
            tracing::debug!(
                phase,
                elapsed_ms = self.started.elapsed().as_millis() as u64,
                "phase"
            );
            if let Some(bar) = &self.bar {
                bar.set_style(if total > 0 { counted() } else { uncounted() });
                bar.set_message(phase.to_string());
                bar.reset_eta();
            }
        }
        if self.bar.is_none() && self.started.elapsed() >= QUIET_FOR {
            let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
            bar.set_style(if total > 0 { counted() } else { uncounted() });
            bar.set_message(phase.to_string());
            if total == 0 {
                bar.enable_steady_tick(Duration::from_millis(120));
            }
            self.bar = Some(bar);
        }
        if let Some(bar) = &self.bar {
            if total > 0 {
                bar.disable_steady_tick();
                bar.set_length(total);
                bar.set_position(done);
            } else {
                bar.enable_steady_tick(Duration::from_millis(120));
            }
        }
    }

    /// Clears the bar: the result line follows on stdout.
    pub fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Phases {
    fn drop(&mut self) {
        self.finish();
    }
}
