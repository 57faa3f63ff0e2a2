#pragma once
// Use case: import a validated job's rows.
//
// Steps: find the caller's job (404 otherwise) → it must be "validated" (409
// "spreadsheets.not_validated" while validating, importing or after the end) → mode "all" is
// refused (409 "spreadsheets.has_errors") when any row has an error, so nothing from a file with
// errors is written unless the caller asks for "valid_only"; "valid_only" with no valid row is
// 409 "spreadsheets.no_valid_rows" → mark the job "importing" and queue the import on the worker
// thread with the caller's current grants (run_import.h: one transaction, all or nothing).

#include <string>

#include "kit/module.h"
#include "modules/spreadsheets/import_jobs.h"

namespace tianshan::spreadsheets {

enum class CommitMode { kAll, kValidOnly };

Result<JobSnapshot> CommitImport(const AppContext& ctx, ImportJobs& jobs, const auth::Actor& actor,
                                 const std::string& request_id, const std::string& id, CommitMode mode);

}  // namespace tianshan::spreadsheets
