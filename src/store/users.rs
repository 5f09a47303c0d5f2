//! Users of the portal.

use super::db::{Connection, OptionalExtension, params};

use super::NewUser;
use super::rows::{USER_COLUMNS, user_from_row};
use crate::error::{Error, Result};
use crate::lifecycle::{User, UserId};

pub fn insert(conn: &Connection, user: &NewUser) -> Result<UserId> {
    conn.execute(
        "INSERT INTO users (email, name, super_admin, social_access, can_publish, active) \
         VALUES (?1, ?2, ?3, ?4, ?5, 1)",
        params![
            user.email,
            user.name,
            user.super_admin,
            user.access.name(),
            user.can_publish
        ],
    )?;
    conn.last_insert_rowid()
}

/// The user with this email, compared as people read emails: NFC and
/// without regard to case, non-ASCII letters included (SQLite's NOCASE
/// folds only ASCII, so a miss is checked again over the users, who are few).
pub fn by_email(conn: &Connection, email: &str) -> Result<Option<User>> {
    use unicode_normalization::UnicodeNormalization;
    let email: String = email.trim().nfc().collect();
    // The parameter is text, made case-insensitive in the statement: a
    // citext parameter would make PostgreSQL's driver look the type up (two
    // round trips per process, issue 22). SQLite reads CITEXT as TEXT and
    // compares with the column's NOCASE.
    let sql = format!(
        "SELECT {USER_COLUMNS} FROM users u WHERE u.email = CAST(CAST(?1 AS TEXT) AS CITEXT)"
    );
    let exact = conn
        .query_row(&sql, [&email], |r| Ok(user_from_row(r)))
        .optional()?
        .transpose()?;
    if exact.is_some() || email.is_ascii() {
        return Ok(exact);
    }
    let folded = email.to_lowercase();
    Ok(list(conn)?
        .into_iter()
        .find(|u| u.email.nfc().collect::<String>().to_lowercase() == folded))
}

pub fn require_by_email(conn: &Connection, email: &str) -> Result<User> {
    by_email(conn, email)?
        .ok_or_else(|| Error::not_found("no_user", crate::tr!("error-no-user", email = email)))
}

pub fn by_id(conn: &Connection, id: UserId) -> Result<User> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users u WHERE u.id = ?1");
    conn.query_row(&sql, [id], |r| Ok(user_from_row(r)))
        .optional()?
        .transpose()?
        .ok_or_else(|| super::rows::corrupt("user reference"))
}

pub fn email_of(conn: &Connection, id: UserId) -> Result<String> {
    conn.query_row("SELECT email FROM users WHERE id = ?1", [id], |r| r.get(0))
}

pub fn list(conn: &Connection) -> Result<Vec<User>> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users u ORDER BY u.id");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], |r| Ok(user_from_row(r)))?;
    rows.map(|r| r?).collect()
}

pub fn super_admins(conn: &Connection) -> Result<Vec<User>> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users u WHERE u.super_admin = 1 ORDER BY u.id");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([], |r| Ok(user_from_row(r)))?;
    rows.map(|r| r?).collect()
}

pub fn deactivate(conn: &Connection, id: UserId) -> Result<()> {
    conn.execute("UPDATE users SET active = 0 WHERE id = ?1", [id])?;
    Ok(())
}

pub fn active_super_admin_count(conn: &Connection) -> Result<i64> {
    conn.query_row(
        "SELECT count(*) FROM users WHERE super_admin = 1 AND active = 1",
        [],
        |r| r.get(0),
    )
}
