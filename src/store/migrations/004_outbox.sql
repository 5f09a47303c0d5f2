-- Reminders that reach people (R9, E1 delivered): each user's channels, and
-- an outbox with one row per notification, recipient and channel, written
-- in the sweep's transaction and delivered after its commit by `watch`.
ALTER TABLE users ADD COLUMN email_notifications INTEGER NOT NULL DEFAULT 0
    CHECK (email_notifications IN (0, 1));
ALTER TABLE users ADD COLUMN webhook_url TEXT;
-- The language their messages are written in; NULL: the watch's own.
ALTER TABLE users ADD COLUMN lang TEXT CHECK (lang IN ('en', 'it'));

CREATE TABLE deliveries (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    notification_id  INTEGER NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
    channel          TEXT NOT NULL CHECK (channel IN ('email', 'webhook')),
    -- Where it goes, as the user's settings said when it was written.
    address          TEXT NOT NULL,
    -- The deadline the message names: reauthorization (R9) or purge (E1).
    deadline         INTEGER,
    -- Stable across attempts (Message-ID, Idempotency-Key): receivers drop
    -- duplicates of an at-least-once delivery.
    message_id       TEXT NOT NULL UNIQUE,
    status           TEXT NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    -- Real time, in milliseconds (backoff runs on the wall clock, whatever
    -- the demo clock says); 0: at once.
    next_attempt_ms  INTEGER NOT NULL DEFAULT 0,
    -- The lease of the watch sending it now: no two watches hold one row.
    claimed_by       TEXT,
    claimed_until_ms INTEGER,
    last_error       TEXT,
    delivered_ms     INTEGER,
    UNIQUE (notification_id, channel)
);
CREATE INDEX deliveries_due ON deliveries (status, next_attempt_ms, id);
