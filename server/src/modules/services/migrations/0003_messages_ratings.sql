-- Messages between an applicant and the handling organization on one application (side:
-- applicant or handler), and the applicant's 1–5 rating with a comment after completion.
-- rating_1..rating_5 on a service count its ratings by score (its satisfaction figures without
-- a scan); the organizations' counters services.rating_1..5 roll them up the tree.
CREATE TABLE services_application_messages (
  id {{id}},
  application_id BIGINT NOT NULL REFERENCES services_applications (id),
  account_id BIGINT NOT NULL,
  author_name TEXT NOT NULL,
  side TEXT NOT NULL,
  body TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX services_application_messages_app ON services_application_messages (application_id, id);
ALTER TABLE services_applications ADD COLUMN rating INTEGER;
ALTER TABLE services_applications ADD COLUMN rating_comment TEXT;
ALTER TABLE services_applications ADD COLUMN rated_at BIGINT;
ALTER TABLE services_services ADD COLUMN rating_1 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE services_services ADD COLUMN rating_2 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE services_services ADD COLUMN rating_3 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE services_services ADD COLUMN rating_4 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE services_services ADD COLUMN rating_5 INTEGER NOT NULL DEFAULT 0;
