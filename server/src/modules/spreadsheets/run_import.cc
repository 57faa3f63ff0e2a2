#include "modules/spreadsheets/run_import.h"

#include <chrono>
#include <set>

#include "core/json.h"
#include "core/log.h"
#include "core/tables/table.h"
#include "modules/organizations/create_organization.h"
#include "modules/organizations/list_organizations.h"
#include "modules/organizations/permissions.h"
#include "modules/organizations/public/counters.h"
#include "modules/organizations/use_case_support.h"
#include "modules/people/create_person.h"
#include "modules/people/permissions.h"
#include "modules/people/use_case_support.h"

namespace tianshan::spreadsheets {
namespace {

// Returned by the dry run's transaction function so that Database::Run rolls it back.
constexpr const char* kDryRunDone = "spreadsheets.dry_run_done";
constexpr int kNamePageSize = 200;

// Failures that belong to one row (the row is reported, the others go on); anything else
// (storage errors, retries, shutdown) ends the whole run.
bool IsRowFailure(const Status& s) {
  switch (s.code()) {
    case StatusCode::kInvalid:
    case StatusCode::kConflict:
    case StatusCode::kForbidden:
    case StatusCode::kNotFound:
      return true;
    default:
      return false;
  }
}

std::vector<RowError> RowErrorsOf(const Status& s, const ColumnMap& columns, int line, std::string_view fallback) {
  std::vector<RowError> out;
  for (const auto& e : s.field_errors()) out.push_back(columns.Error(line, ColumnFieldOf(e.field), e.message, e.param));
  if (out.empty()) out.push_back(columns.Error(line, fallback, s.message(), s.param()));
  return out;
}

int64_t MillisSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
}

// The first `max_chars` code points of `s`.
std::string Utf8Prefix(const std::string& s, size_t max_chars) {
  size_t chars = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (chars == max_chars) break;
      ++chars;
    }
  }
  return s.substr(0, i);
}

// Active organizations in the target's subtree named exactly `name` (or, when none is,
// short-named so), as the actor sees them, through the organizations module's search.
Result<std::vector<organizations::Organization>> FindNamed(const AppContext& ctx, const auth::Actor& actor,
                                                           int64_t target, const std::string& name) {
  organizations::ListFilter filter;
  filter.status = std::string(organizations::kActive);
  organizations::PageRequest page;
  page.limit = kNamePageSize;
  std::vector<organizations::Organization> by_name, by_short_name;
  const std::string q = Utf8Prefix(name, 50);
  for (;;) {
    TS_ASSIGN_OR_RETURN(auto list, organizations::ListSubtree(ctx, actor, target, page, filter, q));
    for (auto& o : list.items) {
      if (o.fields.name == name) {
        by_name.push_back(o);
      } else if (o.fields.short_name == name) {
        by_short_name.push_back(o);
      }
    }
    if (!list.next_cursor) break;
    page.cursor = list.next_cursor;
  }
  return by_name.empty() ? by_short_name : by_name;
}

// What one run has done so far, reset when the database retries the transaction.
struct RunState {
  std::map<std::string, int> identity_lines;  // identity number → line that registered it
  std::map<std::string, std::vector<organizations::Organization>> created;  // by name
  std::map<std::pair<int64_t, bool>, int64_t> people_added;                 // (organization, member) → count
  int rows_done = 0;
};

