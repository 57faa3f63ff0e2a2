-- "8+4": a posting cancelled before its end keeps why, by whom and when.
ALTER TABLE cadres_postings ADD COLUMN cancel_reason TEXT;
ALTER TABLE cadres_postings ADD COLUMN cancelled_by BIGINT;
ALTER TABLE cadres_postings ADD COLUMN cancelled_at BIGINT;
