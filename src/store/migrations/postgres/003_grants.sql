-- Issue 20: an account's grant at its network (see the SQLite migration
-- 006): sealed tokens only.
CREATE TABLE grants (
    account_id        BIGINT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
    subject           TEXT NOT NULL,
    scopes            TEXT NOT NULL,
    access_token      TEXT NOT NULL,
    refresh_token     TEXT,
    access_expires_at BIGINT,
    granted_at        BIGINT NOT NULL,
    checked_at        BIGINT
);
