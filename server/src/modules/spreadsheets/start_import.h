#pragma once
// Use case: accept an uploaded spreadsheet for import into an organization's subtree.
//
// Steps: refuse an empty body (422 on "file") → the sheet's authorize_import for the target
// organization (404 when it does not exist or lies outside the caller's grants; 422 when
// archived; 403 when the role may not import this sheet there) → create an in-memory job owned
// by the caller (429 when the caller already has too many running) → queue its validation on
// the worker thread (run_import.h). Nothing is written to the database. The answer is the job
// in status "validating".

#include <string>

#include "kit/module.h"
#include "modules/spreadsheets/import_jobs.h"

namespace tianshan::spreadsheets {

struct StartImportInput {
  const SheetDefinition* sheet = nullptr;  // from AppContext::sheets
  int64_t organization_id = 0;
  std::string bytes;  // .xlsx or .csv, moved into the job
};

Result<JobSnapshot> StartImport(const AppContext& ctx, ImportJobs& jobs, const auth::Actor& actor,
                                StartImportInput input);

}  // namespace tianshan::spreadsheets
