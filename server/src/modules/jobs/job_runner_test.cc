// The job runner on both databases: due times, recurring rows, retries with back-off, failures
// visible to admins, bad payloads, leases of dead runners, and two runners racing over many jobs
// (each job runs exactly once).

#include "modules/jobs/job_runner.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <thread>

#include "modules/jobs/job_repository.h"
#include "modules/jobs/public/jobs.h"
#include "testing/demo_api_test.h"

namespace tianshan::testing {
namespace {

constexpr int64_t kMinute = 60 * 1000;

TEST(JobScheduleTest, NextDueTimes) {
  // 2026-11-30 00:00 UTC = 08:00 in China.
  const int64_t t = 1796000000000 - 1796000000000 % (24 * 60 * kMinute);
  EXPECT_EQ(NextDue(JobSchedule::Interval(60), t + 1), t + kMinute);
  EXPECT_EQ(NextDue(JobSchedule::Interval(60), t), t + kMinute) << "strictly after";
  EXPECT_EQ(NextDue(JobSchedule::Daily(8, 0), t - 1), t);
  EXPECT_EQ(NextDue(JobSchedule::Daily(8, 0), t), t + 24 * 60 * kMinute);
  EXPECT_EQ(NextDue(JobSchedule::Daily(9, 30), t), t + 90 * kMinute);
  EXPECT_FALSE(NextDue(JobSchedule{}, t).has_value());
  // Monthly on the 1st at 02:00 China time: from any day of a month, the 1st of the next.
  auto monthly = NextDue(JobSchedule::Monthly(1, 2, 0), t);
  ASSERT_TRUE(monthly.has_value());
  EXPECT_EQ(FormatUtc(*monthly).substr(0, 16), "2026-11-30T18:00") << FormatUtc(*monthly);
  EXPECT_EQ(jobs::BackoffMillis(1), 30 * 1000);
  EXPECT_EQ(jobs::BackoffMillis(3), 120 * 1000);
  EXPECT_EQ(jobs::BackoffMillis(30), 3600 * 1000);
}

class JobRunnerTest : public DemoApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto& jobs = server().app().context().jobs;
    jobs.clear();  // only this test's kinds
    Define("test.count", JobSchedule{}, 3, [this](const AppContext&, const JobRun& run) {
      std::lock_guard lock(mutex_);
      ++runs_[run.id];
      return Status::Ok();
    });
    Define("test.flaky", JobSchedule{}, 3, [](const AppContext&, const JobRun&) {
      return Status::Unavailable("error.unavailable").WithDetail("relay down");
    });
    Define("test.payload", JobSchedule{}, 5, [](const AppContext&, const JobRun& run) -> Status {
      if (run.payload.find("\"n\"") == std::string::npos) return Status::Invalid("payload", "field.required");
      return Status::Ok();
    });
  }

  void Define(const std::string& kind, JobSchedule schedule, int attempts,
              std::function<Status(const AppContext&, const JobRun&)> run) {
    server().app().context().jobs[kind] = JobDefinition{kind, kind, schedule, attempts, 60, std::move(run)};
  }

  AppContext& ctx() { return server().app().context(); }
  int64_t Now() { return server().clock().NowMillis(); }

  void Enqueue(const std::string& kind, int64_t at, const std::string& payload = "{}") {
    auto r = ctx().db.Write([&](storage::Transaction& tx) { return jobs::EnqueueJob(tx, ctx(), kind, at, payload); });
    ASSERT_TRUE(r.ok()) << r.status().message();
  }

  std::vector<jobs::JobRow> Jobs(const std::string& status) {
    auto rows = ctx().db.Read([&](storage::Transaction& tx) { return jobs::ListJobs(tx, status, std::nullopt, 1000); });
    EXPECT_TRUE(rows.ok());
    return rows.ok() ? *rows : std::vector<jobs::JobRow>{};
  }

  std::mutex mutex_;
  std::map<int64_t, int> runs_;
  std::vector<int64_t> due_times_;
};

