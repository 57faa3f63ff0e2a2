#include "modules/jobs/job_repository.h"

#include <algorithm>
#include <limits>
#include <map>

namespace tianshan::jobs {
namespace {

constexpr const char* kColumns =
    "id, kind, unique_key, payload, due_at, run_at, status, attempts, max_attempts, lease_millis, lease_owner, "
    "lease_until, last_error, created_at, finished_at";

JobRow ReadJob(const storage::Row& r) {
  JobRow j;
  j.id = r.Int("id");
  j.kind = r.Text("kind");
  j.unique_key = r.OptText("unique_key");
  j.payload = r.Text("payload");
  j.due_at = r.Int("due_at");
  j.run_at = r.Int("run_at");
  j.status = r.Text("status");
  j.attempts = static_cast<int>(r.Int("attempts"));
  j.max_attempts = static_cast<int>(r.Int("max_attempts"));
  j.lease_millis = r.Int("lease_millis");
  j.lease_owner = r.OptText("lease_owner");
  j.lease_until = r.OptInt("lease_until");
  j.last_error = r.OptText("last_error");
  j.created_at = r.Int("created_at");
  j.finished_at = r.OptInt("finished_at");
  return j;
}

}  // namespace

Result<bool> InsertJob(storage::Transaction& tx, const NewJob& job, int64_t now) {
  TS_ASSIGN_OR_RETURN(int64_t n, tx.Execute("INSERT INTO jobs_jobs (kind, unique_key, payload, due_at, run_at, "
                                            "status, attempts, max_attempts, lease_millis, created_at) "
                                            "VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?) "
                                            "ON CONFLICT (kind, unique_key) DO NOTHING",
                                            {job.kind, job.unique_key, job.payload, job.due_at, job.due_at,
                                             job.max_attempts, job.lease_millis, now}));
  return n == 1;
}

Result<std::vector<JobRow>> ClaimJobs(storage::Transaction& tx, const std::string& owner, int64_t now, int limit) {
  const bool pg = tx.dialect() == storage::Dialect::kPostgres;
  // Due pending jobs, and running ones whose runner stopped renewing nothing: a lease in the past.
  std::string candidates =
      "SELECT id FROM jobs_jobs WHERE (status = 'pending' AND run_at <= ?) OR (status = 'running' AND "
      "lease_until < ?) ORDER BY run_at, id LIMIT ?";
  if (pg) candidates += " FOR UPDATE SKIP LOCKED";
  std::string sql = std::string("UPDATE jobs_jobs SET status = 'running', lease_owner = ?, lease_until = ? + "
                                "lease_millis, attempts = attempts + 1 WHERE id IN (") +
                    candidates + ") RETURNING " + kColumns;
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(sql, {owner, now, now, now, limit}));
  std::vector<JobRow> out;
  for (const auto& r : rows) out.push_back(ReadJob(r));
  std::sort(out.begin(), out.end(), [](const JobRow& a, const JobRow& b) {
    return a.run_at != b.run_at ? a.run_at < b.run_at : a.id < b.id;
  });
  return out;
}

Result<bool> CompleteJob(storage::Transaction& tx, int64_t id, const std::string& owner, int64_t now) {
  TS_ASSIGN_OR_RETURN(int64_t n, tx.Execute("UPDATE jobs_jobs SET status = 'done', finished_at = ?, lease_owner = "
                                            "NULL, lease_until = NULL, last_error = NULL WHERE id = ? AND status = "
                                            "'running' AND lease_owner = ?",
                                            {now, id, owner}));
  return n == 1;
}

Result<bool> FailJob(storage::Transaction& tx, int64_t id, const std::string& owner, const std::string& error,
                     std::optional<int64_t> retry_at, int64_t now) {
  int64_t n = 0;
  if (retry_at) {
    TS_ASSIGN_OR_RETURN(n, tx.Execute("UPDATE jobs_jobs SET status = 'pending', run_at = ?, last_error = ?, "
                                      "lease_owner = NULL, lease_until = NULL WHERE id = ? AND status = 'running' "
                                      "AND lease_owner = ?",
                                      {*retry_at, error, id, owner}));
  } else {
    TS_ASSIGN_OR_RETURN(n, tx.Execute("UPDATE jobs_jobs SET status = 'failed', finished_at = ?, last_error = ?, "
                                      "lease_owner = NULL, lease_until = NULL WHERE id = ? AND status = 'running' "
                                      "AND lease_owner = ?",
                                      {now, error, id, owner}));
  }
  return n == 1;
}

Result<std::vector<JobRow>> ListJobs(storage::Transaction& tx, const std::string& status,
                                     std::optional<int64_t> before_id, int limit) {
  std::string sql = std::string("SELECT ") + kColumns + " FROM jobs_jobs WHERE id < ?";
  if (!status.empty()) sql += " AND status = ?";
  sql += " ORDER BY id DESC LIMIT ?";
  const int64_t before = before_id.value_or(std::numeric_limits<int64_t>::max());
  Result<storage::Rows> rows = status.empty() ? tx.Query(sql, {before, limit + 1})
                                              : tx.Query(sql, {before, status, limit + 1});
  TS_RETURN_IF_ERROR(rows.status());
  std::vector<JobRow> out;
  for (const auto& r : *rows) out.push_back(ReadJob(r));
  return out;
}

Result<std::optional<JobRow>> FindJob(storage::Transaction& tx, int64_t id) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne(std::string("SELECT ") + kColumns + " FROM jobs_jobs WHERE id = ?", {id}));
  if (!row) return std::optional<JobRow>();
  return std::optional<JobRow>(ReadJob(*row));
}

Result<bool> RetryJob(storage::Transaction& tx, int64_t id, int64_t now) {
  TS_ASSIGN_OR_RETURN(int64_t n, tx.Execute("UPDATE jobs_jobs SET status = 'pending', run_at = ?, attempts = 0, "
                                            "finished_at = NULL WHERE id = ? AND status = 'failed'",
                                            {now, id}));
  return n == 1;
}

Result<std::vector<KindSummary>> SummarizeJobs(storage::Transaction& tx) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT kind, status, COUNT(*) AS n, MIN(run_at) AS next_run_at FROM "
                                          "jobs_jobs GROUP BY kind, status ORDER BY kind"));
  std::map<std::string, KindSummary> by_kind;
  for (const auto& r : rows) {
    KindSummary& k = by_kind[r.Text("kind")];
    k.kind = r.Text("kind");
    const std::string status = r.Text("status");
    const int64_t n = r.Int("n");
    if (status == "pending") {
      k.pending = n;
      k.next_run_at = r.OptInt("next_run_at");
    } else if (status == "running") {
      k.running = n;
    } else if (status == "done") {
      k.done = n;
    } else {
      k.failed = n;
    }
  }
  std::vector<KindSummary> out;
  for (auto& [_, k] : by_kind) out.push_back(std::move(k));
  return out;
}

}  // namespace tianshan::jobs
