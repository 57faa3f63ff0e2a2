#pragma once
// The job runner inside `tianshan serve` (kit/job.h says what a job is).
//
// One background thread. Each pass: (1) for every recurring kind, make sure the row of its next
// due time exists (a unique key per due time, so several instances agree on one row); (2) take
// due jobs with a lease (job_repository.h), run each handler, and mark it done, or pending again
// after a back-off (30 s × 2^(attempt-1), at most an hour), or failed after `max_attempts` —
// with the error kept for admins. A kind that no module declares fails at once ("unknown kind"),
// and so does a payload the handler refuses; the runner goes on with the next job.
// When a pass took a full batch it runs again at once (draining a backlog), otherwise it sleeps
// `poll_millis`. Stop() finishes the running handler, then joins; a job left running by a
// killed process is taken again when its lease expires.
//
// Thread safety: Start/Stop from one thread; RunDue may also be called directly (tests, the
// command line) when the thread is not started.

#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include "kit/module.h"

namespace tianshan::jobs {

struct RunnerOptions {
  int64_t poll_millis = 1000;
  int batch = 32;
  std::string owner;  // identifies this runner in leases; a random one when empty
};

struct PassResult {
  int scheduled = 0;  // rows created for recurring due times
  int ran = 0;        // jobs taken and run (done, retried or failed)
  int failed = 0;     // of those, failed attempts
};

class JobRunner {
 public:
  JobRunner(const AppContext& ctx, RunnerOptions options);
  ~JobRunner();
  JobRunner(const JobRunner&) = delete;
  JobRunner& operator=(const JobRunner&) = delete;

  void Start();
  void Stop();
  // One pass (see above).
  Result<PassResult> RunDue();
  const std::string& owner() const { return options_.owner; }

 private:
  Result<int> ScheduleRecurring(int64_t now);
  void Loop();

  const AppContext& ctx_;
  RunnerOptions options_;
  std::map<std::string, int64_t> scheduled_due_;  // kind → the due time already ensured
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
};

// "daily 08:00 (UTC+8)", "every 30 s", …
std::string ScheduleText(const JobSchedule& schedule);

// The delay before attempt `attempt + 1` after attempt `attempt` failed.
int64_t BackoffMillis(int attempt);

}  // namespace tianshan::jobs
