//! Files the app creates: always new (never over an existing file), readable
//! by their owner only, and built beside their final path so a crash or a
//! signal leaves nothing half-made behind.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Creates `path` as a new file, readable and writable by its owner only
/// (0600, whatever the umask). An existing file, or a symlink, is refused.
pub fn create_private(path: &Path, what: &str) -> Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => already_exists(path, what, "file_exists"),
        std::io::ErrorKind::NotFound => missing_folder(path),
        _ => Error::other(
            "io",
            format!("cannot create the {what} {}: {e}", path.display()),
        ),
    })
}

/// Creates a folder of the app's own (the data directory) readable by its
/// owner only.
pub fn create_private_dir(dir: &Path) -> Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder
        .create(dir)
        .map_err(|e| Error::other("io", format!("cannot create {}: {e}", dir.display())))
}

/// Refuses (exit 5) a path where a file, or a link, already is: the app
/// creates its files new, never over another.
pub fn refuse_existing(path: &Path, what: &str, code: &'static str) -> Result<()> {
    if path.exists() || path.is_symlink() {
        return Err(already_exists(path, what, code));
    }
    Ok(())
}

fn already_exists(path: &Path, what: &str, code: &'static str) -> Error {
    Error::conflict(
        code,
        crate::tr!(
            "error-file-exists",
            path = path.display().to_string(),
            what = what
        ),
    )
}

fn missing_folder(path: &Path) -> Error {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    Error::not_found(
        "no_folder",
        crate::tr!("error-no-folder", dir = dir.display().to_string()),
    )
}

/// The file and folder names of a new file's build: `.NAME.PID.partial`
/// beside `path`.
fn partial_prefix(path: &Path) -> String {
    format!(
        ".{}.",
        path.file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("portal")
    )
}

/// SQLite's companions of a database file.
const COMPANIONS: [&str; 4] = ["", "-wal", "-shm", "-journal"];

/// Removes a portal file and its SQLite companions (`-wal`, `-shm`).
pub fn remove_portal(file: &Path) -> Result<()> {
    std::fs::remove_file(file)
        .map_err(|e| Error::other("io", format!("cannot remove {}: {e}", file.display())))?;
    remove_with_companions(file);
    Ok(())
}

fn remove_with_companions(file: &Path) {
    for suffix in COMPANIONS {
        let mut name = file.as_os_str().to_os_string();
        name.push(suffix);
        let _ = std::fs::remove_file(name);
    }
}

/// Removes the builds of `path` left behind by processes that no longer run
/// (a `generate` killed with -9, a machine that lost power).
fn remove_stale_builds(path: &Path) {
    let dir = match path.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(dir) => dir.to_path_buf(),
        None => PathBuf::from("."),
    };
    let prefix = partial_prefix(path);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(rest) = name.to_str().and_then(|n| n.strip_prefix(&prefix)) else {
            continue;
        };
        let Some(pid) = rest
            .strip_suffix(".partial")
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        if !process_is_running(pid) {
            remove_with_companions(&dir.join(&name));
        }
    }
}

fn process_is_running(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    #[cfg(target_os = "linux")]
    {
        Path::new("/proc").join(pid.to_string()).exists()
    }
    #[cfg(not(target_os = "linux"))]
    {
        // Without /proc, keep what might belong to a live process.
        true
    }
}

/// Builds a new file beside `path` and links it into place once whole: a
/// crash leaves no half-built file, an existing file is never overwritten,
/// and the folder must already exist. `build` gets the path to build at
/// (already created, empty, 0600) and must close it.
pub fn build_then_link<T>(path: &Path, build: impl FnOnce(&Path) -> Result<T>) -> Result<T> {
    refuse_existing(path, "portal (--db)", "database_exists")?;
    remove_stale_builds(path);
    let building = path.with_file_name(format!(
        "{}{}.partial",
        partial_prefix(path),
        std::process::id()
    ));
    remove_with_companions(&building);
    let _guard = crate::signals::CleanupOnSignal::new();
    drop(create_private(&building, "portal")?);
    let built = build(&building)
        .map_err(|e| explain_write_failure(e, &building))
        .and_then(|value| {
            crate::signals::check_interrupted()?;
            std::fs::hard_link(&building, path).map_err(|e| {
                if path.exists() {
                    Error::conflict(
                        "database_exists",
                        format!(
                            "{} was created meanwhile by another process",
                            path.display()
                        ),
                    )
                } else {
                    Error::other("io", format!("cannot create {}: {e}", path.display()))
                }
            })?;
            Ok(value)
        });
    remove_with_companions(&building);
    built
}

