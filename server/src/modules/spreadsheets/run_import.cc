#include "modules/spreadsheets/run_import.h"

#include <chrono>

#include "core/json.h"
#include "core/log.h"
#include "core/tables/table.h"

namespace tianshan::spreadsheets {
namespace {

// Returned by the dry run's transaction function so that Database::Run rolls it back.
constexpr const char* kDryRunDone = "spreadsheets.dry_run_done";
// Returned by the import's transaction function when a row fails: everything rolls back.
constexpr const char* kRowFailed = "spreadsheets.nothing_imported";

int64_t MillisSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
}

// One pass over the job's rows inside `tx`, with a fresh SheetImportState. Dry run: every row
// in its own savepoint, rolled back to when the row fails; failures collected in `row_errors`.
// Import: only rows with `chosen[i]`; the first failure ends the run (kRowFailed) with that
// row's errors in `row_errors`. `done` counts the rows imported.
Status RunRows(storage::Transaction& tx, const AppContext& ctx, ImportJobs& jobs, ImportJob& job,
               const auth::Caller& caller, const SheetImportTarget& target, const std::vector<bool>* chosen,
               bool dry_run, std::vector<std::vector<RowError>>& row_errors, int& done) {
  row_errors.assign(job.rows.size(), {});
  done = 0;
  SheetImportState state;
  for (size_t i = 0; i < job.rows.size(); ++i) {
    if (jobs.stopping()) return Status::Unavailable("spreadsheets.shutting_down");
    if (chosen && !(*chosen)[i]) continue;
    const SheetRow& row = job.rows[i];
    if (dry_run) TS_RETURN_IF_ERROR(tx.ExecuteScript("SAVEPOINT spreadsheets_row"));
    TS_ASSIGN_OR_RETURN(SheetRowResult result, job.sheet.import_row(tx, ctx, caller, target, row, state));
    const bool failed = !result.errors.empty();
    for (const auto& e : result.errors) row_errors[i].push_back(job.columns.Error(row.line(), e));
    if (dry_run && failed) TS_RETURN_IF_ERROR(tx.ExecuteScript("ROLLBACK TO SAVEPOINT spreadsheets_row"));
    if (dry_run) TS_RETURN_IF_ERROR(tx.ExecuteScript("RELEASE SAVEPOINT spreadsheets_row"));
    if (failed && !dry_run) return Status::Conflict(kRowFailed);
    if (!failed) ++done;
    job.processed_rows.store(dry_run ? static_cast<int>(i) + 1 : done);
  }
  return Status::Ok();
}

void Fail(ImportJobs& jobs, ImportJob& job, RowError failure, std::vector<RowError> errors = {}) {
  std::lock_guard lock(job.mu);
  job.status = JobStatus::kFailed;
  job.failure = std::move(failure);
  job.errors = std::move(errors);
  job.updated_at = jobs.now();
  job.rows.clear();
}

// Why a run that did not reach its end failed: the shutdown, the target no longer open to the
// caller (the sheet's authorize_import), or an internal error (logged, not shown).
RowError FailureOf(const Status& s) {
  switch (s.code()) {
    case StatusCode::kUnavailable:
      if (s.message() == "spreadsheets.shutting_down") return {0, "", "", "", s.message(), ""};
      break;
    case StatusCode::kNotFound:
    case StatusCode::kForbidden:
    case StatusCode::kInvalid: {
      if (!s.field_errors().empty()) {
        const auto& e = s.field_errors().front();
        return {0, "", "", e.field, e.message, e.param};
      }
      return {0, "", "", "", s.message(), s.param()};
    }
    default:
      break;
  }
  AppLog().error("import failed: {} {}", s.message(), s.detail());
  return {0, "", "", "", "spreadsheets.failed_internal", ""};
}

// Reads the file into rows by field; false (job failed) when it cannot be read.
bool ReadRows(ImportJobs& jobs, ImportJob& job) {
  auto table = tables::ReadTable(job.bytes);
  job.bytes.clear();
  job.bytes.shrink_to_fit();
  if (!table.ok()) {
    Fail(jobs, job, {0, "", "", "", "spreadsheets.unreadable_file", ""});
    return false;
  }
  const auto& rows = table->rows;
  size_t header = 0;
  while (header < rows.size() && IsBlankRow(rows[header])) ++header;
  if (header == rows.size()) {
    Fail(jobs, job, {0, "", "", "", "spreadsheets.no_rows", ""});
    return false;
  }
  std::vector<RowError> header_errors;
  job.columns = ColumnMap::FromHeader(rows[header], static_cast<int>(header) + 1, job.sheet, header_errors);
  if (!header_errors.empty()) {
    Fail(jobs, job, {static_cast<int>(header) + 1, "", "", "", "spreadsheets.bad_header", ""}, header_errors);
    return false;
  }
  for (size_t r = header + 1; r < rows.size(); ++r) {
    if (IsBlankRow(rows[r])) continue;
    SheetRow row = job.columns.Row(rows[r], static_cast<int>(r) + 1);
    if (IsExampleRow(row, job.sheet)) continue;
    job.rows.push_back(std::move(row));
  }
  if (job.rows.empty()) {
    Fail(jobs, job, {0, "", "", "", "spreadsheets.no_rows", ""});
    return false;
  }
  std::lock_guard lock(job.mu);
  job.total_rows = static_cast<int>(job.rows.size());
  return true;
}

}  // namespace

