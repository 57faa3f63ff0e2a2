-- Files other modules keep (modules/publishing/public/files.h): answers to service questions,
-- venue photos. The owner module serves them through its own gated routes; nothing public.
CREATE TABLE publishing_files (
  id {{id}},
  file_key TEXT NOT NULL,
  owner TEXT NOT NULL,                          -- "services.application", "venues.venue", ...
  owner_id BIGINT NOT NULL,
  media_type TEXT NOT NULL,                     -- sniffed from the content, never taken from the client
  extension TEXT NOT NULL,
  file_name TEXT NOT NULL,
  size_bytes BIGINT NOT NULL,
  digest TEXT NOT NULL,
  content_base64 TEXT NOT NULL,                 -- stored in the database, outside any web root
  created_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX publishing_files_key ON publishing_files (file_key);
CREATE INDEX publishing_files_owner ON publishing_files (owner, owner_id, id);
