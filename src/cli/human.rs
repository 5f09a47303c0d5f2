//! Output for people: dates in the local zone with relative times, and
//! short status lines that say what matters next.

use crate::lifecycle::Instant;
use crate::lifecycle::NextStep;
use crate::lifecycle::permission::User;
use crate::present::{column, escape_control, reason_words, relative, role_words, truncate};

/// A column of data: escaped first (so what the terminal shows is what is
/// measured), then cut or padded to `columns` display columns.
fn cell(text: &str, columns: usize) -> String {
    column(&escape_control(text), columns)
}
use crate::store::audit::AuditEntry;
use crate::store::notifications::Notification;
use crate::store::{AccountRecord, PostRecord, SweepEvent};

/// `2026-03-04 10:00 CET`, in the reader's zone with its abbreviation
/// (T1: display converts, rules never do; issue 21).
pub fn date(t: Instant) -> String {
    crate::present::when(t)
}

pub fn date_and_relative(t: Instant, now: Instant) -> String {
    format!("{} ({})", date(t), relative(t, now))
}

/// What matters next for an account: its next step in words.
pub fn account_status(record: &AccountRecord, now: Instant) -> String {
    match record.account.next_step(now) {
        NextStep::Healthy { due: None } => crate::tr!("cli-status-connected"),
        NextStep::Healthy { due: Some(due) } => {
            crate::tr!(
                "cli-status-connected-due",
                due = date_and_relative(due, now)
            )
        }
        NextStep::ReminderWeek { due } => format!(
            "{}  ⚠ {}",
            crate::tr!(
                "cli-status-connected-due",
                due = date_and_relative(due, now)
            ),
            crate::tr!("advice-reminder-week")
        ),
        NextStep::ReconnectBy {
            reason,
            since,
            deadline,
        } => crate::tr!(
            "cli-status-disconnected",
            reason = reason_words(reason),
            since = date(since),
            deadline = date_and_relative(deadline, now)
        ),
        NextStep::CannotComeBack { since, purge_at } => crate::tr!(
            "cli-status-deleted",
            since = date(since),
            purge = date(purge_at)
        ),
        NextStep::Purged { reason, purged_at } => crate::tr!(
            "cli-status-expired",
            reason = reason_words(reason),
            purged = date(purged_at)
        ),
    }
}

/// One row of the Accounts list; `with_network` when rows are not grouped
/// under their network (sorted by urgency).
pub fn account_line(record: &AccountRecord, now: Instant, with_network: bool) -> String {
    let a = &record.account;
    let hidden = if a.is_hidden(now) {
        format!("  [{}]", crate::tr!("cli-hidden"))
    } else {
        String::new()
    };
    let name = if with_network {
        format!("{} · {}", a.network.label(), a.name)
    } else {
        a.name.clone()
    };
    format!(
        "  #{:<6} {} @{} {}{hidden}",
        a.id,
        cell(&name, if with_network { 34 } else { 24 }),
        cell(&a.handle, 22),
        account_status(record, now)
    )
}

/// An account in full; `plan` places its reminders (issue 21: the
/// portal's leads).
pub fn account_detail(
    record: &AccountRecord,
    plan: &crate::lifecycle::ReminderPlan,
    now: Instant,
) -> String {
    let a = &record.account;
    let mut rows = vec![
        ("cli-detail-status", account_status(record, now)),
        ("cli-detail-first-connected", date(a.first_connected_at)),
        ("cli-detail-authorized", date(a.authorized_at)),
        ("cli-detail-last-activity", date(a.last_activity_at())),
        (
            "cli-detail-original-connector",
            record.original_connector.clone(),
        ),
        ("cli-detail-last-connector", record.last_connector.clone()),
    ];
    let reminders = a.reminders(plan);
    let optional = std::iter::once(("cli-detail-reauthorize-by", a.reauth_due_at()))
        .chain(
            reminders
                .into_iter()
                .map(|at| ("cli-detail-reminder", Some(at))),
        )
        .chain([("cli-detail-reconnect-by", a.reconnect_deadline())]);
    for (label, value) in optional {
        if let Some(t) = value {
            rows.push((label, date_and_relative(t, now)));
        }
    }
    // The labels in a column as wide as the language's widest.
    let labels: Vec<String> = rows.iter().map(|(id, _)| crate::tr!(id)).collect();
    let width = labels
        .iter()
        .map(|l| crate::present::width(l))
        .max()
        .unwrap_or(0);
    let mut lines = vec![format!(
        "#{} {} · {} @{}",
        a.id,
        a.name,
        a.network.label(),
        a.handle
    )];
    for (label, (_, value)) in labels.iter().zip(&rows) {
        lines.push(format!("  {}  {value}", column(label, width)));
    }
    lines.join("\n")
}

pub fn post_line(p: &PostRecord, now: Instant) -> String {
    let status = crate::present::post_status_words(p.status);
    let when = p
        .published_at
        .or(p.scheduled_at)
        .map(|t| date_and_relative(t, now))
        .unwrap_or_else(|| "-".into());
    format!(
        "#{:<7} acct #{:<6} {:<23} {:<38} {} {}",
        p.id,
        p.account_id,
        status,
        when,
        cell(&p.created_by, 24),
        truncate(&escape_control(&p.text), 60)
    )
}

pub fn user_line(u: &User) -> String {
    format!(
        "{} {} {} {} {:<4} {} {:<3} {}",
        cell(&u.email, 32),
        cell(&u.name, 24),
        column(&role_words(u.role()), 23),
        crate::tr!("cli-user-access"),
        u.access.name(),
        crate::tr!("cli-user-publish"),
        crate::tr!(if u.can_publish { "cli-yes" } else { "cli-no" }),
        crate::tr!(if u.active {
            "cli-user-active"
        } else {
            "user-deactivated"
        })
    )
}