/// Writes a new file at `path` (0600) with `write`, built beside it and
/// linked into place once whole: never over an existing file, and a failure
/// or a signal midway leaves nothing behind.
pub fn write_new_file(
    path: &Path,
    what: &str,
    write: impl FnOnce(File) -> Result<()>,
) -> Result<()> {
    refuse_existing(path, what, "file_exists")?;
    let building = path.with_file_name(format!(
        "{}{}.partial",
        partial_prefix(path),
        std::process::id()
    ));
    let _ = std::fs::remove_file(&building);
    let _guard = crate::signals::CleanupOnSignal::new();
    let file = create_private(&building, what)?;
    let written = write(file)
        .map_err(|e| explain_write_failure(e, &building))
        .and_then(|()| {
            crate::signals::check_interrupted()?;
            std::fs::hard_link(&building, path).map_err(|e| {
                if path.exists() {
                    already_exists(path, what, "file_exists")
                } else {
                    Error::other("io", format!("cannot create {}: {e}", path.display()))
                }
            })
        });
    let _ = std::fs::remove_file(&building);
    written
}

/// Which file a path names now: its device and inode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Identity {
    device: u64,
    inode: u64,
}

impl Identity {
    /// The identity of the file at `path`, or `None` when there is none.
    pub fn of(path: &Path) -> Option<Identity> {
        let meta = std::fs::metadata(path).ok()?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Some(Identity {
                device: meta.dev(),
                inode: meta.ino(),
            })
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            Some(Identity {
                device: 0,
                inode: 0,
            })
        }
    }
}

/// A write to `path` failed with an I/O error: says why when it can be told
/// (a full disk, the shell's file size limit), since SQLite reports both as
/// a plain "disk I/O error".
pub fn explain_write_failure(error: Error, path: &Path) -> Error {
    if error.code() != "io_error" {
        return error;
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if free_bytes(dir).is_some_and(|free| free < 256 * 1024) {
        return crate::error::disk_full();
    }
    if let Some(limit) = file_size_limit() {
        return Error::other(
            "file_too_large",
            crate::tr!("error-file-too-large", limit = limit.to_string()),
        );
    }
    error
}

#[cfg(unix)]
fn free_bytes(dir: &Path) -> Option<u64> {
    use std::os::unix::ffi::OsStrExt;
    let name = std::ffi::CString::new(dir.as_os_str().as_bytes()).ok()?;
    let mut stat: libc::statvfs = unsafe { std::mem::zeroed() };
    // SAFETY: `name` is a valid C string and `stat` a valid out pointer.
    let status = unsafe { libc::statvfs(name.as_ptr(), &mut stat) };
    (status == 0).then(|| stat.f_bavail as u64 * stat.f_frsize as u64)
}

#[cfg(not(unix))]
fn free_bytes(_dir: &Path) -> Option<u64> {
    None
}

/// The shell's limit on the size of a file this process writes, if any.
#[cfg(unix)]
fn file_size_limit() -> Option<u64> {
    let mut limit: libc::rlimit = unsafe { std::mem::zeroed() };
    // SAFETY: `limit` is a valid out pointer.
    let status = unsafe { libc::getrlimit(libc::RLIMIT_FSIZE, &mut limit) };
    (status == 0 && limit.rlim_cur != libc::RLIM_INFINITY).then_some(limit.rlim_cur as u64)
}

#[cfg(not(unix))]
fn file_size_limit() -> Option<u64> {
    None
}

/// The largest tour, config or theme file read (issue 17, item 17): a file
/// past it, or one that never ends (`/dev/zero`), is refused, not read
/// until memory runs out.
pub const LARGEST_SETTINGS_FILE: u64 = 1024 * 1024;

/// Reads a whole file of at most `limit` bytes; a larger one is an error
/// saying the limit.
pub fn read_bounded(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let file = File::open(path)?;
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("larger than {} KiB", limit / 1024),
        ));
    }
    Ok(bytes)
}

/// `read_bounded` at `LARGEST_SETTINGS_FILE`, as UTF-8 text.
pub fn read_settings_text(path: &Path) -> std::io::Result<String> {
    let bytes = read_bounded(path, LARGEST_SETTINGS_FILE)?;
    String::from_utf8(bytes)
        .map_err(|_| std::io::Error::new(std::io::ErrorKind::InvalidData, "not UTF-8 text"))
}

/// The app's own folder for portals and logs (the platform's data directory).
pub fn data_dir() -> Result<PathBuf> {
    directories::ProjectDirs::from("", "", "switchboard")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or_else(|| {
            Error::usage(
                "no home directory to keep the portal in: pass --db PATH or set SWITCHBOARD_DB",
            )
        })
}
