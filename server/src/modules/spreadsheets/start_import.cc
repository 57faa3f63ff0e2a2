#include "modules/spreadsheets/start_import.h"

#include "modules/organizations/permissions.h"
#include "modules/organizations/use_case_support.h"
#include "modules/people/permissions.h"
#include "modules/spreadsheets/run_import.h"

namespace tianshan::spreadsheets {

Result<JobSnapshot> StartImport(const AppContext& ctx, ImportJobs& jobs, const auth::Actor& actor,
                                StartImportInput input) {
  if (input.bytes.empty()) return Status::Invalid("file", "spreadsheets.empty_upload");
  TS_ASSIGN_OR_RETURN(auto target, ctx.db.Read([&](storage::Transaction& tx) {
    return organizations::LoadReadable(tx, actor, input.organization_id);
  }));
  if (!target.active()) return Status::Invalid("organization_id", "people.organization_archived");
  const bool allowed = input.kind == ImportKind::kPeople ? people::CanManagePeople(actor, target.path)
                                                         : organizations::CanCreateChild(actor, target.path);
  if (!allowed) return Status::Forbidden();
  TS_ASSIGN_OR_RETURN(auto job, jobs.Create(actor.account_id, input.kind, target.id));
  job->bytes = std::move(input.bytes);
  job->uploader = actor;
  job->uploader.session_digest.clear();
  job->uploader.csrf_token.clear();
  JobSnapshot snapshot = job->Snapshot();
  jobs.Post([&ctx, &jobs, job] { ValidateJob(ctx, jobs, *job); });
  return snapshot;
}

}  // namespace tianshan::spreadsheets
