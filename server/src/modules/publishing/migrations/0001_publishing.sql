-- Publishing (网上共青团): columns of an organization, articles with their review workflow and
-- revisions, uploads. Organizations are referenced by id (they belong to the organizations
-- module); org_path is the organization's materialized path, for subtree scans, rewritten when a
-- subtree moves. Accounts are referenced by id (auth).
CREATE TABLE publishing_columns (
  id {{id}},
  organization_id BIGINT NOT NULL,
  org_path {{path}} NOT NULL,
  parent_id BIGINT NOT NULL DEFAULT 0,          -- 0: a top-level column of the organization
  name TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0,
  is_public INTEGER NOT NULL DEFAULT 1,         -- shown on the organization's public site
  show_on_parents INTEGER NOT NULL DEFAULT 0,   -- its articles also appear on the parents' sites
  created_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX publishing_columns_name ON publishing_columns (organization_id, parent_id, name);
CREATE INDEX publishing_columns_path ON publishing_columns (org_path, id);

-- Who edits and who reviews a column (besides the committee admins of its organization).
CREATE TABLE publishing_column_members (
  column_id BIGINT NOT NULL,
  account_id BIGINT NOT NULL,
  role TEXT NOT NULL,                           -- editor | reviewer
  created_at BIGINT NOT NULL,
  PRIMARY KEY (column_id, account_id, role)
);
CREATE INDEX publishing_column_members_account ON publishing_column_members (account_id);

CREATE TABLE publishing_uploads (
  id {{id}},
  media_key TEXT NOT NULL,                      -- the public name: /media/KEY
  organization_id BIGINT NOT NULL,
  org_path {{path}} NOT NULL,
  kind TEXT NOT NULL,                           -- image | attachment
  media_type TEXT NOT NULL,                     -- sniffed from the content, never taken from the client
  file_name TEXT NOT NULL,
  size_bytes BIGINT NOT NULL,
  digest TEXT NOT NULL,
  content_base64 TEXT NOT NULL,                 -- stored in the database, outside any web root
  created_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX publishing_uploads_key ON publishing_uploads (media_key);
CREATE INDEX publishing_uploads_org ON publishing_uploads (organization_id, id);

CREATE TABLE publishing_articles (
  id {{id}},
  column_id BIGINT NOT NULL,
  organization_id BIGINT NOT NULL,
  org_path {{path}} NOT NULL,
  show_on_parents INTEGER NOT NULL DEFAULT 0,   -- the column's flag, kept on the row for site queries
  title TEXT NOT NULL,
  subtitle TEXT,
  source TEXT,                                  -- 文章来源
  source_url TEXT,                              -- required for reprints
  author TEXT,
  editor TEXT,                                  -- 责任编辑
  origin TEXT NOT NULL,                         -- original | reprint
  cover_key TEXT,                               -- an image upload's media_key
  summary TEXT,
  tags TEXT NOT NULL DEFAULT '',                -- comma-separated
  body_html TEXT NOT NULL,                      -- sanitized
  body_text TEXT NOT NULL,                      -- its visible text (search, feeds)
  attachments TEXT NOT NULL DEFAULT '',         -- comma-separated upload media_keys
  status TEXT NOT NULL,                         -- draft | submitted | approved | published | withdrawn
  revision INTEGER NOT NULL DEFAULT 1,
  created_by BIGINT NOT NULL,
  submitted_by BIGINT,
  approved_by BIGINT,
  review_note TEXT,
  publish_at BIGINT,                            -- approved: the scheduled time, if any
  published_at BIGINT,
  withdrawn_at BIGINT,
  withdrawn_reason TEXT,
  view_count BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX publishing_articles_column ON publishing_articles (column_id, status, id);
CREATE INDEX publishing_articles_org ON publishing_articles (organization_id, status, id);
CREATE INDEX publishing_articles_path ON publishing_articles (org_path, id);
CREATE INDEX publishing_articles_public ON publishing_articles (status, published_at, id);

-- Every saved version of an article: who, when, and what it said.
CREATE TABLE publishing_revisions (
  id {{id}},
  article_id BIGINT NOT NULL,
  revision INTEGER NOT NULL,
  title TEXT NOT NULL,
  fields_json TEXT NOT NULL,                    -- the other fields as they were
  body_html TEXT NOT NULL,
  body_text TEXT NOT NULL,
  saved_by BIGINT NOT NULL,
  saved_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX publishing_revisions_article ON publishing_revisions (article_id, revision);
