#include "modules/spreadsheets/commit_import.h"

#include "modules/spreadsheets/run_import.h"

namespace tianshan::spreadsheets {

Result<JobSnapshot> CommitImport(const AppContext& ctx, ImportJobs& jobs, const auth::Actor& actor,
                                 const std::string& request_id, const std::string& id, CommitMode mode) {
  auto job = jobs.Find(id, actor.account_id);
  if (!job) return Status::NotFound("spreadsheets.job_not_found");
  {
    std::lock_guard lock(job->mu);
    if (job->status != JobStatus::kValidated) return Status::Conflict("spreadsheets.not_validated");
    if (mode == CommitMode::kAll && job->error_rows > 0) {
      return Status::Conflict("spreadsheets.has_errors").WithParam(std::to_string(job->error_rows));
    }
    if (job->valid_rows == 0) return Status::Conflict("spreadsheets.no_valid_rows");
    job->status = JobStatus::kImporting;
    job->importing_rows = job->valid_rows;
    job->updated_at = jobs.now();
  }
  job->processed_rows.store(0);
  ImportRequest request{actor, request_id, mode == CommitMode::kValidOnly};
  request.actor.session_digest.clear();
  request.actor.csrf_token.clear();
  JobSnapshot snapshot = job->Snapshot();
  jobs.Post([&ctx, &jobs, job, request] { ImportJobRows(ctx, jobs, *job, request); });
  return snapshot;
}

}  // namespace tianshan::spreadsheets
