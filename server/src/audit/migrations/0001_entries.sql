-- Append-only audit log: who did what to which entity, before and after (personal fields
-- masked by the writer). organization_path scopes reading to subtrees.
CREATE TABLE audit_entries (
  id {{id}},
  at BIGINT NOT NULL,
  actor_account_id BIGINT,
  action TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  organization_path {{path}},
  before_json TEXT,
  after_json TEXT,
  request_id TEXT
);
CREATE INDEX audit_entries_path ON audit_entries (organization_path, id);
CREATE INDEX audit_entries_entity ON audit_entries (entity_type, entity_id, id);
