#pragma once
// The two background steps of an import, run on the ImportJobs worker thread.
//
// ValidateJob: reads the file (.xlsx or .csv), maps the header, reads every row (cell problems),
// looks up the organization names the file uses inside the target's subtree, then performs a
// dry run: inside ONE write transaction every row that passed the cell checks goes through the
// same steps as the real import (organization readable and active, permission, identity number
// not yet registered and not repeated in the file, sibling names free, ...) inside a SAVEPOINT
// that is rolled back when the row fails, and the whole transaction is rolled back at the end.
// So the report names exactly the rows that the real import would refuse. Ends "validated"
// (or "failed" when the file cannot be read at all).
//
// ImportJob: inserts the chosen rows (all rows, or the valid ones) in ONE transaction with the
// committing caller's current permissions, adjusts the rolled-up counters once per
// organization, and records an audit entry per row (masked) plus one for the import. Any
// failure rolls everything back and ends "failed" with the failing row named: all or nothing.
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
