//! The portal's tables, described once: each table and its stored columns
//! in order. `migrate` copies by it, the tests dump by it, and a test checks
//! both engines' schemas against it (SQLite's `PRAGMA table_info`,
//! PostgreSQL's `information_schema.columns`).

/// A table and its stored columns, in their order in the schema; the first
/// is its key (rows are copied in its order).
#[derive(Clone, Copy, Debug)]
pub struct Table {
    pub name: &'static str,
    pub columns: &'static [&'static str],
}

/// Every table of a portal, parents before the tables that refer to them.
pub const TABLES: &[Table] = &[
    Table {
        name: "portal",
        columns: &[
            "id",
            "name",
            "tier",
            "demo_clock",
            "swept_until",
            "timezone",
            "reminders",
        ],
    },
    Table {
        name: "users",
        columns: &[
            "id",
            "email",
            "name",
            "super_admin",
            "social_access",
            "can_publish",
            "active",
            "email_notifications",
            "webhook_url",
            "lang",
            "timezone",
            "delivery",
            "digest_at",
            "webhook_format",
        ],
    },
    Table {
        name: "accounts",
        columns: &[
            "id",
            "network",
            "handle",
            "name",
            "status",
            "disconnect_reason",
            "disconnected_at",
            "disconnected_by",
            "first_connected_at",
            "authorized_at",
            "last_published_at",
            "original_connector",
            "last_connector",
            "reminder_sent",
            "purge_warning_sent",
            "next_event_at",
            "version",
            "urgent_at",
        ],
    },
    Table {
        name: "posts",
        columns: &[
            "id",
            "account_id",
            "status",
            "cancel_cause",
            "scheduled_at",
            "published_at",
            "created_by",
            "created_at",
            "text",
        ],
    },
    Table {
        name: "notifications",
        columns: &["id", "kind", "account_id", "recipient", "at", "read"],
    },
    Table {
        name: "audit",
        columns: &[
            "id",
            "at",
            "actor",
            "action",
            "account_id",
            "outcome",
            "detail",
            "count",
        ],
    },
    Table {
        name: "deliveries",
        columns: &[
            "id",
            "notification_id",
            "channel",
            "address",
            "deadline",
            "message_id",
            "status",
            "attempts",
            "next_attempt_ms",
            "claimed_by",
            "claimed_until_ms",
            "last_error",
            "delivered_ms",
            "digest_day",
        ],
    },
    Table {
        name: "grants",
        columns: &[
            "account_id",
            "subject",
            "scopes",
            "access_token",
            "refresh_token",
            "access_expires_at",
            "granted_at",
            "checked_at",
        ],
    },
];