Status ImportPerson(storage::Transaction& tx, const AppContext& ctx, const ImportJob& job, const people::Caller& caller,
                    const PersonRow& row, RunState& st) {
  int64_t org_id = job.organization_id;
  if (row.organization_name) {
    auto it = job.named.find(*row.organization_name);
    size_t n = it == job.named.end() ? 0 : it->second.size();
    if (n == 0) return Status::Invalid("organization", "spreadsheets.organization_unknown", *row.organization_name);
    if (n > 1) return Status::Invalid("organization", "spreadsheets.organization_ambiguous", *row.organization_name);
    org_id = it->second.front().id;
  }
  TS_ASSIGN_OR_RETURN(auto org, people::LoadTargetOrganization(tx, caller.actor, org_id, "organization"));
  if (!people::CanManagePeople(caller.actor, org.path)) {
    return Status::Invalid("organization", "spreadsheets.cannot_manage_people", org.fields.name);
  }
  const auto& identity = row.input.fields.identity_number;
  if (identity) {
    if (auto it = st.identity_lines.find(*identity); it != st.identity_lines.end()) {
      return Status::Invalid("identity_number", "spreadsheets.duplicate_in_file", std::to_string(it->second));
    }
  }
  people::CreatePersonInput input = row.input;
  const bool member = input.membership.has_value();
  if (member) {
    input.organization_id.reset();
    input.membership->organization_id = org.id;
  } else {
    input.organization_id = org.id;
  }
  auto id = people::InsertPersonUnchecked(tx, ctx, input, org.path, /*adjust_counters=*/false);
  if (!id.ok()) {
    // The only unique column of a new person is the identity number.
    if (id.status().code() == StatusCode::kConflict && identity) {
      return Status::Invalid("identity_number", "spreadsheets.identity_registered");
    }
    return id.status();
  }
  people::Person p;
  p.id = *id;
  p.fields = input.fields;
  p.organization_id = org.id;
  p.org_path = org.path;
  p.is_member = member;
  TS_RETURN_IF_ERROR(people::Audit(tx, ctx, caller, member ? "person.create_member" : "person.create_youth", "person",
                                   *id, org.path, "", people::PersonAuditJson(p)));
  if (identity) st.identity_lines[*identity] = row.line;
  ++st.people_added[{org.id, member}];
  return Status::Ok();
}

Status ImportOrganization(storage::Transaction& tx, const AppContext& ctx, const ImportJob& job,
                          const people::Caller& caller, const OrganizationRow& row, RunState& st) {
  int64_t parent_id = job.organization_id;
  if (row.parent_name) {
    std::vector<int64_t> candidates;
    if (auto it = st.created.find(*row.parent_name); it != st.created.end()) {
      for (const auto& o : it->second) candidates.push_back(o.id);
    }
    if (auto it = job.named.find(*row.parent_name); it != job.named.end()) {
      for (const auto& o : it->second) candidates.push_back(o.id);
    }
    if (candidates.empty()) return Status::Invalid("parent", "spreadsheets.organization_unknown", *row.parent_name);
    if (candidates.size() > 1)
      return Status::Invalid("parent", "spreadsheets.organization_ambiguous", *row.parent_name);
    parent_id = candidates.front();
  }
  auto parent = organizations::LoadReadable(tx, caller.actor, parent_id, organizations::RowLock::kShare);
  if (!parent.ok()) {
    if (parent.status().code() != StatusCode::kNotFound) return parent.status();
    return Status::Invalid("parent", "spreadsheets.organization_unknown", row.parent_name.value_or(""));
  }
  if (!organizations::CanCreateChild(caller.actor, parent->path)) {
    return Status::Invalid("parent", "spreadsheets.cannot_create_organizations", parent->fields.name);
  }
  organizations::CreateOrganizationInput input{parent_id, row.fields};
  auto org = organizations::CreateOrganizationUnchecked(tx, ctx, caller.actor.account_id, input, caller.request_id);
  if (!org.ok()) {
    if (org.status().message() == "organization.duplicate_name") {
      return Status::Invalid("name", "spreadsheets.duplicate_sibling", row.fields.name);
    }
    return org.status();
  }
  st.created[org->fields.name].push_back(*org);
  return Status::Ok();
}

Status ApplyCounters(storage::Transaction& tx, const RunState& st) {
  for (const auto& [key, count] : st.people_added) {
    TS_RETURN_IF_ERROR(organizations::AdjustCounter(
        tx, key.first, key.second ? organizations::counter::kMembers : organizations::counter::kYouth, count));
  }
  return Status::Ok();
}

