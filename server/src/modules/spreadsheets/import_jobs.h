#pragma once
// Import jobs and the one thread that runs them.
//
// A job lives in memory only: a restart forgets every job (unfinished imports wrote nothing,
// because an import commits in one transaction at its very end), and a job is visible only on
// the instance that received the upload. Jobs belong to the account that uploaded them (others
// get 404) and are forgotten an hour after their last change (never while running).
//
// Work (validation, import) runs on one dedicated worker thread, never on the HTTP I/O
// threads, one job at a time in order of arrival. The destructor asks the running task to stop
// (tasks check stopping() between rows and roll their transaction back), drops queued tasks and
// joins the thread, so the owner must destroy ImportJobs before the database it uses.
//
// Thread safety: all methods are thread-safe. A job's fields marked "worker" are touched only
// by tasks on the worker thread, or by others while no task for that job is queued or running
// (the status says so: validating and importing mean a task owns them).

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "auth/actor.h"
#include "core/clock.h"
#include "core/result.h"
#include "modules/organizations/public/organization.h"
#include "modules/spreadsheets/sheet_rows.h"

namespace tianshan::spreadsheets {

enum class JobStatus { kValidating, kValidated, kImporting, kDone, kFailed };
std::string_view JobStatusName(JobStatus status);

inline constexpr int64_t kJobLifetimeMillis = 60 * 60 * 1000;
inline constexpr int kMaxRunningJobsPerAccount = 3;

// What a client sees of a job; a copy taken under the job's lock.
struct JobSnapshot {
  std::string id;
  ImportKind kind = ImportKind::kPeople;
  int64_t organization_id = 0;
  JobStatus status = JobStatus::kValidating;
  int total_rows = 0;
  int processed_rows = 0;
  int valid_rows = 0;
  int error_rows = 0;
  int importing_rows = 0;  // rows chosen by the commit
  int imported_rows = 0;
  std::vector<RowError> errors;     // sorted by line
  std::optional<RowError> failure;  // why a failed job failed (file unreadable, shutdown, ...)
  int64_t validation_millis = 0;
  int64_t import_millis = 0;
};

struct ImportJob {
  ImportJob(std::string id_, int64_t owner, ImportKind kind_, int64_t organization, int64_t now)
      : id(std::move(id_)), owner_account_id(owner), kind(kind_), organization_id(organization), updated_at(now) {}

  const std::string id;
  const int64_t owner_account_id;
  const ImportKind kind;
  const int64_t organization_id;  // the import's target
  std::atomic<int> processed_rows{0};

  std::mutex mu;  // guards the fields up to `worker`
  int64_t updated_at;
  JobStatus status = JobStatus::kValidating;
  int total_rows = 0;
  int valid_rows = 0;
  int error_rows = 0;
  int importing_rows = 0;
  int imported_rows = 0;
  std::vector<RowError> errors;
  std::optional<RowError> failure;
  int64_t validation_millis = 0;
  int64_t import_millis = 0;

  // worker: the upload until it is read, then what validation learnt for the import.
  std::string bytes;
  auth::Actor uploader;
  ColumnMap columns;
  std::vector<PersonRow> people;
  std::vector<OrganizationRow> organizations;
  std::vector<bool> row_valid;  // per row of people/organizations: passed the dry run
  // Existing organizations by the names the file uses (people: organization; orgs: parent).
  std::map<std::string, std::vector<organizations::Organization>> named;

  JobSnapshot Snapshot();
};

class ImportJobs {
 public:
  explicit ImportJobs(const Clock& clock) : clock_(clock) {}
  ~ImportJobs();
  ImportJobs(const ImportJobs&) = delete;
  ImportJobs& operator=(const ImportJobs&) = delete;

  // A new job with an unguessable id, owned by `owner`. TooManyRequests when the owner already
  // has kMaxRunningJobsPerAccount jobs validating or importing.
  Result<std::shared_ptr<ImportJob>> Create(int64_t owner, ImportKind kind, int64_t organization_id);
  // nullptr when there is no such job, it expired, or `account_id` does not own it.
  std::shared_ptr<ImportJob> Find(const std::string& id, int64_t account_id);
  // Runs `task` on the worker thread (started on first use). Tasks posted after shutdown began
  // are dropped.
  void Post(std::function<void()> task);
  // True once the destructor has begun: running tasks should roll back and return.
  bool stopping() const { return stopping_.load(); }
  int64_t now() const { return clock_.NowMillis(); }

 private:
  void PurgeLocked(int64_t now);
  void WorkerLoop();

  const Clock& clock_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::map<std::string, std::shared_ptr<ImportJob>> jobs_;
  std::deque<std::function<void()>> queue_;
  std::atomic<bool> stopping_{false};
  std::thread worker_;
};

}  // namespace tianshan::spreadsheets
