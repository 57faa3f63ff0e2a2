-- Cadres among youth: "1+100" direct contact, "8+4" grass-roots postings, "4+1" served units.
-- People and organizations are referenced by id only (they belong to the people and
-- organizations modules). Rows found by subtree keep the organization's materialized path as of
-- their last change (rewritten when a subtree moves). Dates are "YYYY-MM-DD" (China), times
-- UTC epoch milliseconds.

-- A cadre in the register: a person with an open cadre position, kept at the organization of
-- that position. The figures are maintained in the same transaction as the rows they count
-- (and the time-based ones recomputed by the daily job for the period in cadres_period).
CREATE TABLE cadres_cadres (
  id {{id}},
  person_id BIGINT NOT NULL UNIQUE,
  organization_id BIGINT NOT NULL,
  org_path {{path}} NOT NULL,
  contact_target INTEGER NOT NULL,
  active_contacts INTEGER NOT NULL DEFAULT 0,
  fields_covered INTEGER NOT NULL DEFAULT 0,
  activity_due INTEGER NOT NULL DEFAULT 0,
  talk_due INTEGER NOT NULL DEFAULT 0,
  help_open INTEGER NOT NULL DEFAULT 0,
  help_overdue INTEGER NOT NULL DEFAULT 0,
  oldest_help_on TEXT,
  posting_days INTEGER NOT NULL DEFAULT 0,
  service_minutes INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX cadres_cadres_path ON cadres_cadres (org_path, id);

-- The day the time-based figures are counted for (one row, id 1): "due this quarter", "due this
-- year", "older than 7 days", "ended without a report" all read as of this date.
CREATE TABLE cadres_period (
  id INTEGER PRIMARY KEY,
  as_of TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);

-- Targets per organization; a cadre's target is the setting of the nearest organization on
-- its path that has one (defaults: 100 contacts, 4 months of posting a year).
CREATE TABLE cadres_settings (
  organization_id BIGINT PRIMARY KEY,
  org_path {{path}} NOT NULL,
  contact_target INTEGER,
  posting_months INTEGER,
  updated_by BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX cadres_settings_path ON cadres_settings (org_path);

-- An invitation by a cadre: a personal link (person_id NULL, usable by any young person until
-- it expires or is revoked) or one addressed to one person (used once).
CREATE TABLE cadres_invitations (
  id {{id}},
  cadre_id BIGINT NOT NULL REFERENCES cadres_cadres (id),
  token TEXT NOT NULL UNIQUE,
  person_id BIGINT,
  field TEXT,
  status TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'declined', 'revoked')),
  accepted_count INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  decided_at BIGINT
);
CREATE INDEX cadres_invitations_cadre ON cadres_invitations (cadre_id, id);

-- A contact between a cadre and a young person. It exists only with the young person's consent
-- (consent_version of the text shown, consent_at). 'requested': the young person asked from
-- the cadre's card and waits for the cadre; 'declined' by the cadre; 'ended' by either side
-- (final: a new contact needs a new consent). org_path is the cadre's organization.
CREATE TABLE cadres_contacts (
  id {{id}},
  cadre_id BIGINT NOT NULL REFERENCES cadres_cadres (id),
  person_id BIGINT NOT NULL,
  organization_id BIGINT NOT NULL,
  org_path {{path}} NOT NULL,
  field TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('requested', 'active', 'declined', 'ended')),
  origin TEXT NOT NULL CHECK (origin IN ('invitation', 'request')),
  invitation_id BIGINT,
  consent_version TEXT NOT NULL,
  consent_at BIGINT NOT NULL,
  started_at BIGINT,
  ended_at BIGINT,
  ended_by TEXT CHECK (ended_by IN ('youth', 'cadre')),
  last_online_on TEXT,
  last_activity_on TEXT,
  last_talk_on TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX cadres_contacts_one_open ON cadres_contacts (cadre_id, person_id)
  WHERE status IN ('requested', 'active');
CREATE INDEX cadres_contacts_cadre ON cadres_contacts (cadre_id, status, id);
CREATE INDEX cadres_contacts_field ON cadres_contacts (cadre_id, status, field);
CREATE INDEX cadres_contacts_person ON cadres_contacts (person_id, id);