// One pass over the rows inside `tx`. Dry run: every row in its own savepoint, failures
// collected in `row_errors`. Import: only rows with `chosen[i]`, the first failure ends the run
// with that row's errors in `row_errors`.
template <typename Row, typename Fn>
Status RunRows(storage::Transaction& tx, ImportJobs& jobs, ImportJob& job, const std::vector<Row>& rows,
               const std::vector<bool>* chosen, bool dry_run, Fn&& import_row,
               std::vector<std::vector<RowError>>& row_errors, RunState& st) {
  row_errors.assign(rows.size(), {});
  const std::string_view fallback = job.kind == ImportKind::kPeople ? "identity_number" : "name";
  for (size_t i = 0; i < rows.size(); ++i) {
    if (jobs.stopping()) return Status::Unavailable("spreadsheets.shutting_down");
    const Row& row = rows[i];
    if (chosen && !(*chosen)[i]) continue;
    if (!row.errors.empty()) {
      row_errors[i] = row.errors;
    } else {
      if (dry_run) TS_RETURN_IF_ERROR(tx.ExecuteScript("SAVEPOINT spreadsheets_row"));
      Status s = import_row(row);
      if (!s.ok() && !IsRowFailure(s)) return s;
      if (!s.ok()) row_errors[i] = RowErrorsOf(s, job.columns, row.line, fallback);
      if (dry_run && !s.ok()) TS_RETURN_IF_ERROR(tx.ExecuteScript("ROLLBACK TO SAVEPOINT spreadsheets_row"));
      if (dry_run) TS_RETURN_IF_ERROR(tx.ExecuteScript("RELEASE SAVEPOINT spreadsheets_row"));
      if (!s.ok() && !dry_run) return s;
      if (s.ok()) ++st.rows_done;
    }
    job.processed_rows.store(dry_run ? static_cast<int>(i) + 1 : st.rows_done);
  }
  return Status::Ok();
}

// Runs every row of the job (the vector matching its kind).
Status RunJobRows(storage::Transaction& tx, const AppContext& ctx, ImportJobs& jobs, ImportJob& job,
                  const people::Caller& caller, const std::vector<bool>* chosen, bool dry_run,
                  std::vector<std::vector<RowError>>& row_errors, RunState& st) {
  if (job.kind == ImportKind::kPeople) {
    return RunRows(
        tx, jobs, job, job.people, chosen, dry_run,
        [&](const PersonRow& row) { return ImportPerson(tx, ctx, job, caller, row, st); }, row_errors, st);
  }
  return RunRows(
      tx, jobs, job, job.organizations, chosen, dry_run,
      [&](const OrganizationRow& row) { return ImportOrganization(tx, ctx, job, caller, row, st); }, row_errors, st);
}

void Fail(ImportJobs& jobs, ImportJob& job, RowError failure, std::vector<RowError> errors = {}) {
  std::lock_guard lock(job.mu);
  job.status = JobStatus::kFailed;
  job.failure = std::move(failure);
  job.errors = std::move(errors);
  job.updated_at = jobs.now();
  job.people.clear();
  job.organizations.clear();
}

RowError FailureOf(const Status& s) {
  if (s.code() == StatusCode::kUnavailable && s.message() == "spreadsheets.shutting_down") {
    return {0, "", "", "", s.message(), ""};
  }
  AppLog().error("import failed: {} {}", s.message(), s.detail());
  return {0, "", "", "", "spreadsheets.failed_internal", ""};
}

