-- Notifications: what waits for an account, rendered in the reader's language from message keys.
CREATE TABLE notifications_notifications (
  id {{id}},
  account_id BIGINT NOT NULL,
  kind TEXT NOT NULL,
  title_key TEXT NOT NULL,
  body_key TEXT NOT NULL,
  -- JSON object of the message parameters ({"count": "3"})
  params TEXT NOT NULL,
  link TEXT,
  -- at most one notification per account and digest key ("people.transfer_pending@2026-12-01")
  digest_key TEXT,
  created_at BIGINT NOT NULL,
  read_at BIGINT
);
CREATE INDEX notifications_account ON notifications_notifications (account_id, id);
CREATE INDEX notifications_unread ON notifications_notifications (account_id, read_at);
CREATE UNIQUE INDEX notifications_digest ON notifications_notifications (account_id, digest_key);

-- Per account: the e-mail address and language for mail, and which kinds also go by mail.
CREATE TABLE notifications_settings (
  account_id BIGINT PRIMARY KEY,
  email TEXT,
  lang TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE TABLE notifications_email_kinds (
  account_id BIGINT NOT NULL,
  kind TEXT NOT NULL,
  PRIMARY KEY (account_id, kind)
);

-- Mail waiting for the SMTP relay; never sent inside a request. Kept (and shown to admins)
-- while no relay is configured; retried with back-off when the relay refuses.
CREATE TABLE notifications_outbox (
  id {{id}},
  notification_id BIGINT,
  account_id BIGINT NOT NULL,
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  next_attempt_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  sent_at BIGINT
);
CREATE INDEX notifications_outbox_due ON notifications_outbox (status, next_attempt_at);
