// Crash test: a real `tianshan serve` child process acknowledges writes (logins: a session row
// and an audit entry each) from several client threads; it is killed with SIGKILL in the middle
// of the stream; after a restart every acknowledged session still works. On both databases.

#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <mutex>
#include <thread>

#include "app/app.h"
#include "core/log.h"
#include "modules/accounts/public/create_account.h"
#include "testing/child_server.h"
#include "testing/test_server.h"

namespace tianshan::testing {
namespace {

class CrashTest : public ::testing::TestWithParam<storage::Dialect> {};

TEST_P(CrashTest, AcknowledgedWritesSurviveSigkill) {
  std::unique_ptr<TestDatabase> database;
  CreateChildTestDatabase(GetParam(), database);
  if (!database) return;
  const char* bin = std::getenv("TIANSHAN_BIN");
  {
    InitLogging(true);
    AppConfig config;
    config.password_cost = "fast";
    auto app = App::Create(config, database->TakeDb());
    ASSERT_TRUE(app.ok());
    ASSERT_TRUE((*app)->Migrate().ok());
    auth::NewAccount account{"writer", std::nullopt, "writer", "password-123", std::nullopt, {}, false};
    ASSERT_TRUE(auth::CreateAccount((*app)->context(), account, std::nullopt).ok());
  }

  // The server runs without its abuse limits (one client address, four writers as fast as they
  // can): every login is then either acknowledged or lost with the kill, never refused with 429.
  const auto env = WithoutAbuseLimits();
  const uint16_t port = FreePort();
  pid_t child = StartServerProcess(bin, database->url(), port, env);
  KillChildOnExit guard(child);
  ASSERT_TRUE(WaitHealthy(port)) << "server did not start";

  std::mutex mutex;
  std::vector<std::string> acknowledged;
  std::map<long, int> refused;  // HTTP answers other than 200 before the kill, by status
  std::atomic<bool> stop{false};
  std::atomic<bool> killed{false};
  std::vector<std::thread> writers;
  for (int t = 0; t < 4; ++t) {
    writers.emplace_back([&] {
      while (!stop) {
        HttpClient c("http://127.0.0.1:" + std::to_string(port));
        auto r = c.Login("writer", "password-123");
        std::lock_guard lock(mutex);
        if (r.status == 200) {
          acknowledged.push_back(SessionToken(r));
        } else if (!killed && r.status > 0) {  // an HTTP answer, not a transport failure
          ++refused[r.status];
        }
      }
    });
  }
  // The kill comes mid-stream, once enough writes are acknowledged (at least 1.5 s in, at most
  // 60 s: a loaded machine answers slowly, which must not leave too few writes to check).
  const auto started = std::chrono::steady_clock::now();
  auto acknowledged_count = [&] {
    std::lock_guard lock(mutex);
    return acknowledged.size();
  };
  do {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  } while (std::chrono::steady_clock::now() - started < std::chrono::milliseconds(1500) ||
           (acknowledged_count() < 100 && std::chrono::steady_clock::now() - started < std::chrono::seconds(60)));
  killed = true;
  ASSERT_EQ(kill(child, SIGKILL), 0);
  int status = 0;
  waitpid(child, &status, 0);
  stop = true;
  for (auto& w : writers) w.join();
  std::string refusals;
  for (const auto& [code, n] : refused) refusals += " " + std::to_string(n) + "× " + std::to_string(code);
  EXPECT_TRUE(refused.empty()) << "logins refused before the kill:" << refusals;
  ASSERT_GT(acknowledged.size(), 20u) << "too few writes to test anything; refused before the kill:" << refusals;

  // The restarted server's standard error is kept: if it dies (a sanitizer's report), the
  // failure says so instead of counting sessions as lost.
  const std::string stderr_path = ::testing::TempDir() + "crash_test_server_" + std::to_string(getpid()) + ".log";
  child = StartServerProcess(bin, database->url(), port, env, {}, stderr_path);
  ASSERT_TRUE(WaitHealthy(port)) << "server did not restart. " << DiedSaying(child, stderr_path);
  size_t lost = 0;
  for (const auto& token : acknowledged) {
    HttpClient c("http://127.0.0.1:" + std::to_string(port));
    auto r = c.Get("/api/v1/session", {{"Cookie", "tianshan_session=" + token}});
    if (r.status != 200) {
      const std::string died = DiedSaying(child, stderr_path);
      ASSERT_TRUE(died.empty()) << died;
      ++lost;
      if (lost < 4) ADD_FAILURE() << "lost: " << r.status << " " << r.body.substr(0, 300);
    }
  }
  const std::string died = DiedSaying(child, stderr_path);
  EXPECT_TRUE(died.empty()) << died;
  if (died.empty()) {
    kill(child, SIGTERM);
    waitpid(child, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << EndedSaying(status, stderr_path);
  }
  std::remove(stderr_path.c_str());
  EXPECT_EQ(lost, 0u) << "of " << acknowledged.size() << " acknowledged logins";
}

INSTANTIATE_TEST_SUITE_P(Db, CrashTest, ::testing::Values(storage::Dialect::kSqlite, storage::Dialect::kPostgres),
                         DialectName);

}  // namespace
}  // namespace tianshan::testing
