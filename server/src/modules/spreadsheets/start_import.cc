#include "modules/spreadsheets/start_import.h"

#include "modules/spreadsheets/run_import.h"

namespace tianshan::spreadsheets {

Result<JobSnapshot> StartImport(const AppContext& ctx, ImportJobs& jobs, const auth::Actor& actor,
                                StartImportInput input) {
  if (input.bytes.empty()) return Status::Invalid("file", "spreadsheets.empty_upload");
  const SheetDefinition& sheet = *input.sheet;
  TS_ASSIGN_OR_RETURN(auto target, ctx.db.Read([&](storage::Transaction& tx) {
    return sheet.authorize_import(tx, ctx, actor, input.organization_id);
  }));
  TS_ASSIGN_OR_RETURN(auto job, jobs.Create(actor.account_id, sheet, target.organization_id));
  job->bytes = std::move(input.bytes);
  job->uploader = actor;
  job->uploader.session_digest.clear();
  job->uploader.csrf_token.clear();
  JobSnapshot snapshot = job->Snapshot();
  jobs.Post([&ctx, &jobs, job] { ValidateJob(ctx, jobs, *job); });
  return snapshot;
}

}  // namespace tianshan::spreadsheets
