-- Issue 21: reminders an admin can live with.
-- Local time for people: the portal's zone and each user's (IANA names;
-- NULL: the portal's, then UTC). The rules never read them (T1).
ALTER TABLE portal ADD COLUMN timezone TEXT;
-- The reminders' leads before a deadline, in seconds, longest first
-- ("604800,86400"); NULL: the article's one week (R9a).
ALTER TABLE portal ADD COLUMN reminders TEXT;
ALTER TABLE users ADD COLUMN timezone TEXT;
-- 'immediate' (a message per notification) or 'digest' (one a day at
-- digest_at, minutes after midnight in the user's zone).
ALTER TABLE users ADD COLUMN delivery TEXT NOT NULL DEFAULT 'immediate';
ALTER TABLE users ADD COLUMN digest_at BIGINT NOT NULL DEFAULT 480;
-- json (signed), slack, discord or teams.
ALTER TABLE users ADD COLUMN webhook_format TEXT NOT NULL DEFAULT 'json';
-- A delivery bound for a digest: the recipient's local day it belongs to;
-- every pending delivery of one recipient, channel and day goes as one.
ALTER TABLE deliveries ADD COLUMN digest_day TEXT;
CREATE INDEX deliveries_by_digest ON deliveries (digest_day, status) WHERE digest_day IS NOT NULL;
-- reminder_sent was 1 once R9's one reminder went out: it now holds the
-- lead of the latest reminder the grant had (0: none yet), so each lead
-- goes out once per grant (R9c per offset).
UPDATE accounts SET reminder_sent = 604800 WHERE reminder_sent = 1;
