-- Accounts, their role grants on organizations, server-side sessions and login throttling.
CREATE TABLE auth_accounts (
  id {{id}},
  login TEXT NOT NULL UNIQUE,
  phone TEXT UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  person_id BIGINT,
  status TEXT NOT NULL DEFAULT 'active',
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE TABLE auth_grants (
  id {{id}},
  account_id BIGINT NOT NULL REFERENCES auth_accounts (id),
  organization_id BIGINT NOT NULL,
  role TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (account_id, organization_id, role)
);
CREATE INDEX auth_grants_organization ON auth_grants (organization_id);
-- The cookie holds a random token; only its digest is stored.
CREATE TABLE auth_sessions (
  token_digest TEXT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES auth_accounts (id),
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX auth_sessions_account ON auth_sessions (account_id);
-- Failed logins per throttle key ("login:<name>", "ip:<address>").
CREATE TABLE auth_login_failures (
  throttle_key TEXT PRIMARY KEY,
  failures BIGINT NOT NULL,
  window_start BIGINT NOT NULL,
  locked_until BIGINT NOT NULL
);
