-- The portal: one row. Instants are Unix seconds, UTC (RULES T1).
CREATE TABLE portal (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    name          TEXT NOT NULL,
    tier          TEXT NOT NULL,
    -- T4: the demo clock stands still until set or advanced; NULL = unset.
    demo_clock    INTEGER,
    -- T4, R12: the last instant the portal was brought up to; NULL = never.
    swept_until   INTEGER
);

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name          TEXT NOT NULL,
    super_admin   INTEGER NOT NULL CHECK (super_admin IN (0, 1)),
    social_access TEXT NOT NULL CHECK (social_access IN ('none', 'own', 'all')),
    can_publish   INTEGER NOT NULL CHECK (can_publish IN (0, 1)),
    active        INTEGER NOT NULL CHECK (active IN (0, 1))
);

CREATE TABLE accounts (
    id                  INTEGER PRIMARY KEY,
    network             TEXT NOT NULL,
    handle              TEXT NOT NULL COLLATE NOCASE,
    -- NOCASE: the list sorts names as people read them, and the keyset
    -- seek uses the index without an explicit collation.
    name                TEXT NOT NULL COLLATE NOCASE,
    status              TEXT NOT NULL CHECK (status IN ('connected', 'disconnected', 'expired')),
    disconnect_reason   TEXT,
    disconnected_at     INTEGER,
    disconnected_by     INTEGER REFERENCES users(id),
    first_connected_at  INTEGER NOT NULL,
    authorized_at       INTEGER NOT NULL,
    last_published_at   INTEGER,
    original_connector  INTEGER NOT NULL REFERENCES users(id),
    last_connector      INTEGER NOT NULL REFERENCES users(id),
    reminder_sent       INTEGER NOT NULL DEFAULT 0,
    purge_warning_sent  INTEGER NOT NULL DEFAULT 0,
    -- The instant of the account's next event (R12), from the lifecycle
    -- module; the sweep finds due accounts through its index.
    next_event_at       INTEGER,
    UNIQUE (network, handle),
    CHECK ((status = 'connected') = (disconnected_at IS NULL))
);
CREATE INDEX accounts_by_next_event ON accounts (next_event_at) WHERE next_event_at IS NOT NULL;
CREATE INDEX accounts_in_list_order ON accounts (network, name, id);
CREATE INDEX accounts_by_disconnect ON accounts (disconnected_at) WHERE disconnected_at IS NOT NULL;

-- Stored statuses. A stored 'scheduled' post of an account that is not
-- connected is canceled with cause 'disconnected' (R5a, lifecycle::post).
CREATE TABLE posts (
    id            INTEGER PRIMARY KEY,
    account_id    INTEGER NOT NULL REFERENCES accounts(id),
    status        TEXT NOT NULL CHECK (status IN ('draft', 'scheduled', 'published', 'canceled')),
    cancel_cause  TEXT CHECK (cancel_cause IN ('user', 'missed')),
    scheduled_at  INTEGER,
    published_at  INTEGER,
    created_by    INTEGER NOT NULL REFERENCES users(id),
    created_at    INTEGER NOT NULL,
    text          TEXT NOT NULL
);
CREATE INDEX posts_by_account ON posts (account_id, status, scheduled_at);
CREATE INDEX posts_by_status ON posts (status, scheduled_at, id);

CREATE TABLE notifications (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('reauth_reminder', 'purge_warning')),
    -- No foreign key: an inbox outlives a removed account (R13).
    account_id  INTEGER NOT NULL,
    recipient   INTEGER NOT NULL REFERENCES users(id),
    at          INTEGER NOT NULL,
    read        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX notifications_by_recipient ON notifications (recipient, at, id);

-- R14. No foreign keys: the audit log remembers removed accounts.
CREATE TABLE audit (
    id          INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    account_id  INTEGER,
    outcome     TEXT NOT NULL CHECK (outcome IN ('ok', 'denied')),
    detail      TEXT NOT NULL,
    count       INTEGER
);
CREATE INDEX audit_in_order ON audit (at, account_id, id);
CREATE INDEX audit_by_account ON audit (account_id, at, id);
CREATE INDEX audit_by_time ON audit (at, id);
