//! The JSON documents of CLI.md. Field names here are a contract.

use serde_json::{Value, json};

use crate::lifecycle::Instant;
use crate::lifecycle::permission::User;
use crate::lifecycle::time::format_instant;
use crate::store::audit::AuditEntry;
use crate::store::notifications::Notification;
use crate::store::{AccountRecord, PostRecord, SweepEvent};

pub fn instant(t: Option<Instant>) -> Value {
    t.map_or(Value::Null, |t| Value::String(format_instant(t)))
}

pub fn account(record: &AccountRecord, now: Instant) -> Value {
    let a = &record.account;
    let d = a.disconnection();
    json!({
        "id": a.id,
        "network": a.network.name(),
        "handle": a.handle,
        "name": a.name,
        "status": a.status().name(),
        "disconnect_reason": d.map(|d| d.reason.name()),
        "disconnected_at": instant(d.map(|d| d.at)),
        "first_connected_at": instant(Some(a.first_connected_at)),
        "authorized_at": instant(Some(a.authorized_at)),
        "last_activity_at": instant(Some(a.last_activity_at())),
        "original_connector": record.original_connector,
        "last_connector": record.last_connector,
        "reauth_due_at": instant(a.reauth_due_at()),
        "reminder_at": instant(a.reminder_at()),
        "reconnect_deadline": instant(a.reconnect_deadline()),
        "hidden": a.is_hidden(now),
        "in_reminder_week": a.in_reminder_week(now),
        "version": record.version,
    })
}

pub fn post(p: &PostRecord) -> Value {
    json!({
        "id": p.id,
        "account_id": p.account_id,
        "status": p.status.status.name(),
        "cancel_cause": p.status.cancel_cause.map(|c| c.name()),
        "scheduled_at": instant(p.scheduled_at),
        "published_at": instant(p.published_at),
        "created_by": p.created_by,
        "text": p.text,
    })
}

pub fn user(u: &User) -> Value {
    json!({
        "id": u.id,
        "email": u.email,
        "name": u.name,
        "role": u.role(),
        "super_admin": u.super_admin,
        "access": u.access.name(),
        "publish": u.can_publish,
        "active": u.active,
    })
}

pub fn notification(n: &Notification) -> Value {
    json!({
        "id": n.id,
        "kind": n.kind,
        "account_id": n.account_id,
        "recipient": n.recipient,
        "at": instant(Some(n.at)),
        "read": n.read,
    })
}

pub fn audit_entry(e: &AuditEntry) -> Value {
    json!({
        "id": e.id,
        "at": instant(Some(e.at)),
        "actor": e.actor,
        "action": e.action,
        "account_id": e.account_id,
        "outcome": e.outcome,
        "detail": e.detail,
        "count": e.count,
    })
}

pub fn sweep_event(e: &SweepEvent) -> Value {
    json!({
        "at": instant(Some(e.at)),
        "kind": e.kind.name(),
        "account_id": e.account_id,
        "post_id": e.post_id,
        "reason": e.reason.map(|r| r.name()),
        "count": e.count,
    })
}

/// The sweep document, written as it goes: one event at a time, never the
/// whole list as a JSON tree (a month of a big portal is 150 000 events).
/// `extra` fields come before the events.
pub fn write_sweep(
    out: &mut impl std::io::Write,
    swept_to: Instant,
    events: &[SweepEvent],
    extra: &[(&str, Value)],
) -> std::io::Result<()> {
    write!(out, "{{\"swept_to\":{}", instant(Some(swept_to)))?;
    for (name, value) in extra {
        write!(out, ",{}:{value}", Value::String((*name).to_string()))?;
    }
    write!(out, ",\"events\":[")?;
    for (i, event) in events.iter().enumerate() {
        if i > 0 {
            write!(out, ",")?;
        }
        write!(out, "{}", sweep_event(event))?;
    }
    writeln!(out, "]}}")
}

/// An instant of the wall clock in milliseconds, as RFC 3339 (to the second).
fn wall_instant(ms: Option<i64>) -> Value {
    instant(ms.and_then(|ms| crate::lifecycle::time::from_unix_seconds(ms.div_euclid(1000))))
}

/// One outbox row (issue 12).
pub fn delivery(d: &crate::store::outbox::Delivery) -> Value {
    use crate::store::outbox::State;
    json!({
        "id": d.id,
        "notification_id": d.notification_id,
        "kind": d.kind,
        "account_id": d.account_id,
        "recipient": d.recipient_email,
        "channel": d.channel.name(),
        "address": d.address,
        "message_id": d.message_id,
        "status": d.state.name(),
        "attempts": d.attempts,
        "next_attempt_at": match d.state {
            // 0: at once, whenever a watch runs.
            State::Pending if d.next_attempt_ms > 0 => wall_instant(Some(d.next_attempt_ms)),
            _ => Value::Null,
        },
        "last_error": d.last_error,
        "delivered_at": wall_instant(d.delivered_ms),
        "deadline": instant(d.deadline),
        "digest_day": d.digest_day,
    })
}
