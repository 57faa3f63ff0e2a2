#pragma once
// The two background steps of an import, run on the ImportJobs worker thread. Both are generic
// over the job's sheet (kit/sheet.h): the sheet's module reads each row and runs its own create
// use case; this engine only walks the rows, keeps the transaction and reports.
//
// ValidateJob: reads the file (.xlsx or .csv), maps the header onto the sheet's columns, then
// performs a dry run: inside ONE write transaction the sheet's authorize_import (the uploader's
// grants), then every row through the sheet's import_row — exactly the steps of the real
// import — inside a SAVEPOINT that is rolled back when the row fails, and the whole transaction
// is rolled back at the end. So the report names exactly the rows that the real import would
// refuse. Ends "validated" (or "failed" when the file cannot be read at all, or the target is no
// longer open to the uploader).
//
// ImportJobRows: authorize_import again with the committing caller's current grants, then the
// chosen rows (all rows, or the valid ones) through import_row in ONE transaction — each row's
// counters and audit entries are those of the module's API — plus one audit entry for the
// import. Any failure rolls everything back and ends "failed" with the failing row named: all
// or nothing.
//
// Both report progress in ImportJob::processed_rows and stop early (rolling back) when the
// ImportJobs owner shuts down. On SQLite the write transaction holds the database's write lock
// for the duration of the dry run or the import.

#include <string>

#include "kit/module.h"
#include "modules/spreadsheets/import_jobs.h"

namespace tianshan::spreadsheets {

void ValidateJob(const AppContext& ctx, ImportJobs& jobs, ImportJob& job);

struct ImportRequest {
  auth::Actor actor;  // the committing caller
  std::string request_id;
  bool valid_only = false;
};
void ImportJobRows(const AppContext& ctx, ImportJobs& jobs, ImportJob& job, const ImportRequest& request);

}  // namespace tianshan::spreadsheets
