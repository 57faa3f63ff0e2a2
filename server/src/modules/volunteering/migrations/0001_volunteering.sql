-- Volunteering: teams, projects, shifts, sign-ups, attendance, the hours ledger, certificates.
-- Rows keep the materialized path of their organization (org_path) for subtree range scans;
-- permission decisions always use the organization's current path from the directory.
-- Times are UTC milliseconds; months are "YYYY-MM" in China time (UTC+8).

-- Per-organization settings; the nearest ancestor's setting applies below it.
CREATE TABLE volunteering_settings (
  organization_id BIGINT PRIMARY KEY,
  hours_rule TEXT NOT NULL CHECK (hours_rule IN ('national', 'half_hour_floor', 'exact')),
  updated_at BIGINT NOT NULL
);

-- Keys for signing check-in tokens, stored so tokens survive restarts and work across instances.
CREATE TABLE volunteering_keys (
  purpose TEXT PRIMARY KEY,
  secret TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE TABLE volunteering_teams (
  id {{id}},
  organization_id BIGINT NOT NULL,
  org_path {{path}} NOT NULL,
  name TEXT NOT NULL,
  description TEXT,
  partner_name TEXT,
  status TEXT NOT NULL CHECK (status IN ('active', 'archived')),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX volunteering_teams_path ON volunteering_teams (org_path, id);
CREATE UNIQUE INDEX volunteering_teams_name ON volunteering_teams (organization_id, name);

-- Membership by application and approval; leaders are members with role 'leader'.
CREATE TABLE volunteering_team_members (
  id {{id}},
  team_id BIGINT NOT NULL REFERENCES volunteering_teams (id),
  person_id BIGINT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('leader', 'member')),
  status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'rejected', 'left')),
  message TEXT,
  created_at BIGINT NOT NULL,
  decided_at BIGINT,
  UNIQUE (team_id, person_id)
);
CREATE INDEX volunteering_team_members_person ON volunteering_team_members (person_id, status);

