-- Scheduled jobs (kit/job.h): one row per run. Recurring kinds get one row per due time
-- (unique_key "<due_at>"), so however many instances schedule a due time it runs once.
CREATE TABLE jobs_jobs (
  id {{id}},
  kind TEXT NOT NULL,
  unique_key TEXT,
  payload TEXT NOT NULL,
  due_at BIGINT NOT NULL,
  -- when the next attempt may start (the due time, then back-off after failures)
  run_at BIGINT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'running', 'done', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL,
  lease_millis BIGINT NOT NULL,
  lease_owner TEXT,
  lease_until BIGINT,
  last_error TEXT,
  created_at BIGINT NOT NULL,
  finished_at BIGINT
);
CREATE UNIQUE INDEX jobs_jobs_unique ON jobs_jobs (kind, unique_key);
CREATE INDEX jobs_jobs_due ON jobs_jobs (status, run_at);
CREATE INDEX jobs_jobs_lease ON jobs_jobs (status, lease_until);
