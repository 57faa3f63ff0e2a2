#include "modules/spreadsheets/get_import.h"

namespace tianshan::spreadsheets {

Result<JobSnapshot> GetImport(ImportJobs& jobs, const auth::Actor& actor, const std::string& id) {
  auto job = jobs.Find(id, actor.account_id);
  if (!job) return Status::NotFound("spreadsheets.job_not_found");
  return job->Snapshot();
}

}  // namespace tianshan::spreadsheets