CREATE TABLE volunteering_projects (
  id {{id}},
  organization_id BIGINT NOT NULL,
  org_path {{path}} NOT NULL,
  team_id BIGINT REFERENCES volunteering_teams (id),
  title TEXT NOT NULL,
  description TEXT,
  category TEXT NOT NULL,
  brand TEXT,
  location TEXT,
  venue_id BIGINT,
  contact TEXT,
  visibility TEXT NOT NULL CHECK (visibility IN ('public', 'members')),
  status TEXT NOT NULL CHECK (status IN ('draft', 'recruiting', 'running', 'finished', 'archived')),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX volunteering_projects_path ON volunteering_projects (org_path, id);
CREATE INDEX volunteering_projects_status ON volunteering_projects (status, id);

-- confirmed/waitlisted are maintained with the sign-ups in the same transaction; the
-- conditional UPDATE on confirmed < capacity is what makes overselling impossible.
CREATE TABLE volunteering_shifts (
  id {{id}},
  project_id BIGINT NOT NULL REFERENCES volunteering_projects (id),
  starts_at BIGINT NOT NULL,
  ends_at BIGINT NOT NULL,
  capacity INTEGER NOT NULL CHECK (capacity > 0),
  confirmed INTEGER NOT NULL DEFAULT 0,
  waitlisted INTEGER NOT NULL DEFAULT 0,
  waitlist_seq BIGINT NOT NULL DEFAULT 0,
  role TEXT,
  requirements TEXT,
  min_age INTEGER,
  status TEXT NOT NULL CHECK (status IN ('open', 'cancelled')),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CHECK (ends_at > starts_at),
  CHECK (confirmed >= 0 AND confirmed <= capacity AND waitlisted >= 0)
);
CREATE INDEX volunteering_shifts_project ON volunteering_shifts (project_id, starts_at);

-- One row per person who volunteers: the display name used on rosters and certificates, the
-- confirmed total (never negative), and a row to lock so one person's sign-ups serialize.
CREATE TABLE volunteering_volunteers (
  person_id BIGINT PRIMARY KEY,
  name TEXT NOT NULL,
  total_minutes BIGINT NOT NULL DEFAULT 0 CHECK (total_minutes >= 0),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE volunteering_signups (
  id {{id}},
  shift_id BIGINT NOT NULL REFERENCES volunteering_shifts (id),
  person_id BIGINT NOT NULL,
  account_id BIGINT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
  waitlist_seq BIGINT,
  starts_at BIGINT NOT NULL,
  ends_at BIGINT NOT NULL,
  guardian_name TEXT,
  guardian_relation TEXT,
  consent_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (shift_id, person_id)
);
CREATE INDEX volunteering_signups_shift ON volunteering_signups (shift_id, status, waitlist_seq);
CREATE INDEX volunteering_signups_person ON volunteering_signups (person_id, status, starts_at);

-- Stored results of idempotent writes, per account and Idempotency-Key.
CREATE TABLE volunteering_idempotency (
  account_id BIGINT NOT NULL,
  idem_key TEXT NOT NULL,
  operation TEXT NOT NULL,
  response_status INTEGER NOT NULL DEFAULT 0,
  response_body TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  PRIMARY KEY (account_id, idem_key)
);

-- One session per sign-up: check-in and check-out (by QR token or by the leader).
CREATE TABLE volunteering_attendance (
  id {{id}},
  signup_id BIGINT NOT NULL UNIQUE REFERENCES volunteering_signups (id),
  shift_id BIGINT NOT NULL REFERENCES volunteering_shifts (id),
  person_id BIGINT NOT NULL,
  checked_in_at BIGINT NOT NULL,
  checked_out_at BIGINT,
  in_method TEXT NOT NULL,
  out_method TEXT,
  ledger_entry_id BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CHECK (checked_out_at IS NULL OR checked_out_at >= checked_in_at)
);
CREATE INDEX volunteering_attendance_shift ON volunteering_attendance (shift_id);

-- The hours ledger: append-only. A correction is a reversal (reverses_id, minutes negated)
-- plus a new entry, each with a reason. An entry is reversed at most once.
CREATE TABLE volunteering_ledger (
  id {{id}},
  person_id BIGINT NOT NULL,
  organization_id BIGINT NOT NULL,
  org_path {{path}} NOT NULL,
  project_id BIGINT REFERENCES volunteering_projects (id),
  team_id BIGINT REFERENCES volunteering_teams (id),
  shift_id BIGINT REFERENCES volunteering_shifts (id),
  kind TEXT NOT NULL CHECK (kind IN ('session', 'report', 'adjustment', 'reversal', 'correction')),
  minutes BIGINT NOT NULL,
  raw_minutes BIGINT,
  hours_rule TEXT,
  worked_at BIGINT NOT NULL,
  month TEXT NOT NULL,
  reason TEXT,
  reverses_id BIGINT UNIQUE REFERENCES volunteering_ledger (id),
  created_by BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX volunteering_ledger_person ON volunteering_ledger (person_id, id);
CREATE INDEX volunteering_ledger_path ON volunteering_ledger (org_path, id);

-- Hours a volunteer reports for work without check-in; the team leader decides.
CREATE TABLE volunteering_hour_reports (
  id {{id}},
  person_id BIGINT NOT NULL,
  account_id BIGINT NOT NULL,
  team_id BIGINT NOT NULL REFERENCES volunteering_teams (id),
  project_id BIGINT REFERENCES volunteering_projects (id),
  worked_on TEXT NOT NULL,
  minutes BIGINT NOT NULL CHECK (minutes > 0),
  description TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
  decision_reason TEXT,
  decided_by BIGINT,
  decided_at BIGINT,
  ledger_entry_id BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX volunteering_hour_reports_team ON volunteering_hour_reports (team_id, status, id);
CREATE INDEX volunteering_hour_reports_person ON volunteering_hour_reports (person_id, id);

-- Maintained aggregates of the ledger (same transaction): per organization and person, and
-- per month for rankings and charts, so rankings read months, not ledger entries.
CREATE TABLE volunteering_org_person_totals (
  organization_id BIGINT NOT NULL,
  person_id BIGINT NOT NULL,
  minutes BIGINT NOT NULL CHECK (minutes >= 0),
  PRIMARY KEY (organization_id, person_id)
);
CREATE TABLE volunteering_person_months (
  organization_id BIGINT NOT NULL,
  org_path {{path}} NOT NULL,
  person_id BIGINT NOT NULL,
  month TEXT NOT NULL,
  minutes BIGINT NOT NULL,
  PRIMARY KEY (organization_id, person_id, month)
);
CREATE INDEX volunteering_person_months_path ON volunteering_person_months (org_path, month);
CREATE TABLE volunteering_team_months (
  team_id BIGINT NOT NULL REFERENCES volunteering_teams (id),
  org_path {{path}} NOT NULL,
  month TEXT NOT NULL,
  minutes BIGINT NOT NULL,
  PRIMARY KEY (team_id, month)
);
CREATE INDEX volunteering_team_months_path ON volunteering_team_months (org_path, month);

-- Certificates: a snapshot of what the certificate says, found by its verification code.
CREATE TABLE volunteering_certificates (
  id {{id}},
  code TEXT NOT NULL UNIQUE,
  person_id BIGINT NOT NULL,
  name TEXT NOT NULL,
  total_minutes BIGINT NOT NULL,
  projects_json TEXT NOT NULL,
  issued_at BIGINT NOT NULL
);
CREATE INDEX volunteering_certificates_person ON volunteering_certificates (person_id, id);
