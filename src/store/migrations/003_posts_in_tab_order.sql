-- Every Publishing tab lists by one instant (store::posts::tab_order): the
-- scheduled time, the publication time, the creation time of a draft, and
-- for canceled posts the time they were meant for (else their creation).
-- As a column, not an expression, so a keyset page seeks the index to its
-- cursor (a row value over an expression index cannot), and one index
-- serves every tab where four did.
ALTER TABLE posts ADD COLUMN listed_at INTEGER GENERATED ALWAYS AS (
    CASE status
        WHEN 'scheduled' THEN scheduled_at
        WHEN 'published' THEN published_at
        WHEN 'draft' THEN created_at
        ELSE coalesce(scheduled_at, created_at)
    END) VIRTUAL;
CREATE INDEX posts_in_tab_order ON posts (status, listed_at, id);
DROP INDEX posts_by_status;
DROP INDEX posts_published;
DROP INDEX posts_by_creation;
DROP INDEX posts_by_when;
