//! The TUI's log: a file in the data directory, never the screen.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;

use crate::clock::system_now;
use crate::lifecycle::time::format_instant;

static LOG: Mutex<Option<File>> = Mutex::new(None);

pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "switchboard")
        .map(|d| d.data_dir().join("switchboard.log"))
}

/// Opens the log file; without one, logging is silently off.
pub fn init(path: Option<PathBuf>) {
    let file = path.and_then(|p| {
        if let Some(dir) = p.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        OpenOptions::new().create(true).append(true).open(p).ok()
    });
    if let Ok(mut log) = LOG.lock() {
        *log = file;
    }
}

pub fn write(level: &str, message: &str) {
    if let Ok(mut guard) = LOG.lock()
        && let Some(file) = guard.as_mut()
    {
        let _ = writeln!(file, "{} {level} {message}", format_instant(system_now()));
    }
}
