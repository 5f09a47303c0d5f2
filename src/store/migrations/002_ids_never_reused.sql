-- R13: no id of an account, post, user, notification or audit entry is ever
-- given to another. SQLite only guarantees that with AUTOINCREMENT, which a
-- table gets at creation: every table is rebuilt, its rows kept, and each
-- sequence starts above every id the portal has ever shown.
--
-- Also: accounts get an `urgent_at` (the Accounts list by urgency), and a `version`, moved on every change to the account or
-- its posts, so a confirmed dialog acts only on what it showed (issue 7);
-- notifications go with their account (R13); the file carries Switchboard's
-- application id, so another program's database is never mistaken for a
-- portal.
--
-- Run with foreign keys off (schema.rs), inside the migration's transaction.

CREATE TABLE new_users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name          TEXT NOT NULL,
    super_admin   INTEGER NOT NULL CHECK (super_admin IN (0, 1)),
    social_access TEXT NOT NULL CHECK (social_access IN ('none', 'own', 'all')),
    can_publish   INTEGER NOT NULL CHECK (can_publish IN (0, 1)),
    active        INTEGER NOT NULL CHECK (active IN (0, 1))
);
INSERT INTO new_users SELECT * FROM users;

CREATE TABLE new_accounts (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    network             TEXT NOT NULL,
    handle              TEXT NOT NULL COLLATE NOCASE,
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
    next_event_at       INTEGER,
    -- Moves on every change to the account or its posts (store::accounts).
    version             INTEGER NOT NULL DEFAULT 1,
    -- Account::urgent_at in seconds, the largest integer for "never": the
    -- Accounts list sorted by urgency seeks its index. Written by
    -- store::accounts::save (filled for existing rows by schema.rs).
    urgent_at           INTEGER NOT NULL DEFAULT 9223372036854775807,
    UNIQUE (network, handle),
    CHECK ((status = 'connected') = (disconnected_at IS NULL))
);
INSERT INTO new_accounts
    SELECT id, network, handle, name, status, disconnect_reason, disconnected_at,
           disconnected_by, first_connected_at, authorized_at, last_published_at,
           original_connector, last_connector, reminder_sent, purge_warning_sent,
           next_event_at, 1, 9223372036854775807
    FROM accounts;

CREATE TABLE new_posts (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id    INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    status        TEXT NOT NULL CHECK (status IN ('draft', 'scheduled', 'published', 'canceled')),
    cancel_cause  TEXT CHECK (cancel_cause IN ('user', 'missed')),
    scheduled_at  INTEGER,
    published_at  INTEGER,
    created_by    INTEGER NOT NULL REFERENCES users(id),
    created_at    INTEGER NOT NULL,
    text          TEXT NOT NULL
);
INSERT INTO new_posts SELECT * FROM posts;

CREATE TABLE new_notifications (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    kind        TEXT NOT NULL CHECK (kind IN ('reauth_reminder', 'purge_warning')),
    -- R13: a removed account's notifications go with it.
    account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    recipient   INTEGER NOT NULL REFERENCES users(id),
    at          INTEGER NOT NULL,
    read        INTEGER NOT NULL DEFAULT 0
);
-- The previous schema kept a removed account's notifications: they go now.
INSERT INTO new_notifications
    SELECT * FROM notifications WHERE account_id IN (SELECT id FROM accounts);

-- R14. No foreign keys: the audit log remembers removed accounts.
CREATE TABLE new_audit (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          INTEGER NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    account_id  INTEGER,
    outcome     TEXT NOT NULL CHECK (outcome IN ('ok', 'denied')),
    detail      TEXT NOT NULL,
    count       INTEGER
);
INSERT INTO new_audit SELECT * FROM audit;

DROP TABLE notifications;
DROP TABLE posts;
DROP TABLE accounts;
DROP TABLE users;
DROP TABLE audit;
ALTER TABLE new_users RENAME TO users;
ALTER TABLE new_accounts RENAME TO accounts;
ALTER TABLE new_posts RENAME TO posts;
ALTER TABLE new_notifications RENAME TO notifications;
ALTER TABLE new_audit RENAME TO audit;
DELETE FROM sqlite_sequence;
-- Every id ever shown stays taken: the highest still stored, the accounts the
-- audit log remembers, and the posts its details name ("post #N ...").
INSERT INTO sqlite_sequence (name, seq) VALUES
    ('users', (SELECT coalesce(max(id), 0) FROM users)),
    ('accounts', max(
        (SELECT coalesce(max(id), 0) FROM accounts),
        (SELECT coalesce(max(account_id), 0) FROM audit))),
    ('posts', max(
        (SELECT coalesce(max(id), 0) FROM posts),
        (SELECT coalesce(max(CAST(substr(detail, instr(detail, 'post #') + 6) AS INTEGER)), 0)
           FROM audit WHERE instr(detail, 'post #') > 0))),
    ('notifications', (SELECT coalesce(max(id), 0) FROM notifications)),
    ('audit', (SELECT coalesce(max(id), 0) FROM audit));


CREATE INDEX accounts_by_next_event ON accounts (next_event_at) WHERE next_event_at IS NOT NULL;
CREATE INDEX accounts_in_list_order ON accounts (network, name, id);
CREATE INDEX accounts_by_disconnect ON accounts (disconnected_at) WHERE disconnected_at IS NOT NULL;
CREATE INDEX accounts_by_urgency ON accounts (urgent_at, id);
CREATE INDEX posts_by_account ON posts (account_id, status, scheduled_at);
CREATE INDEX posts_by_status ON posts (status, scheduled_at, id);
-- The Publishing tabs list by time (store::posts::tab_page): each tab's
-- first page is a seek, not a sort.
CREATE INDEX posts_published ON posts (status, published_at, id);
CREATE INDEX posts_by_creation ON posts (status, created_at, id);
CREATE INDEX posts_by_when ON posts (status, coalesce(scheduled_at, created_at), id);
-- `post list --tab` pages by id within a status.
CREATE INDEX posts_by_status_id ON posts (status, id);
CREATE INDEX notifications_by_recipient ON notifications (recipient, at, id);
CREATE INDEX notifications_by_account ON notifications (account_id);
-- The header's unread count.
CREATE INDEX notifications_unread ON notifications (recipient, read);
CREATE INDEX audit_in_order ON audit (at, account_id, id);
CREATE INDEX audit_by_account ON audit (account_id, at, id);
CREATE INDEX audit_by_time ON audit (at, id);

-- 'SWBD': the mark a program checks before it touches the file.
PRAGMA application_id = 1398227524;
