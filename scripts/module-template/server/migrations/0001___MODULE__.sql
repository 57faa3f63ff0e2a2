-- __Title__: __ENTITIES_WORDS__ of an organization. The organization is referenced by id (it belongs to the
-- organizations module); org_path is its materialized path as of the last change, for subtree scans.
CREATE TABLE __MODULE_____ENTITIES__ (
  id {{id}},
  organization_id BIGINT NOT NULL,
  org_path {{path}} NOT NULL,
  name TEXT NOT NULL,
  note TEXT,
  created_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX __MODULE_____ENTITIES___name ON __MODULE_____ENTITIES__ (organization_id, name);
CREATE INDEX __MODULE_____ENTITIES___org ON __MODULE_____ENTITIES__ (organization_id, id);
CREATE INDEX __MODULE_____ENTITIES___path ON __MODULE_____ENTITIES__ (org_path, id);
