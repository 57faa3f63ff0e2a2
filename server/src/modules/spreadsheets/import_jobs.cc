#include "modules/spreadsheets/import_jobs.h"

#include "core/crypto.h"
#include "core/log.h"

namespace tianshan::spreadsheets {

std::string_view JobStatusName(JobStatus status) {
  switch (status) {
    case JobStatus::kValidating:
      return "validating";
    case JobStatus::kValidated:
      return "validated";
    case JobStatus::kImporting:
      return "importing";
    case JobStatus::kDone:
      return "done";
    case JobStatus::kFailed:
      return "failed";
  }
  return "failed";
}

JobSnapshot ImportJob::Snapshot() {
  std::lock_guard lock(mu);
  JobSnapshot s;
  s.id = id;
  s.kind = sheet.name;
  s.organization_id = organization_id;
  s.status = status;
  s.total_rows = total_rows;
  s.processed_rows = processed_rows.load();
  s.valid_rows = valid_rows;
  s.error_rows = error_rows;
  s.importing_rows = importing_rows;
  s.imported_rows = imported_rows;
  s.errors = errors;
  s.failure = failure;
  s.validation_millis = validation_millis;
  s.import_millis = import_millis;
  return s;
}

ImportJobs::~ImportJobs() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
    queue_.clear();
  }
  cv_.notify_all();
  if (worker_.joinable()) worker_.join();
}

namespace {
bool Running(ImportJob& job) {
  std::lock_guard lock(job.mu);
  return job.status == JobStatus::kValidating || job.status == JobStatus::kImporting;
}
}  // namespace

void ImportJobs::PurgeLocked(int64_t now) {
  for (auto it = jobs_.begin(); it != jobs_.end();) {
    ImportJob& job = *it->second;
    bool expired = false;
    if (!Running(job)) {
      std::lock_guard lock(job.mu);
      expired = now - job.updated_at > kJobLifetimeMillis;
    }
    it = expired ? jobs_.erase(it) : std::next(it);
  }
}

Result<std::shared_ptr<ImportJob>> ImportJobs::Create(int64_t owner, const SheetDefinition& sheet,
                                                      int64_t organization_id) {
  const int64_t now = clock_.NowMillis();
  std::lock_guard lock(mu_);
  PurgeLocked(now);
  int running = 0;
  for (const auto& [id, job] : jobs_) {
    if (job->owner_account_id == owner && Running(*job)) ++running;
  }
  if (running >= kMaxRunningJobsPerAccount) {
    return Status(StatusCode::kTooManyRequests, "spreadsheets.too_many_jobs");
  }
  auto job = std::make_shared<ImportJob>(RandomToken(12), owner, sheet, organization_id, now);
  jobs_[job->id] = job;
  return job;
}

std::shared_ptr<ImportJob> ImportJobs::Find(const std::string& id, int64_t account_id) {
  std::lock_guard lock(mu_);
  PurgeLocked(clock_.NowMillis());
  auto it = jobs_.find(id);
  if (it == jobs_.end() || it->second->owner_account_id != account_id) return nullptr;
  return it->second;
}

void ImportJobs::Post(std::function<void()> task) {
  {
    std::lock_guard lock(mu_);
    if (stopping_) return;
    queue_.push_back(std::move(task));
    if (!worker_.joinable()) worker_ = std::thread([this] { WorkerLoop(); });
  }
  cv_.notify_one();
}

void ImportJobs::WorkerLoop() {
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      task = std::move(queue_.front());
      queue_.pop_front();
    }
    task();
  }
}

}  // namespace tianshan::spreadsheets
