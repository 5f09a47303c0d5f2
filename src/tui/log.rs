//! The TUI's log: a file in the data directory (owner-only), never the
//! screen. It rotates: past `MAX_BYTES` the file becomes `.1` and a new one
//! starts, so a key repeated all day cannot fill the disk.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;

use crate::clock::system_now;
use crate::lifecycle::time::format_instant;

/// How large the log grows before it rotates.
pub const MAX_BYTES: u64 = 1024 * 1024;

struct Log {
    path: PathBuf,
    file: File,
}

static LOG: Mutex<Option<Log>> = Mutex::new(None);

pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "switchboard")
        .map(|d| d.data_dir().join("switchboard.log"))
}

fn open(path: &PathBuf) -> Option<File> {
    let mut options = OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path).ok()
}

/// Opens the log file; without one, logging is silently off.
pub fn init(path: Option<PathBuf>) {
    let log = path.and_then(|path| {
        if let Some(dir) = path.parent() {
            let _ = crate::files::create_private_dir(dir);
        }
        let file = open(&path)?;
        Some(Log { path, file })
    });
    if let Ok(mut guard) = LOG.lock() {
        *guard = log;
    }
}

pub fn write(level: &str, message: &str) {
    let Ok(mut guard) = LOG.lock() else { return };
    let Some(log) = guard.as_mut() else { return };
    let full = log.file.metadata().map(|m| m.len()).unwrap_or(0) >= MAX_BYTES;
    if full {
        let mut old = log.path.clone().into_os_string();
        old.push(".1");
        let _ = std::fs::rename(&log.path, &old);
        match open(&log.path) {
            Some(file) => log.file = file,
            None => {
                *guard = None;
                return;
            }
        }
    }
    let line = crate::present::escape_control(message);
    let _ = writeln!(log.file, "{} {level} {line}", format_instant(system_now()));
}
