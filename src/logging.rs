//! The log, through `tracing`: a file in the data directory's `logs/`
//! folder that rolls over daily (a week of files is kept), never the screen.
//! `SWITCHBOARD_LOG` sets the level (`off`, `error`, `warn`, `info`,
//! `debug`, `trace`); by default the TUI logs `info` and commands `warn`.
//! The file is made on the first line written, so a command that has
//! nothing to say leaves no file behind.

use std::io;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::OnceLock;

use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::filter::LevelFilter;
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::fmt::format::FmtSpan;
use tracing_subscriber::fmt::writer::EitherWriter;

/// The environment variable that sets the level.
pub const LEVEL_VARIABLE: &str = "SWITCHBOARD_LOG";
/// The log files' names start with this, then the day: `switchboard.log.2026-03-04`.
pub const FILE_PREFIX: &str = "switchboard.log";
/// How many daily files are kept.
const KEPT_FILES: usize = 7;

/// Which face of the app is running: they log different amounts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Face {
    Tui,
    Command,
    /// `watch`, left running: it logs what it does, like the TUI.
    Service,
}

/// The folder the log files go to, under the data directory.
pub fn log_dir_in(data_dir: &Path) -> PathBuf {
    data_dir.join("logs")
}

/// The log folder of this user: `logs/` in the platform's data directory.
pub fn default_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "switchboard").map(|d| log_dir_in(d.data_dir()))
}

/// The level `SWITCHBOARD_LOG` asks for, else the face's default.
pub fn level(face: Face, variable: Option<&str>) -> LevelFilter {
    variable
        .and_then(|v| LevelFilter::from_str(v.trim()).ok())
        .unwrap_or(match face {
            Face::Tui | Face::Service => LevelFilter::INFO,
            Face::Command => LevelFilter::WARN,
        })
}

/// A daily file in `dir`, opened when the first line is written; where it
/// cannot be made (no home, a read-only disk), lines go nowhere.
pub struct LazyFile {
    dir: PathBuf,
    appender: OnceLock<Option<RollingFileAppender>>,
}

impl LazyFile {
    pub fn new(dir: PathBuf) -> LazyFile {
        LazyFile {
            dir,
            appender: OnceLock::new(),
        }
    }

    fn appender(&self) -> Option<&RollingFileAppender> {
        self.appender
            .get_or_init(|| {
                crate::files::create_private_dir(&self.dir).ok()?;
                RollingFileAppender::builder()
                    .rotation(Rotation::DAILY)
                    .filename_prefix(FILE_PREFIX)
                    .max_log_files(KEPT_FILES)
                    .build(&self.dir)
                    .ok()
            })
            .as_ref()
    }
}

impl<'a> MakeWriter<'a> for LazyFile {
    type Writer = EitherWriter<<RollingFileAppender as MakeWriter<'a>>::Writer, io::Sink>;

    fn make_writer(&'a self) -> Self::Writer {
        match self.appender() {
            Some(appender) => EitherWriter::A(appender.make_writer()),
            None => EitherWriter::B(io::sink()),
        }
    }
}

/// Starts logging for the process (once; later calls change nothing).
/// Files the app makes are its owner's only, the log's included: the
/// process's umask is set to 077 first.
pub fn init(face: Face) {
    #[cfg(unix)]
    // SAFETY: umask has no memory effects; it runs before any thread that
    // creates files.
    unsafe {
        libc::umask(0o077);
    }
    let Some(dir) = default_dir() else { return };
    let variable = std::env::var(LEVEL_VARIABLE).ok();
    let _ = tracing_subscriber::fmt()
        .with_writer(LazyFile::new(dir))
        .with_ansi(false)
        .with_target(false)
        .with_max_level(level(face, variable.as_deref()))
        .with_span_events(FmtSpan::CLOSE)
        .try_init();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_goes_to_logs_in_the_data_directory() {
        let data = Path::new("/home/ana/.local/share/switchboard");
        assert_eq!(log_dir_in(data), data.join("logs"));
        if let Some(dir) = default_dir() {
            assert!(dir.ends_with("switchboard/logs"), "{}", dir.display());
        }
    }

    #[test]
    fn switchboard_log_sets_the_level_and_each_face_has_a_default() {
        assert_eq!(level(Face::Tui, None), LevelFilter::INFO);
        assert_eq!(level(Face::Command, None), LevelFilter::WARN);
        assert_eq!(level(Face::Command, Some("debug")), LevelFilter::DEBUG);
        assert_eq!(level(Face::Tui, Some("off")), LevelFilter::OFF);
        // A value it does not know keeps the default.
        assert_eq!(level(Face::Tui, Some("loud")), LevelFilter::INFO);
    }

    #[test]
    fn the_file_is_made_on_the_first_line_and_is_the_owners_only() {
        use std::io::Write;
        let home = tempfile::tempdir().unwrap();
        let dir = log_dir_in(home.path());
        let file = LazyFile::new(dir.clone());
        assert!(!dir.exists(), "nothing is made before a line is written");
        let mut writer = file.make_writer();
        writeln!(writer, "opened a portal").unwrap();
        drop(writer);
        let names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
        assert!(names[0].starts_with(FILE_PREFIX), "{names:?}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&dir).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0, "the folder is the owner's only");
        }
    }
}
