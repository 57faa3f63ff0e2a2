// Crash test of the job runner: a real `tianshan serve` runs a job whose first attempt hangs; the
// process is killed with SIGKILL while the job runs; a restarted server takes the job again once
// its lease (2 s) expires and finishes it. On both databases.

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <thread>

#include "app/app.h"
#include "core/log.h"
#include "modules/jobs/job_repository.h"
#include "testing/child_server.h"
#include "testing/test_database.h"

namespace tianshan::testing {
namespace {

class JobsCrashTest : public ::testing::TestWithParam<storage::Dialect> {};

std::optional<jobs::JobRow> Job(storage::Database& db, int64_t id) {
  auto r = db.Read([&](storage::Transaction& tx) { return jobs::FindJob(tx, id); });
  return r.ok() ? *r : std::nullopt;
}

bool WaitForStatus(storage::Database& db, int64_t id, const std::string& status, std::chrono::seconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    auto j = Job(db, id);
    if (j && j->status == status) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

TEST_P(JobsCrashTest, AJobKilledMidRunIsRetriedAfterItsLease) {
  std::unique_ptr<TestDatabase> database;
  CreateChildTestDatabase(GetParam(), database);
  if (!database) return;
  const char* bin = std::getenv("TIANSHAN_BIN");
  InitLogging(true);
  const std::vector<std::pair<std::string, std::string>> env = {{"TIANSHAN_TEST_JOBS", "1"}};
  const std::vector<std::string> args = {"--jobs-poll-ms", "100"};
  const uint16_t port = FreePort();
  pid_t child = StartServerProcess(bin, database->url(), port, env, args);
  KillChildOnExit guard(child);
  ASSERT_TRUE(WaitHealthy(port)) << "server did not start";  // it has migrated

  auto db = database->OpenAnother(2);
  auto inserted = db->Write([](storage::Transaction& tx) -> Result<int64_t> {
    TS_RETURN_IF_ERROR(jobs::InsertJob(tx, {"jobs.test_hang_once", std::nullopt, "{}", 0, 5, 2000}, 0).status());
    TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT MAX(id) FROM jobs_jobs"));
    return row->Int(0);
  });
  ASSERT_TRUE(inserted.ok()) << inserted.status().detail();
  const int64_t id = *inserted;
  ASSERT_TRUE(WaitForStatus(*db, id, "running", std::chrono::seconds(10))) << "the runner did not take it";

  ASSERT_EQ(kill(child, SIGKILL), 0);
  int status = 0;
  waitpid(child, &status, 0);
  auto killed = Job(*db, id);
  ASSERT_TRUE(killed);
  EXPECT_EQ(killed->status, "running") << "left running by the dead process";
  EXPECT_EQ(killed->attempts, 1);

  // The restarted server's standard error is kept, so a failure says why it died, if it did.
  const std::string stderr_path = ::testing::TempDir() + "jobs_crash_test_server_" + std::to_string(getpid()) + ".log";
  child = StartServerProcess(bin, database->url(), port, env, args, stderr_path);
  ASSERT_TRUE(WaitHealthy(port)) << "server did not restart. " << DiedSaying(child, stderr_path);
  const bool done = WaitForStatus(*db, id, "done", std::chrono::seconds(20));
  const std::string died = DiedSaying(child, stderr_path);
  if (died.empty()) {
    kill(child, SIGTERM);
    waitpid(child, &status, 0);
  }
  std::remove(stderr_path.c_str());
  ASSERT_TRUE(died.empty()) << died;
  ASSERT_TRUE(done) << "the restarted server did not finish it";
  auto finished = Job(*db, id);
  EXPECT_EQ(finished->attempts, 2) << "taken again once, after the lease expired";
}

INSTANTIATE_TEST_SUITE_P(Db, JobsCrashTest, ::testing::Values(storage::Dialect::kSqlite, storage::Dialect::kPostgres),
                         DialectName);

}  // namespace
}  // namespace tianshan::testing
