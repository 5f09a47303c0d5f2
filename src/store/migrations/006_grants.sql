-- Issue 20: an account's grant at its network, when it was connected by a
-- real sign-in. The tokens are sealed by the vault (XChaCha20-Poly1305,
-- its key outside the portal): the portal holds only ciphertext.
CREATE TABLE grants (
    account_id        INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
    subject           TEXT NOT NULL,
    scopes            TEXT NOT NULL,
    access_token      TEXT NOT NULL,
    refresh_token     TEXT,
    access_expires_at INTEGER,
    granted_at        INTEGER NOT NULL,
    checked_at        INTEGER
);
