#pragma once
// Scheduled work, declared by modules in their manifest (ModuleDefinition::jobs) and run by the
// job runner inside `tianshan serve` (modules/jobs/). A job is a row: kind, when it is due,
// a JSON payload, attempts, the last error and a lease. The runner takes due rows with a lease,
// so exactly one instance runs a job when several servers share one PostgreSQL, and a job whose
// runner died (SIGKILL) is taken again once its lease expires. A failing handler is retried
// with back-off up to `max_attempts`, then the job is `failed` and shown to admins with its
// error. Recurring kinds get one row per due time (a unique key), so a due time runs at most
// once however many instances schedule it.
//
// Handlers run on the runner's thread, never on an HTTP I/O thread. They must be idempotent per
// attempt: an attempt that dies after its work committed but before the job row was marked done
// runs again (reminder digests use unique keys for exactly this).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/result.h"

namespace tianshan {

struct AppContext;

// When a recurring kind is due, in China time (UTC+8), or every `interval_seconds`.
struct JobSchedule {
  enum class Every { kNone, kInterval, kDay, kMonth } every = Every::kNone;
  int64_t interval_seconds = 0;  // kInterval
  int minute_of_day = 0;         // kDay, kMonth: 0..1439 China time
  int day_of_month = 1;          // kMonth: 1..28
  static JobSchedule Interval(int64_t seconds) { return {Every::kInterval, seconds, 0, 1}; }
  static JobSchedule Daily(int hour, int minute) { return {Every::kDay, 0, hour * 60 + minute, 1}; }
  static JobSchedule Monthly(int day, int hour, int minute) { return {Every::kMonth, 0, hour * 60 + minute, day}; }
};

// The next due time strictly after `after_millis` (UTC epoch milliseconds); nullopt for kNone.
std::optional<int64_t> NextDue(const JobSchedule& schedule, int64_t after_millis);

// What a handler is told about the run it does.
struct JobRun {
  int64_t id = 0;
  std::string kind;
  std::string payload;   // JSON text, "{}" when none
  int64_t due_at = 0;    // when it was due (epoch ms): a digest's day, a report's month
  int attempt = 1;       // 1 for the first try
};

struct JobDefinition {
  std::string kind;  // "people.transfer_reminders": module name, a dot, what
  std::string description;
  JobSchedule schedule;  // kNone: enqueued one by one (modules/jobs/public/jobs.h)
  int max_attempts = 5;
  int64_t lease_seconds = 300;  // a run longer than this is presumed dead and taken again
  std::function<Status(const AppContext&, const JobRun&)> run;
};

}  // namespace tianshan