TEST_P(JobRunnerTest, DueJobsRunOnceAndRecurringKindsGetOneRowPerDueTime) {
  Define("test.minutely", JobSchedule::Interval(60), 3, [this](const AppContext&, const JobRun& run) {
    std::lock_guard lock(mutex_);
    due_times_.push_back(run.due_at);
    return Status::Ok();
  });
  jobs::JobRunner runner(ctx(), {});
  Enqueue("test.count", Now() + 5000);
  auto first = runner.RunDue();
  ASSERT_TRUE(first.ok()) << first.status().detail();
  EXPECT_EQ(first->scheduled, 1) << "the next minute of test.minutely";
  EXPECT_EQ(first->ran, 0) << "nothing is due yet";
  server().clock().Advance(61 * 1000);
  auto second = runner.RunDue();
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->ran, 2);
  EXPECT_EQ(runner.RunDue()->ran, 0) << "a done job never runs again";
  // Another runner (another instance) schedules the same due times: no second row.
  jobs::JobRunner other(ctx(), {});
  EXPECT_EQ(other.RunDue()->scheduled, 0);
  server().clock().Advance(60 * 1000);
  EXPECT_EQ(other.RunDue()->ran, 1);
  EXPECT_EQ(runner.RunDue()->ran, 0);
  ASSERT_EQ(due_times_.size(), 2u);
  EXPECT_EQ(due_times_[1] - due_times_[0], 60 * 1000);
  EXPECT_EQ(runs_.size(), 1u);
  EXPECT_EQ(runs_.begin()->second, 1);
}

// Every instance polls each second: a pass that finds nothing due must not expire the caches
// keyed on the write generation (storage::Transaction::ChangedNothing), here or, on PostgreSQL,
// on the other instances; a pass that runs a job is a write.
TEST_P(JobRunnerTest, APassWithNothingDueIsNoWrite) {
  Define("test.minutely", JobSchedule::Interval(60), 3, [](const AppContext&, const JobRun&) { return Status::Ok(); });
  jobs::JobRunner runner(ctx(), {});
  ASSERT_EQ(runner.RunDue()->scheduled, 1);
  const uint64_t idle = ctx().db.write_generation();
  for (int i = 0; i < 3; ++i) {
    auto pass = runner.RunDue();
    ASSERT_TRUE(pass.ok()) << pass.status().detail();
    EXPECT_EQ(pass->ran, 0);
  }
  jobs::JobRunner other(ctx(), {});
  EXPECT_EQ(other.RunDue()->scheduled, 0) << "the first runner made the row";
  EXPECT_EQ(ctx().db.write_generation(), idle) << "four passes with nothing due, one schedule already made";
  Enqueue("test.count", Now());
  const uint64_t enqueued = ctx().db.write_generation();
  EXPECT_GT(enqueued, idle);
  EXPECT_EQ(runner.RunDue()->ran, 1);
  EXPECT_GT(ctx().db.write_generation(), enqueued) << "claiming and completing a job are writes";
}

TEST_P(JobRunnerTest, FailuresRetryWithBackoffThenShowToAdmins) {
  jobs::JobRunner runner(ctx(), {});
  Enqueue("test.flaky", Now());
  for (int attempt = 1; attempt <= 3; ++attempt) {
    auto pass = runner.RunDue();
    ASSERT_TRUE(pass.ok());
    EXPECT_EQ(pass->ran, 1) << "attempt " << attempt;
    EXPECT_EQ(runner.RunDue()->ran, 0) << "waits for its back-off";
    server().clock().Advance(jobs::BackoffMillis(attempt) + 1);
  }
  auto failed = Jobs("failed");
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0].attempts, 3);
  EXPECT_NE(failed[0].last_error.value_or("").find("relay down"), std::string::npos);
  auto admin = LoggedIn("region-admin");
  auto listed = admin->Get("/api/v1/jobs?status=failed");
  ASSERT_EQ(listed.status, 200) << listed.body;
  ASSERT_EQ(listed.json()["items"].size(), 1u);
  EXPECT_EQ(listed.json()["items"][0]["kind"], "test.flaky");
  EXPECT_EQ(LoggedIn("karamay-admin")->Get("/api/v1/jobs").status, 403) << "only administrators of a whole tree";
  auto kinds = admin->Get("/api/v1/jobs/kinds");
  ASSERT_EQ(kinds.status, 200) << kinds.body;
  bool flaky_listed = false;
  const nlohmann::json kinds_body = kinds.json();
  for (const auto& k : kinds_body["items"]) {
    if (k["kind"] == "test.flaky") flaky_listed = k["failed"] == 1 && k["schedule"] == "on demand";
  }
  EXPECT_TRUE(flaky_listed) << kinds.body;
  EXPECT_EQ(LoggedIn("youth")->Get("/api/v1/jobs").status, 403);
  int64_t id = listed.json()["items"][0]["id"];
  auto retried = admin->Post("/api/v1/jobs/" + std::to_string(id) + "/retry", std::string());
  ASSERT_EQ(retried.status, 200) << retried.body;
  EXPECT_EQ(retried.json()["status"], "pending");
  EXPECT_EQ(admin->Post("/api/v1/jobs/" + std::to_string(id) + "/retry", std::string()).status, 409);
  EXPECT_EQ(runner.RunDue()->ran, 1);
}

