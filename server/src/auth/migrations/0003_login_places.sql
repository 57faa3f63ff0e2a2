-- Where each account has logged in from: browsers (a digest of the User-Agent) and networks
-- (IPv4 /24, IPv6 /64), so that a login from a new one alerts the account (login alerts,
-- modules/accounts/login_alert.cc).
CREATE TABLE auth_login_places (
  account_id BIGINT NOT NULL REFERENCES auth_accounts (id),
  place TEXT NOT NULL,
  first_seen_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  PRIMARY KEY (account_id, place)
);
