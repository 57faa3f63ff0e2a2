-- The browser a session was opened from, so its owner can tell sessions apart (no address kept).
ALTER TABLE auth_sessions ADD COLUMN user_agent TEXT;
