-- Attendance per day of an enrollment session: one row per confirmed-enrolled child and day
-- marked (present 1 or absent 0). Re-marking a day replaces that day's rows. The session keeps
-- its present and marked days, the organizations their counters services.enrolled /
-- services.waitlisted / services.attendance_present / services.attendance_marked (self and
-- subtree), all in the same transactions as the changes that move them.
CREATE TABLE services_attendance (
  session_id BIGINT NOT NULL REFERENCES services_sessions (id),
  day TEXT NOT NULL,
  enrollment_id BIGINT NOT NULL REFERENCES services_enrollments (id),
  present INTEGER NOT NULL,
  marked_by BIGINT NOT NULL,
  marked_at BIGINT NOT NULL,
  PRIMARY KEY (session_id, day, enrollment_id)
);
ALTER TABLE services_sessions ADD COLUMN present_days INTEGER NOT NULL DEFAULT 0;
ALTER TABLE services_sessions ADD COLUMN marked_days INTEGER NOT NULL DEFAULT 0;
