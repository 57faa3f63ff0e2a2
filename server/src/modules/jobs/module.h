#pragma once
// The jobs module: the table of scheduled work, the runner (job_runner.h) and the admin view of
// it. Routes (committee admins of a whole tree only; others 403):
//   GET  /api/v1/jobs?status=pending|running|done|failed&limit=&cursor=   newest first
//   GET  /api/v1/jobs/kinds          every declared kind with its schedule and counts by status
//   POST /api/v1/jobs/{id}/retry     a failed job runs again now

#include "kit/module.h"

namespace tianshan::jobs {

ModuleDefinition JobsModule();

}  // namespace tianshan::jobs
