//! Digests (issue 21, item 3): when a recipient's day's digest goes, and
//! the rows that go in it, leased together.

use super::db::{Connection, params};
use super::outbox::{Delivery, SELECT, from_row};
use crate::error::Result;
use crate::lifecycle::Instant;

/// The next digest at `minute` of the day in `zone` after `now`: its local
/// day (the batch's key) and its instant. On a day whose clock skips that
/// minute (spring forward) it goes at the first minute after the gap.
pub fn next_digest(now: Instant, zone: crate::zone::Tz, minute: i64) -> (String, Instant) {
    use chrono::TimeZone;
    let minute = minute.clamp(0, 1_439);
    let mut day = now.with_timezone(&zone).date_naive();
    loop {
        let wall = day
            .and_hms_opt((minute / 60) as u32, (minute % 60) as u32, 0)
            .unwrap_or_default();
        let at = zone
            .from_local_datetime(&wall)
            .earliest()
            .or_else(|| {
                zone.from_local_datetime(&(wall + chrono::TimeDelta::hours(1)))
                    .earliest()
            })
            .map(|t| t.with_timezone(&chrono::Utc));
        if let Some(at) = at.filter(|at| *at > now) {
            return (day.format("%Y-%m-%d").to_string(), at);
        }
        day = day.succ_opt().unwrap_or(day);
    }
}

/// Every pending row of the digest `first` belongs to (same recipient,
/// channel and day), due at `now_ms`, leased to `holder` until `until_ms`
/// with it: a digest is one message, sent or failed as one.
pub fn claim_digest(
    conn: &Connection,
    first: &Delivery,
    holder: &str,
    (now_ms, until_ms): (i64, i64),
) -> Result<Vec<Delivery>> {
    let Some(day) = &first.digest_day else {
        return Ok(vec![first.clone()]);
    };
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE d.digest_day = ?1 AND d.channel = ?2 AND n.recipient = ?3 \
         AND d.status = 'pending' AND d.next_attempt_ms <= ?4 \
         AND (d.claimed_by IS NULL OR d.claimed_by = ?5 OR d.claimed_until_ms <= ?4 OR d.id = ?6) \
         ORDER BY d.deadline, d.id"
    ))?;
    let mut rows = stmt.query(params![
        day,
        first.channel.name(),
        first.recipient_id,
        now_ms,
        holder,
        first.id
    ])?;
    let mut batch = Vec::new();
    while let Some(row) = rows.next()? {
        batch.push(from_row(&row)?);
    }
    drop(rows);
    let mut lease = conn.prepare_cached(
        "UPDATE deliveries SET claimed_by = ?2, claimed_until_ms = ?3 WHERE id = ?1",
    )?;
    for d in &batch {
        lease.execute(params![d.id, holder, until_ms])?;
    }
    Ok(batch)
}

#[cfg(test)]
mod digest_tests {
    use super::next_digest;
    use crate::lifecycle::time::parse_instant;
    use crate::zone::Tz;

    fn at(text: &str) -> crate::lifecycle::Instant {
        parse_instant(text).expect("an instant")
    }

    #[test]
    fn a_digest_goes_at_the_next_hour_of_the_recipients_day_even_across_a_clock_change() {
        // 10:00 in Rome: today's 08:00 is past, so tomorrow's (07:00 UTC).
        assert_eq!(
            next_digest(at("2026-03-01T09:00:00Z"), Tz::Europe__Rome, 480),
            ("2026-03-02".to_string(), at("2026-03-02T07:00:00Z"))
        );
        // 07:59 in Rome: today's, still ahead.
        assert_eq!(
            next_digest(at("2026-03-01T06:59:00Z"), Tz::Europe__Rome, 480).0,
            "2026-03-01"
        );
        // 02:30 never happens on 2026-03-29 in Rome: the first minute after.
        assert_eq!(
            next_digest(at("2026-03-28T12:00:00Z"), Tz::Europe__Rome, 150),
            ("2026-03-29".to_string(), at("2026-03-29T01:30:00Z"))
        );
        // In summer 08:00 in Rome is 06:00 UTC.
        assert_eq!(
            next_digest(at("2026-07-01T12:00:00Z"), Tz::Europe__Rome, 480).1,
            at("2026-07-02T06:00:00Z")
        );
    }
}
