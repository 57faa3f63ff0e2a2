#pragma once
// Use case: the rows of a validated import that have errors, as an .xlsx ready to fix and
// upload again. Its columns are the sheet's template columns in their order (the template's
// headers, so the file imports as it is), each bad row with its cells as uploaded, and a last
// column 错误说明 naming every problem of the row (column header and message, in the caller's
// language; unknown columns are ignored on upload).
// The job's owner only (404 "spreadsheets.job_not_found" otherwise), while the job is validated:
// the rows are kept until it is committed or expires (409 "spreadsheets.not_validated"); 409
// "spreadsheets.no_error_rows" when every row is valid.

#include <string>

#include "auth/actor.h"
#include "core/messages.h"
#include "modules/spreadsheets/export_file.h"
#include "modules/spreadsheets/import_jobs.h"

namespace tianshan::spreadsheets {

inline constexpr const char* kErrorColumnHeader = "错误说明";

Result<ExportFile> DownloadImportErrors(ImportJobs& jobs, const auth::Actor& actor, const std::string& id, Lang lang);

}  // namespace tianshan::spreadsheets