-- What a cadre did with contacts: an online exchange, an offline activity (one row, many
-- contacts) or a face-to-face talk. The summary says what was done (at most 200 characters).
CREATE TABLE cadres_interactions (
  id {{id}},
  cadre_id BIGINT NOT NULL REFERENCES cadres_cadres (id),
  org_path {{path}} NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('online', 'activity', 'talk')),
  occurred_on TEXT NOT NULL,
  summary TEXT,
  contact_count INTEGER NOT NULL,
  created_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX cadres_interactions_cadre ON cadres_interactions (cadre_id, id);

CREATE TABLE cadres_interaction_contacts (
  interaction_id BIGINT NOT NULL REFERENCES cadres_interactions (id),
  contact_id BIGINT NOT NULL REFERENCES cadres_contacts (id),
  PRIMARY KEY (interaction_id, contact_id)
);
CREATE INDEX cadres_interaction_contacts_contact ON cadres_interaction_contacts (contact_id, interaction_id);

-- A young person's request for help, raised by them or logged by the cadre, and the help given.
CREATE TABLE cadres_help_requests (
  id {{id}},
  contact_id BIGINT NOT NULL REFERENCES cadres_contacts (id),
  cadre_id BIGINT NOT NULL REFERENCES cadres_cadres (id),
  org_path {{path}} NOT NULL,
  category TEXT NOT NULL,
  description TEXT,
  status TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'resolved', 'referred')),
  help_given TEXT,
  raised_by TEXT NOT NULL CHECK (raised_by IN ('youth', 'cadre')),
  created_on TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  closed_at BIGINT
);
CREATE INDEX cadres_help_requests_cadre ON cadres_help_requests (cadre_id, status, id);
CREATE INDEX cadres_help_requests_contact ON cadres_help_requests (contact_id, id);

-- "8+4": a planned posting of a cadre to a grass-roots organization (the host).
CREATE TABLE cadres_postings (
  id {{id}},
  cadre_id BIGINT NOT NULL REFERENCES cadres_cadres (id),
  organization_id BIGINT NOT NULL,
  org_path {{path}} NOT NULL,
  host_organization_id BIGINT NOT NULL,
  host_path {{path}} NOT NULL,
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  tasks TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('planned', 'cancelled')),
  report TEXT,
  reported_at BIGINT,
  confirmed_by BIGINT,
  confirmed_at BIGINT,
  created_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX cadres_postings_cadre ON cadres_postings (cadre_id, starts_on);
CREATE INDEX cadres_postings_path ON cadres_postings (org_path, id);
CREATE INDEX cadres_postings_host ON cadres_postings (host_path, id);

CREATE TABLE cadres_posting_logs (
  id {{id}},
  posting_id BIGINT NOT NULL REFERENCES cadres_postings (id),
  worked_on TEXT NOT NULL,
  minutes INTEGER NOT NULL,
  what TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX cadres_posting_logs_posting ON cadres_posting_logs (posting_id, id);

-- "4+1": a cadre registered with a grass-roots unit they serve, and each service logged there.
CREATE TABLE cadres_served_units (
  id {{id}},
  cadre_id BIGINT NOT NULL REFERENCES cadres_cadres (id),
  org_path {{path}} NOT NULL,
  unit_id BIGINT NOT NULL,
  unit_path {{path}} NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'ended')),
  created_at BIGINT NOT NULL,
  ended_at BIGINT
);
CREATE UNIQUE INDEX cadres_served_units_one_active ON cadres_served_units (cadre_id, unit_id) WHERE status = 'active';
CREATE INDEX cadres_served_units_cadre ON cadres_served_units (cadre_id, id);
CREATE INDEX cadres_served_units_unit ON cadres_served_units (unit_path, id);

CREATE TABLE cadres_services (
  id {{id}},
  served_unit_id BIGINT NOT NULL REFERENCES cadres_served_units (id),
  cadre_id BIGINT NOT NULL REFERENCES cadres_cadres (id),
  unit_path {{path}} NOT NULL,
  served_on TEXT NOT NULL,
  minutes INTEGER NOT NULL,
  what TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'disputed')),
  dispute_reason TEXT,
  decided_by BIGINT,
  decided_at BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX cadres_services_unit ON cadres_services (served_unit_id, id);
CREATE INDEX cadres_services_path ON cadres_services (unit_path, status, id);
