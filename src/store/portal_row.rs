//! The portal row: its name, tier, clocks, zone and reminder plan, and the
//! earliest event due, read in one query.

use super::db::{Connection, OptionalExtension};
use super::{PortalInfo, rows, schema};
use crate::clock::effective_now;
use crate::error::Result;
use crate::lifecycle::Instant;

/// The portal's instant now (its demo clock, else the system's), read in
/// the transaction at hand: the outbox claims with it, without a read
/// transaction of its own per delivery (issue 22, item 4).
pub fn instant_in(conn: &Connection) -> Result<Instant> {
    Ok(effective_now(None, portal_info(conn)?.demo_clock).instant)
}

pub(super) fn portal_info(conn: &Connection) -> Result<PortalInfo> {
    portal_row(conn, false).map(|(info, _)| info)
}

/// The portal row, and with `version` the PostgreSQL schema's version too
/// (one round trip for both at open).
pub(super) fn portal_row(conn: &Connection, version: bool) -> Result<(PortalInfo, Option<i64>)> {
    let sql = format!(
        "SELECT name, tier, demo_clock, swept_until, timezone, reminders, \
         (SELECT min(next_event_at) FROM accounts WHERE next_event_at IS NOT NULL){} \
         FROM portal WHERE id = 1",
        if version {
            ", (SELECT max(version) FROM switchboard_schema)"
        } else {
            ""
        }
    );
    let row = conn
        .query_row(&sql, [], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<i64>>(2)?,
                r.get::<_, Option<i64>>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, Option<i64>>(6)?,
                if version {
                    r.get::<_, Option<i64>>(7)?
                } else {
                    None
                },
            ))
        })
        .optional()?
        .ok_or_else(schema::not_a_portal)?;
    let info = PortalInfo {
        name: row.0,
        tier: rows::tier(&row.1)?,
        demo_clock: rows::opt_instant(row.2, "demo clock")?,
        swept_until: rows::opt_instant(row.3, "sweep watermark")?,
        timezone: row.4,
        reminders: match row.5 {
            Some(text) => crate::lifecycle::ReminderPlan::from_stored(&text)
                .ok_or_else(|| rows::corrupt("reminder plan"))?,
            None => crate::lifecycle::ReminderPlan::article(),
        },
        next_event: rows::opt_instant(row.6, "next event")?,
    };
    Ok((info, row.7))
}