void ValidateJob(const AppContext& ctx, ImportJobs& jobs, ImportJob& job) {
  const auto start = std::chrono::steady_clock::now();
  if (!ReadRows(jobs, job)) return;
  const auth::Caller caller{job.uploader, "import-" + job.id};
  std::vector<std::vector<RowError>> row_errors;
  Status s = ctx.db.Run(storage::TxMode::kWrite, [&](storage::Transaction& tx) -> Status {
    TS_ASSIGN_OR_RETURN(auto target, job.sheet.authorize_import(tx, ctx, job.uploader, job.organization_id));
    int done = 0;
    TS_RETURN_IF_ERROR(RunRows(tx, ctx, jobs, job, caller, target, nullptr, /*dry_run=*/true, row_errors, done));
    return Status(StatusCode::kConflict, kDryRunDone);
  });
  if (s.message() != kDryRunDone) return Fail(jobs, job, FailureOf(s));
  std::vector<RowError> errors;
  job.row_valid.assign(row_errors.size(), false);
  int valid = 0;
  for (size_t i = 0; i < row_errors.size(); ++i) {
    job.row_valid[i] = row_errors[i].empty();
    valid += job.row_valid[i] ? 1 : 0;
    errors.insert(errors.end(), row_errors[i].begin(), row_errors[i].end());
  }
  std::lock_guard lock(job.mu);
  job.status = JobStatus::kValidated;
  job.valid_rows = valid;
  job.error_rows = static_cast<int>(row_errors.size()) - valid;
  job.errors = std::move(errors);
  job.validation_millis = MillisSince(start);
  job.updated_at = jobs.now();
}

void ImportJobRows(const AppContext& ctx, ImportJobs& jobs, ImportJob& job, const ImportRequest& request) {
  const auto start = std::chrono::steady_clock::now();
  job.processed_rows.store(0);
  const auth::Caller caller{request.actor, request.request_id};
  std::vector<std::vector<RowError>> row_errors;
  int imported = 0;
  Status s = ctx.db.Run(storage::TxMode::kWrite, [&](storage::Transaction& tx) -> Status {
    TS_ASSIGN_OR_RETURN(auto target, job.sheet.authorize_import(tx, ctx, request.actor, job.organization_id));
    int done = 0;
    TS_RETURN_IF_ERROR(
        RunRows(tx, ctx, jobs, job, caller, target, &job.row_valid, /*dry_run=*/false, row_errors, done));
    JsonOut after;
    after.StartObject()
        .Field("kind", job.sheet.name)
        .Field("rows", static_cast<int64_t>(done))
        .Field("mode", request.valid_only ? "valid_only" : "all")
        .EndObject();
    audit::AuditEntry entry;
    entry.actor_account_id = request.actor.account_id;
    entry.action = "spreadsheets.import";
    entry.entity_type = "import";
    entry.entity_id = job.id;
    entry.organization_path = target.organization_path;
    entry.after_json = after.Take();
    entry.request_id = request.request_id;
    TS_RETURN_IF_ERROR(ctx.audit.Record(tx, std::move(entry)));
    imported = done;
    return Status::Ok();
  });
  if (!s.ok()) {
    std::vector<RowError> errors;
    for (auto& e : row_errors) errors.insert(errors.end(), e.begin(), e.end());
    if (s.message() == kRowFailed && !errors.empty()) {
      return Fail(
          jobs, job,
          {errors.front().line, "", "", "", "spreadsheets.nothing_imported", std::to_string(errors.front().line)},
          std::move(errors));
    }
    return Fail(jobs, job, FailureOf(s));
  }
  std::lock_guard lock(job.mu);
  job.status = JobStatus::kDone;
  job.imported_rows = imported;
  job.import_millis = MillisSince(start);
  job.updated_at = jobs.now();
  job.rows.clear();
}

}  // namespace tianshan::spreadsheets