TEST_P(JobRunnerTest, ABadPayloadFailsAtOnceAndTheRunnerGoesOn) {
  jobs::JobRunner runner(ctx(), {});
  Enqueue("test.payload", Now(), "{\"nope\": 1}");
  Enqueue("test.payload", Now(), "{\"n\": 1}");
  Enqueue("test.count", Now());
  auto pass = runner.RunDue();
  ASSERT_TRUE(pass.ok());
  EXPECT_EQ(pass->ran, 3);
  EXPECT_EQ(pass->failed, 1);
  auto failed = Jobs("failed");
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0].attempts, 1) << "bad input is not retried";
  EXPECT_EQ(Jobs("done").size(), 2u);
  // A kind no module declares fails the same way.
  auto r = ctx().db.Write([&](storage::Transaction& tx) {
    return jobs::InsertJob(tx, {"test.gone", std::nullopt, "{}", Now(), 5, 60000}, Now());
  });
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(runner.RunDue()->failed, 1);
  EXPECT_EQ(Jobs("failed").size(), 2u);
}

TEST_P(JobRunnerTest, AJobOfADeadRunnerIsTakenAgainWhenItsLeaseExpires) {
  Enqueue("test.count", Now());
  // A runner takes it and dies before recording anything.
  auto taken = ctx().db.Write([&](storage::Transaction& tx) { return jobs::ClaimJobs(tx, "dead-runner", Now(), 10); });
  ASSERT_TRUE(taken.ok());
  ASSERT_EQ(taken->size(), 1u);
  jobs::JobRunner runner(ctx(), {});
  EXPECT_EQ(runner.RunDue()->ran, 0) << "the lease still holds";
  server().clock().Advance(60 * 1000 + 1);
  EXPECT_EQ(runner.RunDue()->ran, 1);
  auto done = Jobs("done");
  ASSERT_EQ(done.size(), 1u);
  EXPECT_EQ(done[0].attempts, 2);
  // The dead runner cannot record over the new one.
  auto late =
      ctx().db.Write([&](storage::Transaction& tx) { return jobs::CompleteJob(tx, done[0].id, "dead-runner", Now()); });
  ASSERT_TRUE(late.ok());
  EXPECT_FALSE(*late);
}

// Two runners, each with its own database handle (as two server instances sharing one
// database), drain many due jobs at once: every job runs exactly once.
TEST_P(JobRunnerTest, TwoInstancesRunEachDueJobExactlyOnce) {
  constexpr int kJobs = 600;
  Status s = ctx().db.Write([&](storage::Transaction& tx) -> Status {
    for (int i = 0; i < kJobs; ++i) {
      TS_RETURN_IF_ERROR(jobs::EnqueueJob(tx, ctx(), "test.count", Now(), "{}").status());
    }
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok());
  auto other_db = server().OpenAnotherDatabase();
  AppContext other{*other_db, ctx().clock, ctx().hasher, ctx().audit, ctx().settings, ctx().organizations};
  other.jobs = ctx().jobs;
  jobs::JobRunner a(ctx(), {1000, 16, "instance-a"});
  jobs::JobRunner b(other, {1000, 16, "instance-b"});
  std::atomic<int> total{0};
  auto drain = [&](jobs::JobRunner& r) {
    while (true) {
      auto pass = r.RunDue();
      ASSERT_TRUE(pass.ok()) << pass.status().detail();
      if (pass->ran == 0) break;
      total += pass->ran;
    }
  };
  auto start = std::chrono::steady_clock::now();
  std::thread ta([&] { drain(a); });
  std::thread tb([&] { drain(b); });
  ta.join();
  tb.join();
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(total.load(), kJobs);
  std::lock_guard lock(mutex_);
  EXPECT_EQ(runs_.size(), static_cast<size_t>(kJobs));
  for (const auto& [id, n] : runs_) EXPECT_EQ(n, 1) << "job " << id;
  EXPECT_EQ(Jobs("done").size(), static_cast<size_t>(kJobs));
  std::printf("[ measure ] two runners drained %d jobs in %.3f s: %.0f jobs/s (%s)\n", kJobs, seconds, kJobs / seconds,
              GetParam() == storage::Dialect::kPostgres ? "PostgreSQL" : "SQLite");
}

TS_INSTANTIATE_FOR_DATABASES(JobRunnerTest);

}  // namespace
}  // namespace tianshan::testing
