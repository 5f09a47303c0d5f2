//! Which database a write-ahead log belongs to (issue 17, item 3). SQLite
//! applies any valid `-wal` found beside a database file when it opens it:
//! after `mv other.db portal.db` under a running process, the `-wal` of the
//! old file would be applied to the new one, mixing two portals. SQLite
//! keeps no identity in a WAL, so a portal keeps one of its own: a random
//! token in the one row of `wal_owner` (migration 005), a row every write
//! transaction touches, so each commit's frames hold the page with the
//! token. Before opening, the last committed image of that page in the
//! `-wal` must hold the database's own token; a WAL that holds another one
//! is refused, and nothing is written.

use std::io::Read;
use std::path::Path;

use rusqlite::OpenFlags;

use crate::error::{Error, Result};

/// What each write transaction runs first: it changes the row, so its
/// page is in the commit's frames.
pub const TOUCH: &str = "UPDATE wal_owner SET writes = writes + 1 WHERE id = 1";

/// The largest WAL read for the check; a larger one is checked on its
/// first part only (its frames are in commit order, so a foreign WAL
/// shows in its first commit).
const LONGEST_WAL_READ: u64 = 64 * 1024 * 1024;

/// Refuses a `-wal` beside `path` that belongs to another database.
pub fn check(path: &Path, wal: &Path) -> Result<()> {
    let Ok(file) = std::fs::File::open(wal) else {
        return Ok(());
    };
    let mut bytes = Vec::new();
    file.take(LONGEST_WAL_READ)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::other("io", format!("cannot read {}: {e}", wal.display())))?;
    if bytes.len() < 32 {
        return Ok(());
    }
    let Some((root, token)) = own_token(path)? else {
        return Ok(());
    };
    match last_image(&bytes, root) {
        Some(page) if !contains(page, &token) => Err(Error::other(
            "foreign_wal",
            crate::tr!(
                "error-foreign-wal",
                path = super::location(path),
                wal = super::location(wal)
            ),
        )),
        _ => Ok(()),
    }
}

/// The page of `wal_owner` and the database's token, read from the file
/// alone (`immutable`: SQLite reads no `-wal` and writes nothing). None
/// for a portal from before migration 005.
fn own_token(path: &Path) -> Result<Option<(u32, Vec<u8>)>> {
    let mut uri = String::from("file:");
    for c in path.to_string_lossy().chars() {
        match c {
            '%' | '?' | '#' => uri.push_str(&format!("%{:02X}", c as u32)),
            c => uri.push(c),
        }
    }
    uri.push_str("?immutable=1");
    let conn = rusqlite::Connection::open_with_flags(
        &uri,
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let root: Option<u32> = conn
        .query_row(
            "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'wal_owner'",
            [],
            |r| r.get(0),
        )
        .ok();
    let Some(root) = root else { return Ok(None) };
    let token: Option<Vec<u8>> = conn
        .query_row("SELECT token FROM wal_owner WHERE id = 1", [], |r| r.get(0))
        .ok();
    Ok(token.map(|t| (root, t)))
}

fn word(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at + 4)?;
    Some(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
}

/// The image of page `page` in the last commit of the WAL that holds it,
/// among the frames SQLite would apply: those of the header's salts, up to
/// the last commit frame.
fn last_image(wal: &[u8], page: u32) -> Option<&[u8]> {
    let magic = word(wal, 0)?;
    if magic & !1 != 0x377f_0682 {
        return None;
    }
    let page_size = word(wal, 8)? as usize;
    if !(512..=65_536).contains(&page_size) || !page_size.is_power_of_two() {
        return None;
    }
    let (salt1, salt2) = (word(wal, 16)?, word(wal, 20)?);
    let mut found = None;
    let mut pending = None;
    let mut at = 32;
    while at + 24 + page_size <= wal.len() {
        let number = word(wal, at)?;
        let commit = word(wal, at + 4)?;
        if word(wal, at + 8)? != salt1 || word(wal, at + 12)? != salt2 {
            break;
        }
        if number == page {
            pending = Some(&wal[at + 24..at + 24 + page_size]);
        }
        if commit != 0 {
            // A commit: what it wrote of the page counts from now on.
            if pending.is_some() {
                found = pending;
            }
        }
        at += 24 + page_size;
    }
    found
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// Keeps SQLite from deleting the `-wal` at `path`'s name when this
/// connection closes: once the path names another file, that name's `-wal`
/// may be the other file's (issue 17, item 3).
pub fn keep_wal_on_close(conn: &rusqlite::Connection) {
    let mut persist: std::ffi::c_int = 1;
    // SAFETY: a valid connection handle, the main schema's name as a C
    // string, and an int the call reads and writes.
    unsafe {
        rusqlite::ffi::sqlite3_file_control(
            conn.handle(),
            c"main".as_ptr(),
            rusqlite::ffi::SQLITE_FCNTL_PERSIST_WAL,
            (&mut persist as *mut std::ffi::c_int).cast(),
        );
    }
}
