-- Response figures (figures.h): per application the time from submission to the handler's
-- first answer (accept or reject), per service the applications ever submitted, completed and
-- closed (completed, rejected or withdrawn), and the organizations' counters
-- services.applications / _completed / _closed rolling them up the tree. Existing rows are
-- counted here once.
ALTER TABLE services_applications ADD COLUMN response_ms BIGINT;
UPDATE services_applications SET response_ms = (
  SELECT MIN(s.at) FROM services_application_steps s
  WHERE s.application_id = services_applications.id AND s.status IN ('accepted', 'rejected')
) - created_at;
CREATE INDEX services_applications_response ON services_applications (service_id, response_ms);
ALTER TABLE services_services ADD COLUMN applications_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE services_services ADD COLUMN completed_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE services_services ADD COLUMN closed_count INTEGER NOT NULL DEFAULT 0;
UPDATE services_services SET
  applications_count = (SELECT COUNT(*) FROM services_applications a WHERE a.service_id = services_services.id),
  completed_count = (SELECT COUNT(*) FROM services_applications a WHERE a.service_id = services_services.id
                     AND a.status = 'completed'),
  closed_count = (SELECT COUNT(*) FROM services_applications a WHERE a.service_id = services_services.id
                  AND a.status IN ('completed', 'rejected', 'withdrawn'));
