#pragma once
// Use case: an import job as its owner sees it (status, progress, every row error).
// 404 ("spreadsheets.job_not_found") when the job does not exist, expired, or belongs to
// another account.

#include <string>

#include "auth/actor.h"
#include "modules/spreadsheets/import_jobs.h"

namespace tianshan::spreadsheets {

Result<JobSnapshot> GetImport(ImportJobs& jobs, const auth::Actor& actor, const std::string& id);

}  // namespace tianshan::spreadsheets