// Reads the file into rows; false (job failed) when it cannot be read.
bool ReadRows(ImportJobs& jobs, ImportJob& job, int64_t now) {
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
  job.columns = ColumnMap::FromHeader(rows[header], static_cast<int>(header) + 1, job.kind, header_errors);
  if (!header_errors.empty()) {
    Fail(jobs, job, {static_cast<int>(header) + 1, "", "", "", "spreadsheets.bad_header", ""}, header_errors);
    return false;
  }
  for (size_t r = header + 1; r < rows.size(); ++r) {
    if (IsBlankRow(rows[r]) || IsExampleRow(rows[r], job.columns, job.kind)) continue;
    const int line = static_cast<int>(r) + 1;
    if (job.kind == ImportKind::kPeople) {
      job.people.push_back(ReadPersonRow(rows[r], line, job.columns, now));
    } else {
      job.organizations.push_back(ReadOrganizationRow(rows[r], line, job.columns, now));
    }
  }
  const size_t count = job.kind == ImportKind::kPeople ? job.people.size() : job.organizations.size();
  if (count == 0) {
    Fail(jobs, job, {0, "", "", "", "spreadsheets.no_rows", ""});
    return false;
  }
  std::lock_guard lock(job.mu);
  job.total_rows = static_cast<int>(count);
  return true;
}

Status LookUpNames(const AppContext& ctx, ImportJob& job) {
  std::set<std::string> names;
  for (const auto& r : job.people) {
    if (r.organization_name && r.errors.empty()) names.insert(*r.organization_name);
  }
  for (const auto& r : job.organizations) {
    if (r.parent_name && r.errors.empty()) names.insert(*r.parent_name);
  }
  for (const auto& name : names) {
    auto found = FindNamed(ctx, job.uploader, job.organization_id, name);
    if (!found.ok()) return found.status();
    job.named[name] = std::move(found).value();
  }
  return Status::Ok();
}

}  // namespace

void ValidateJob(const AppContext& ctx, ImportJobs& jobs, ImportJob& job) {
  const auto start = std::chrono::steady_clock::now();
  if (!ReadRows(jobs, job, ctx.clock.NowMillis())) return;
  if (Status s = LookUpNames(ctx, job); !s.ok()) {
    // The target vanished from the uploader's view meanwhile, or storage failed.
    if (s.code() == StatusCode::kNotFound) return Fail(jobs, job, {0, "", "", "", "organization.not_found", ""});
    return Fail(jobs, job, FailureOf(s));
  }
  const people::Caller caller{job.uploader, "import-" + job.id};
  std::vector<std::vector<RowError>> row_errors;
  Status s = ctx.db.Run(storage::TxMode::kWrite, [&](storage::Transaction& tx) -> Status {
    RunState st;
    TS_RETURN_IF_ERROR(RunJobRows(tx, ctx, jobs, job, caller, nullptr, /*dry_run=*/true, row_errors, st));
    TS_RETURN_IF_ERROR(ApplyCounters(tx, st));
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
  const people::Caller caller{request.actor, request.request_id};
  std::vector<std::vector<RowError>> row_errors;
  int imported = 0;
  Status s = ctx.db.Run(storage::TxMode::kWrite, [&](storage::Transaction& tx) -> Status {
    RunState st;
    TS_RETURN_IF_ERROR(RunJobRows(tx, ctx, jobs, job, caller, &job.row_valid, /*dry_run=*/false, row_errors, st));
    TS_RETURN_IF_ERROR(ApplyCounters(tx, st));
    TS_ASSIGN_OR_RETURN(auto target, organizations::LoadReadable(tx, request.actor, job.organization_id));
    JsonOut after;
    after.StartObject()
        .Field("kind", ImportKindName(job.kind))
        .Field("rows", static_cast<int64_t>(st.rows_done))
        .Field("mode", request.valid_only ? "valid_only" : "all")
        .EndObject();
    audit::AuditEntry entry;
    entry.actor_account_id = request.actor.account_id;
    entry.action = "spreadsheets.import";
    entry.entity_type = "import";
    entry.entity_id = job.id;
    entry.organization_path = target.path;
    entry.after_json = after.Take();
    entry.request_id = request.request_id;
    TS_RETURN_IF_ERROR(ctx.audit.Record(tx, std::move(entry)));
    imported = st.rows_done;
    return Status::Ok();
  });
  if (!s.ok()) {
    std::vector<RowError> errors;
    for (auto& e : row_errors) errors.insert(errors.end(), e.begin(), e.end());
    if (!errors.empty()) {
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
  job.people.clear();
  job.organizations.clear();
}

}  // namespace tianshan::spreadsheets
