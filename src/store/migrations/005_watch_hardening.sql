-- Issue 17: a delivery whose message no longer holds when its turn comes
-- (its deadline passed, the account reconnected or removed, the recipient
-- deactivated or their channel changed) is 'expired': kept, never sent.
-- SQLite changes a CHECK only by rebuilding the table; its ids and its
-- AUTOINCREMENT counter are kept (ids are never reused, 002).
CREATE TABLE deliveries_new (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    notification_id  INTEGER NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
    channel          TEXT NOT NULL CHECK (channel IN ('email', 'webhook')),
    address          TEXT NOT NULL,
    deadline         INTEGER,
    message_id       TEXT NOT NULL UNIQUE,
    status           TEXT NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'delivered', 'failed', 'expired')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_ms  INTEGER NOT NULL DEFAULT 0,
    claimed_by       TEXT,
    claimed_until_ms INTEGER,
    last_error       TEXT,
    delivered_ms     INTEGER,
    UNIQUE (notification_id, channel)
);
INSERT INTO deliveries_new SELECT id, notification_id, channel, address, deadline, message_id,
    status, attempts, next_attempt_ms, claimed_by, claimed_until_ms, last_error, delivered_ms
    FROM deliveries;
DELETE FROM sqlite_sequence WHERE name = 'deliveries_new';
INSERT INTO sqlite_sequence (name, seq)
    SELECT 'deliveries_new', seq FROM sqlite_sequence WHERE name = 'deliveries';
DROP TABLE deliveries;
ALTER TABLE deliveries_new RENAME TO deliveries;
CREATE INDEX deliveries_due ON deliveries (status, next_attempt_ms, id);

-- Issue 17: which database a write-ahead log belongs to (store/wal_owner.rs).
-- Every write transaction changes `writes`, so each commit's frames hold
-- this row's page and its token; a -wal whose page holds another token is
-- another database's, and is refused before SQLite applies it.
CREATE TABLE wal_owner (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    token  BLOB NOT NULL,
    writes INTEGER NOT NULL DEFAULT 0
);
INSERT INTO wal_owner (id, token) VALUES (1, randomblob(16));
