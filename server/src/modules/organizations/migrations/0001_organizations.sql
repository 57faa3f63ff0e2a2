-- The organization forest. `path` is the materialized path of ancestor ids, root first, then
-- the organization's own id, with a trailing slash ("/1/7/31/"): a subtree is one range scan
-- `path >= P AND path < PrefixUpperBound(P)`. Paths end with the row's own id, so they are
-- unique by construction; the index is not declared UNIQUE because a row is inserted first
-- and gets its final path once its id is known.
-- name and short_name use the bytewise {{path}} text type so that the short-query fallback
-- of search (a prefix range scan) behaves the same on both databases.
CREATE TABLE organizations_organizations (
  id {{id}},
  parent_id BIGINT REFERENCES organizations_organizations (id),
  path {{path}} NOT NULL,
  depth INTEGER NOT NULL,
  name {{path}} NOT NULL,
  short_name {{path}},
  kind TEXT NOT NULL CHECK (kind IN ('committee', 'working_committee', 'general_branch', 'branch')),
  setting TEXT NOT NULL CHECK (setting IN ('government', 'street', 'community', 'school',
    'non_public_enterprise', 'industrial_park', 'social_organization', 'other')),
  region_code TEXT,
  address TEXT,
  contact_name TEXT,
  contact_phone TEXT,
  founded_on TEXT,
  status TEXT NOT NULL CHECK (status IN ('active', 'archived')),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX organizations_organizations_path ON organizations_organizations (path);
CREATE INDEX organizations_organizations_parent ON organizations_organizations (parent_id, id);
CREATE INDEX organizations_organizations_name ON organizations_organizations (name);
CREATE INDEX organizations_organizations_short_name ON organizations_organizations (short_name);
-- Two active siblings never share a name (roots are siblings of each other).
CREATE UNIQUE INDEX organizations_organizations_sibling_name
  ON organizations_organizations (COALESCE(parent_id, 0), name) WHERE status = 'active';

-- Maintained counters: per organization and key, the value for the organization itself and
-- for its whole subtree. Keys are owned by the modules that adjust them (counters.h).
CREATE TABLE organizations_counters (
  organization_id BIGINT NOT NULL REFERENCES organizations_organizations (id),
  counter_key TEXT NOT NULL,
  self_value BIGINT NOT NULL DEFAULT 0,
  subtree_value BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (organization_id, counter_key)
);

-- Coverage (覆盖面): units in an organization's area that should have a league organization.
CREATE TABLE organizations_coverage_units (
  id {{id}},
  organization_id BIGINT NOT NULL REFERENCES organizations_organizations (id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('non_public_enterprise', 'industrial_park', 'social_organization')),
  young_employees INTEGER NOT NULL DEFAULT 0,
  covered_by_organization_id BIGINT REFERENCES organizations_organizations (id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX organizations_coverage_units_org ON organizations_coverage_units (organization_id, id);
CREATE INDEX organizations_coverage_units_covered_by ON organizations_coverage_units (covered_by_organization_id);

-- One row per tree-wide lock. Moves update the 'move' row first, so concurrent moves (which
-- could together form a cycle that neither sees alone) run one after the other on both
-- databases. Creates share it (FOR SHARE on PostgreSQL), see organization_repository.h.
CREATE TABLE organizations_tree_locks (
  name TEXT PRIMARY KEY,
  version BIGINT NOT NULL
);
INSERT INTO organizations_tree_locks (name, version) VALUES ('move', 0);
