-- People, league membership, cadre positions, membership transfers and corrections.
-- Organizations are referenced by id only (they belong to the organizations module); each row
-- that must be found by subtree also keeps the organization's materialized path ("/1/7/31/")
-- as of its last change, so a subtree list is one range scan on {{path}} text.

-- A person: a league member or a young person who is not (yet) a member. Every person is
-- attached to exactly one organization (organization_id): for members their branch, for youth
-- the organization that registered them. is_member mirrors "has an active membership".
CREATE TABLE people_persons (
  id {{id}},
  name {{path}} NOT NULL,
  gender TEXT NOT NULL CHECK (gender IN ('male', 'female')),
  birth_date TEXT NOT NULL,
  ethnicity TEXT,
  phone TEXT,
  -- GB 11643 18-character number, upper-case X; unique, so a person exists once.
  identity_number TEXT UNIQUE,
  education TEXT,
  occupation TEXT,
  employer TEXT,
  organization_id BIGINT NOT NULL,
  org_path {{path}} NOT NULL,
  is_member INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX people_persons_org ON people_persons (organization_id, id);
CREATE INDEX people_persons_path ON people_persons (org_path, id);
CREATE INDEX people_persons_phone ON people_persons (phone);

-- Memberships over time; at most one active membership per person.
CREATE TABLE people_memberships (
  id {{id}},
  person_id BIGINT NOT NULL REFERENCES people_persons (id),
  organization_id BIGINT NOT NULL,
  org_path {{path}} NOT NULL,
  member_since TEXT NOT NULL,
  member_number TEXT,
  status TEXT NOT NULL CHECK (status IN ('active', 'transferred_out', 'left')),
  started_at BIGINT NOT NULL,
  ended_at BIGINT
);
CREATE UNIQUE INDEX people_memberships_one_active ON people_memberships (person_id) WHERE status = 'active';
CREATE INDEX people_memberships_org ON people_memberships (organization_id, status);

-- Cadre positions; a person holds at most one open position per organization.
CREATE TABLE people_positions (
  id {{id}},
  person_id BIGINT NOT NULL REFERENCES people_persons (id),
  organization_id BIGINT NOT NULL,
  org_path {{path}} NOT NULL,
  title TEXT NOT NULL CHECK (title IN ('secretary', 'deputy_secretary', 'committee_member')),
  employment TEXT NOT NULL CHECK (employment IN ('full_time', 'part_time')),
  started_on TEXT NOT NULL,
  ended_on TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX people_positions_one_open ON people_positions (person_id, organization_id)
  WHERE ended_on IS NULL;
CREATE INDEX people_positions_person ON people_positions (person_id, id);
CREATE INDEX people_positions_path ON people_positions (org_path, id);

-- Membership transfers (组织关系转接); at most one pending transfer per person.
CREATE TABLE people_transfers (
  id {{id}},
  person_id BIGINT NOT NULL REFERENCES people_persons (id),
  membership_id BIGINT NOT NULL REFERENCES people_memberships (id),
  from_organization_id BIGINT NOT NULL,
  from_path {{path}} NOT NULL,
  to_organization_id BIGINT NOT NULL,
  to_path {{path}} NOT NULL,
  branch_id BIGINT,
  status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected', 'cancelled')),
  note TEXT,
  reason TEXT,
  requested_by BIGINT NOT NULL,
  decided_by BIGINT,
  created_at BIGINT NOT NULL,
  decided_at BIGINT
);
CREATE UNIQUE INDEX people_transfers_one_pending ON people_transfers (person_id) WHERE status = 'pending';
CREATE INDEX people_transfers_from ON people_transfers (status, from_path, id);
CREATE INDEX people_transfers_to ON people_transfers (status, to_path, id);

-- Corrections of name or identity number: requested by the branch, decided above it.
CREATE TABLE people_corrections (
  id {{id}},
  person_id BIGINT NOT NULL REFERENCES people_persons (id),
  org_path {{path}} NOT NULL,
  old_name TEXT NOT NULL,
  new_name TEXT,
  old_identity_number TEXT,
  new_identity_number TEXT,
  reason TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
  decision_reason TEXT,
  requested_by BIGINT NOT NULL,
  decided_by BIGINT,
  created_at BIGINT NOT NULL,
  decided_at BIGINT
);
CREATE INDEX people_corrections_path ON people_corrections (status, org_path, id);
CREATE INDEX people_corrections_person ON people_corrections (person_id, status);
