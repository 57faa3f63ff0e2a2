#include "modules/jobs/job_runner.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "core/crypto.h"
#include "core/log.h"
#include "modules/jobs/job_repository.h"

namespace tianshan::jobs {

int64_t BackoffMillis(int attempt) {
  constexpr int64_t kFirst = 30 * 1000, kMax = 3600 * 1000;
  int64_t d = kFirst;
  for (int i = 1; i < attempt && d < kMax; ++i) d *= 2;
  return std::min(d, kMax);
}

std::string ScheduleText(const JobSchedule& s) {
  char buf[64];
  switch (s.every) {
    case JobSchedule::Every::kNone:
      return "on demand";
    case JobSchedule::Every::kInterval:
      return "every " + std::to_string(s.interval_seconds) + " s";
    case JobSchedule::Every::kDay:
      std::snprintf(buf, sizeof buf, "daily %02d:%02d (UTC+8)", s.minute_of_day / 60, s.minute_of_day % 60);
      return buf;
    case JobSchedule::Every::kMonth:
      std::snprintf(buf, sizeof buf, "monthly on day %d %02d:%02d (UTC+8)", s.day_of_month, s.minute_of_day / 60,
                    s.minute_of_day % 60);
      return buf;
  }
  return "";
}

JobRunner::JobRunner(const AppContext& ctx, RunnerOptions options) : ctx_(ctx), options_(std::move(options)) {
  if (options_.owner.empty()) options_.owner = "runner-" + RandomToken(8);
}

JobRunner::~JobRunner() { Stop(); }

void JobRunner::Start() {
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { Loop(); });
}

void JobRunner::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void JobRunner::Loop() {
  while (true) {
    auto pass = RunDue();
    if (!pass.ok()) AppLog().warn("job runner: {} {}", pass.status().message(), pass.status().detail());
    const bool backlog = pass.ok() && pass->ran >= options_.batch;
    std::unique_lock lock(mutex_);
    if (stopping_) return;
    if (!backlog) wake_.wait_for(lock, std::chrono::milliseconds(options_.poll_millis), [this] { return stopping_; });
    if (stopping_) return;
  }
}

Result<int> JobRunner::ScheduleRecurring(int64_t now) {
  int created = 0;
  for (const auto& [kind, def] : ctx_.jobs) {
    // The row of the next due time is created ahead of time, so a due time that passes while
    // no server runs is still there, pending, when one starts again (it runs once, late).
    auto due = NextDue(def.schedule, now);
    if (!due) continue;
    auto known = scheduled_due_.find(kind);
    if (known != scheduled_due_.end() && known->second == *due) continue;
    NewJob job{kind, std::to_string(*due), "{}", *due, def.max_attempts, def.lease_seconds * 1000};
    TS_ASSIGN_OR_RETURN(bool inserted, ctx_.db.Write([&](storage::Transaction& tx) -> Result<bool> {
                          TS_ASSIGN_OR_RETURN(bool fresh, InsertJob(tx, job, now));
                          if (!fresh) tx.ChangedNothing();  // another instance made the row
                          return fresh;
                        }));
    created += inserted ? 1 : 0;
    scheduled_due_[kind] = *due;
  }
  return created;
}

Result<PassResult> JobRunner::RunDue() {
  PassResult pass;
  const int64_t now = ctx_.clock.NowMillis();
  TS_ASSIGN_OR_RETURN(pass.scheduled, ScheduleRecurring(now));
  // A pass that finds nothing due is no write: every instance polls each poll_millis, and caches
  // keyed on the write generation (here and, through NOTIFY, on the other instances) stay valid.
  TS_ASSIGN_OR_RETURN(auto claimed, ctx_.db.Write([&](storage::Transaction& tx) -> Result<std::vector<JobRow>> {
    TS_ASSIGN_OR_RETURN(auto jobs, ClaimJobs(tx, options_.owner, now, options_.batch));
    if (jobs.empty()) tx.ChangedNothing();
    return jobs;
  }));
  for (const JobRow& job : claimed) {
    Status outcome;
    auto def = ctx_.jobs.find(job.kind);
    if (def == ctx_.jobs.end() || !def->second.run) {
      outcome = Status::Invalid("kind", "jobs.unknown_kind").WithDetail("no module declares " + job.kind);
    } else if (job.attempts > job.max_attempts) {
      outcome = Status::Unavailable("jobs.lease_expired").WithDetail("its runner stopped too often");
    } else {
      JobRun run{job.id, job.kind, job.payload, job.due_at, job.attempts};
      try {
        outcome = def->second.run(ctx_, run);
      } catch (const std::exception& e) {
        outcome = Status::Internal("error.internal").WithDetail(std::string("threw: ") + e.what());
      }
    }
    const int64_t end = ctx_.clock.NowMillis();
    ++pass.ran;
    Result<bool> recorded = false;  // set by either branch below
    if (outcome.ok()) {
      recorded = ctx_.db.Write([&](storage::Transaction& tx) { return CompleteJob(tx, job.id, options_.owner, end); });
    } else {
      ++pass.failed;
      // Bad input and unknown kinds do not get better with time: fail them at once.
      const bool permanent = outcome.code() == StatusCode::kInvalid || job.attempts >= job.max_attempts;
      std::optional<int64_t> retry;
      if (!permanent) retry = end + BackoffMillis(job.attempts);
      std::string error = outcome.message() + (outcome.detail().empty() ? "" : ": " + outcome.detail());
      AppLog().warn("job {} #{} attempt {} failed: {}", job.kind, job.id, job.attempts, error);
      recorded = ctx_.db.Write(
          [&](storage::Transaction& tx) { return FailJob(tx, job.id, options_.owner, error, retry, end); });
    }
    if (!recorded.ok()) return recorded.status();
    if (!*recorded) AppLog().warn("job {} #{}: lease lost before it was recorded", job.kind, job.id);
  }
  return pass;
}

}  // namespace tianshan::jobs
