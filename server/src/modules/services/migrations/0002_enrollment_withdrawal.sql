-- Enrollments can be withdrawn (status 'withdrawn', with when); the place goes to the first on
-- the session's waitlist, found by this index.
ALTER TABLE services_enrollments ADD COLUMN withdrawn_at BIGINT;
CREATE INDEX services_enrollments_waitlist ON services_enrollments (session_id, status, waitlist_seq);
