#pragma once
// SQL for jobs_jobs (bound parameters only), inside the caller's transaction.
//
// Claiming: due pending rows (run_at <= now) and running rows whose lease expired (their runner
// died) are taken in one statement that sets the lease; on PostgreSQL the candidate rows are
// locked FOR UPDATE SKIP LOCKED, so concurrent runners on several instances never take the
// same row; SQLite serializes writers, which gives the same guarantee.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "storage/database.h"

namespace tianshan::jobs {

struct JobRow {
  int64_t id = 0;
  std::string kind;
  std::optional<std::string> unique_key;
  std::string payload;
  int64_t due_at = 0;
  int64_t run_at = 0;
  std::string status;
  int attempts = 0;
  int max_attempts = 0;
  int64_t lease_millis = 0;
  std::optional<std::string> lease_owner;
  std::optional<int64_t> lease_until;
  std::optional<std::string> last_error;
  int64_t created_at = 0;
  std::optional<int64_t> finished_at;
};

struct NewJob {
  std::string kind;
  std::optional<std::string> unique_key;
  std::string payload = "{}";
  int64_t due_at = 0;
  int max_attempts = 5;
  int64_t lease_millis = 300000;
};

// Inserts the job unless one of the same kind and unique key exists; true when inserted.
Result<bool> InsertJob(storage::Transaction& tx, const NewJob& job, int64_t now);

// Takes up to `limit` claimable jobs for `owner` until now + each row's lease; attempts += 1.
Result<std::vector<JobRow>> ClaimJobs(storage::Transaction& tx, const std::string& owner, int64_t now, int limit);

// Marks a claimed job done; false when `owner` no longer holds it (its lease expired and
// another runner took it).
Result<bool> CompleteJob(storage::Transaction& tx, int64_t id, const std::string& owner, int64_t now);
// Records a failed attempt: pending again at `retry_at`, or failed for good when `retry_at` is
// nullopt. False when `owner` no longer holds it.
Result<bool> FailJob(storage::Transaction& tx, int64_t id, const std::string& owner, const std::string& error,
                     std::optional<int64_t> retry_at, int64_t now);

// Newest first; `status` empty for all.
Result<std::vector<JobRow>> ListJobs(storage::Transaction& tx, const std::string& status,
                                     std::optional<int64_t> before_id, int limit);
Result<std::optional<JobRow>> FindJob(storage::Transaction& tx, int64_t id);
// A failed job pending again now, with its attempts reset; false when it is not failed.
Result<bool> RetryJob(storage::Transaction& tx, int64_t id, int64_t now);

struct KindSummary {
  std::string kind;
  int64_t pending = 0, running = 0, done = 0, failed = 0;
  std::optional<int64_t> next_run_at;
};
Result<std::vector<KindSummary>> SummarizeJobs(storage::Transaction& tx);

}  // namespace tianshan::jobs