pub fn notification_line(n: &Notification, now: Instant) -> String {
    let what = match n.kind.as_str() {
        "reauth_reminder" => crate::tr!("cli-notification-reminder"),
        // E1: and how to keep a copy of what the purge deletes.
        "purge_warning" => crate::tr!("cli-notification-purge-warning", id = n.account_id),
        other => other.to_string(),
    };
    let account = match &n.account {
        Some(a) => format!("#{} {} · {}", n.account_id, a.network.label(), a.name),
        None => format!("#{}", n.account_id),
    };
    format!(
        "{} {:<32} {} {what}",
        if n.read { " " } else { "●" },
        date_and_relative(n.at, now),
        cell(&account, 32)
    )
}

pub fn audit_line(e: &AuditEntry) -> String {
    let account = match (&e.account, e.account_id) {
        (Some(a), Some(id)) => format!("#{id} {} · {}", a.network.label(), a.name),
        (_, Some(id)) => format!("#{id}"),
        (_, None) => "-".into(),
    };
    format!(
        "{}  {} {} {} {} {}",
        date(e.at),
        cell(&e.actor, 24),
        column(&crate::present::action_words(&e.action), 16),
        cell(&account, 28),
        column(
            &crate::tr!(if e.outcome == "denied" {
                "activity-denied"
            } else {
                "cli-outcome-ok"
            }),
            6
        ),
        escape_control(&e.detail)
    )
}

/// One event a sweep applied, in words.
pub fn sweep_event_line(e: &SweepEvent) -> String {
    use crate::lifecycle::events::EventKind;
    let count = e.count.unwrap_or(0);
    let what = match e.kind {
        EventKind::Publication => match e.post_id {
            Some(post) => crate::tr!("event-published", id = post),
            None => crate::tr!("event-published-one"),
        },
        EventKind::Reminder => crate::tr!("event-reminder", count = count),
        EventKind::PurgeWarning => crate::tr!("event-purge-warning", count = count),
        EventKind::Lapse(reason) => {
            crate::tr!("event-lapse", reason = reason_words(reason), count = count)
        }
        EventKind::Purge => crate::tr!("event-purged", count = count),
    };
    format!(
        "{}  {} {what}",
        date(e.at),
        column(&crate::tr!("account-number", id = e.account_id), 14)
    )
}

/// What a sweep did, by kind: how many events on how many accounts, then a
/// line per kind with what the counts add up to.
pub fn sweep_summary(events: &[SweepEvent]) -> Vec<String> {
    use crate::lifecycle::events::EventKind;
    if events.is_empty() {
        return vec![crate::tr!("summary-nothing")];
    }
    let accounts: std::collections::HashSet<_> = events.iter().map(|e| e.account_id).collect();
    let mut lines = vec![crate::tr!(
        "summary-head",
        count = events.len(),
        accounts = accounts.len()
    )];
    let of = |pick: &dyn Fn(&EventKind) -> bool| {
        let chosen: Vec<&SweepEvent> = events.iter().filter(|e| pick(&e.kind)).collect();
        let sum: i64 = chosen.iter().filter_map(|e| e.count).sum();
        (chosen.len() as i64, sum)
    };
    let mut line = |n: i64, id: &str, sum: i64| {
        if n > 0 {
            lines.push(format!(
                "  {}",
                crate::i18n::message(
                    id,
                    &[
                        ("count", crate::i18n::Arg::from(n)),
                        ("sum", crate::i18n::Arg::from(sum)),
                    ]
                )
            ));
        }
    };
    let (n, _) = of(&|k| *k == EventKind::Publication);
    line(n, "summary-published", 0);
    let (n, sent) = of(&|k| *k == EventKind::Reminder);
    line(n, "summary-reminders", sent);
    let (n, sent) = of(&|k| *k == EventKind::PurgeWarning);
    line(n, "summary-purge-warnings", sent);
    let (n, canceled) = of(&|k| matches!(k, EventKind::Lapse(_)));
    line(n, "summary-lapses", canceled);
    let (n, purged) = of(&|k| *k == EventKind::Purge);
    line(n, "summary-purges", purged);
    lines
}

/// One outbox row: where it goes, about what, and where it stands.
pub fn delivery_line(d: &crate::store::outbox::Delivery) -> String {
    use crate::store::outbox::State;
    let account = match &d.account {
        Some(a) => format!("#{} {} · {}", d.account_id, a.network.label(), a.name),
        None => format!("#{}", d.account_id),
    };
    let what = match d.kind.as_str() {
        "purge_warning" => crate::tr!("cli-delivery-purge-warning"),
        _ => crate::tr!("cli-delivery-reminder"),
    };
    let state = match d.state {
        State::Delivered => crate::tr!("cli-delivery-delivered", attempts = d.attempts),
        State::Pending if d.attempts == 0 => crate::tr!("cli-delivery-queued"),
        State::Expired => crate::tr!(
            "cli-delivery-expired",
            reason = d.last_error.clone().unwrap_or_default()
        ),
        State::Pending => crate::tr!(
            "cli-delivery-retrying",
            attempts = d.attempts,
            error = d.last_error.clone().unwrap_or_default()
        ),
        State::Failed => crate::tr!(
            "cli-delivery-failed",
            attempts = d.attempts,
            error = d.last_error.clone().unwrap_or_default(),
            id = d.id
        ),
    };
    format!(
        "#{:<5} {:<7} {} {} · {what} · {state}",
        d.id,
        d.channel.name(),
        cell(&d.address, 32),
        cell(&account, 28)
    )
}
