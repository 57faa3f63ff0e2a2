-- Services for youth: what an organization offers (a catalog entry), taken up either by
-- applications that go through states to their end, or by enrollment in sessions with places.
-- The organization is referenced by id (it belongs to the organizations module); org_path is its
-- materialized path as of the last change, area_path the subtree the service is open to (NULL:
-- everyone). Questions and answers are small JSON texts. Times are UTC epoch milliseconds.
CREATE TABLE services_services (
  id {{id}},
  organization_id BIGINT NOT NULL,
  org_path {{path}} NOT NULL,
  name TEXT NOT NULL,
  category TEXT NOT NULL,
  description TEXT NOT NULL,
  min_age INTEGER,
  max_age INTEGER,
  area_path {{path}},
  delivery TEXT NOT NULL,
  kind TEXT NOT NULL,
  questions TEXT NOT NULL,
  response_days INTEGER NOT NULL,
  created_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX services_services_name ON services_services (organization_id, name);
CREATE INDEX services_services_path ON services_services (org_path, id);
CREATE INDEX services_services_category ON services_services (category, id);

-- Sessions of an enrollment service; enrolled/waitlisted are maintained with each enrollment
-- (the seat is taken by a conditional update, so it is never oversold).
CREATE TABLE services_sessions (
  id {{id}},
  service_id BIGINT NOT NULL REFERENCES services_services (id),
  name TEXT NOT NULL,
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  capacity INTEGER NOT NULL,
  enrolled INTEGER NOT NULL DEFAULT 0,
  waitlisted INTEGER NOT NULL DEFAULT 0,
  waitlist_seq INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);
CREATE INDEX services_sessions_service ON services_sessions (service_id, id);

-- status: enrolled or waitlisted. A child's data is the least needed: a name and a birth date
-- (for the age limits), and whether the guardian consented.
CREATE TABLE services_enrollments (
  id {{id}},
  session_id BIGINT NOT NULL REFERENCES services_sessions (id),
  service_id BIGINT NOT NULL,
  account_id BIGINT NOT NULL,
  participant_name TEXT NOT NULL,
  participant_birth_date TEXT NOT NULL,
  guardian_consent INTEGER NOT NULL,
  status TEXT NOT NULL,
  waitlist_seq INTEGER,
  created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX services_enrollments_once ON services_enrollments (session_id, account_id, participant_name);
CREATE INDEX services_enrollments_account ON services_enrollments (account_id, id);

-- status: submitted → accepted → in_service → completed, or rejected / withdrawn.
CREATE TABLE services_applications (
  id {{id}},
  service_id BIGINT NOT NULL REFERENCES services_services (id),
  organization_id BIGINT NOT NULL,
  org_path {{path}} NOT NULL,
  account_id BIGINT NOT NULL,
  applicant_name TEXT NOT NULL,
  answers TEXT NOT NULL,
  status TEXT NOT NULL,
  reason TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX services_applications_path ON services_applications (org_path, id);
CREATE INDEX services_applications_account ON services_applications (account_id, id);
CREATE INDEX services_applications_status ON services_applications (status, created_at);

-- Each step of an application: to which state, who (account; 0 for the demo) and when.
CREATE TABLE services_application_steps (
  id {{id}},
  application_id BIGINT NOT NULL REFERENCES services_applications (id),
  status TEXT NOT NULL,
  account_id BIGINT NOT NULL,
  note TEXT,
  at BIGINT NOT NULL
);
CREATE INDEX services_application_steps_app ON services_application_steps (application_id, id);
