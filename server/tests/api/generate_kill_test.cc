// Kill test of `tianshan generate` (issue 15, item 4). The command writes a benchmark network in
// many commits; it is SIGKILLed at several moments of a run (right after the organizations and
// after the people are written, and at moments spread over the time a whole run takes). After
// each kill the database is either whole (`verify-counters` clean, `serve` serves) or refused by
// both `verify-counters` and `serve` with exit status 4 and a message naming the interrupted
// generate, never served half loaded; and in both cases every secondary index of the schema is
// there (the ones generate drops while loading come back with the next migration). On both
// databases; the seed of the kill moments is printed (TIANSHAN_FAULT_SEED replays them).

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <random>
#include <thread>

#include "testing/child_server.h"
#include "testing/test_database.h"

namespace tianshan::testing {
namespace {

using Clock = std::chrono::steady_clock;
constexpr const char* kScale = "1000";  // 1,000 organizations, 50,000 people
constexpr const char* kRefusal = "holds an unfinished `tianshan generate` (started ";

std::string FileText(const std::string& path) {
  std::ifstream in(path);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// When to kill a run: once its progress output shows `after_output`, else `after` into the run.
struct KillPoint {
  std::string after_output;
  Clock::duration after{};
};

class GenerateKillTest : public ::testing::TestWithParam<storage::Dialect> {
 protected:
  // A fresh database; null after a skip or a fatal failure.
  std::unique_ptr<TestDatabase> Fresh() {
    std::unique_ptr<TestDatabase> d;
    CreateChildTestDatabase(GetParam(), d);
    if (d) d->TakeDb().reset();  // the child processes use it alone
    return d;
  }

  // Runs generate on `d` and SIGKILLs it at `at` (never when `at` is null). True when the run
  // ended by itself with status 0; false when killed.
  bool Generate(TestDatabase& d, const KillPoint* at, Clock::duration* took = nullptr) {
    const std::string log = ::testing::TempDir() + "generate_kill_" + std::to_string(getpid()) + ".log";
    const auto start = Clock::now();
    pid_t child =
        StartProcess({std::getenv("TIANSHAN_BIN"), "--db", d.url(), "--quiet", "generate", "--scale", kScale}, {}, log);
    int status = 0;
    for (;;) {
      if (waitpid(child, &status, WNOHANG) == child) break;
      const bool due =
          at != nullptr && (at->after_output.empty() ? Clock::now() - start >= at->after
                                                     : FileText(log).find(at->after_output) != std::string::npos);
      if (due) {
        kill(child, SIGKILL);
        waitpid(child, &status, 0);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    if (took) *took = Clock::now() - start;
    const bool finished = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    EXPECT_TRUE(finished || WIFSIGNALED(status)) << EndedSaying(status, log);
    std::remove(log.c_str());
    return finished;
  }

  // The names of the schema's secondary indexes and the saved definitions not yet restored.
  std::vector<std::string> Indexes(TestDatabase& d) {
    auto db = d.OpenAnother(1);
    auto r = db->Read([](storage::Transaction& tx) -> Result<std::vector<std::string>> {
      TS_ASSIGN_OR_RETURN(
          auto rows, tx.Query(tx.dialect() == storage::Dialect::kPostgres
                                  ? "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() "
                                    "UNION ALL SELECT 'deferred:' || name FROM storage_deferred_indexes ORDER BY 1"
                                  : "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL UNION "
                                    "ALL SELECT 'deferred:' || name FROM storage_deferred_indexes ORDER BY 1"));
      std::vector<std::string> names;
      for (const auto& row : rows) names.push_back(row.Text(0));
      return names;
    });
    EXPECT_TRUE(r.ok()) << r.status().detail();
    return r.ok() ? *r : std::vector<std::string>{};
  }

  // `serve` on `d`: 0 when it answered /health (then stopped), else its exit status, with its
  // standard error in `said`.
  int Serve(TestDatabase& d, std::string* said) {
    const std::string log = ::testing::TempDir() + "generate_kill_serve_" + std::to_string(getpid()) + ".log";
    const uint16_t port = FreePort();
    pid_t child = StartServerProcess(std::getenv("TIANSHAN_BIN"), d.url(), port, {}, {}, log);
    int status = 0;
    for (int i = 0; i < 400; ++i) {
      if (waitpid(child, &status, WNOHANG) == child) {
        *said = FileText(log);
        std::remove(log.c_str());
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      if (HttpClient("http://127.0.0.1:" + std::to_string(port)).Get("/api/v1/health").status == 200) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    kill(child, SIGTERM);
    waitpid(child, &status, 0);
    *said = FileText(log);
    std::remove(log.c_str());
    return 0;
  }
};

TEST_P(GenerateKillTest, AKilledRunIsRefusedOrWholeAndKeepsItsIndexes) {
  // A whole run: the reference indexes and the time a run takes here.
  auto reference = Fresh();
  if (!reference) return;
  Clock::duration whole{};
  ASSERT_TRUE(Generate(*reference, nullptr, &whole));
  ASSERT_EQ(VerifyCounters(reference->url()), "");
  const std::vector<std::string> indexes = Indexes(*reference);
  ASSERT_GT(indexes.size(), 10u);

  std::vector<KillPoint> points = {{"organizations:", {}}, {"people:", {}}};
  std::mt19937 rng(FaultSeed() + static_cast<uint32_t>(GetParam()));
  for (double f : {0.05, 0.2, 0.35, 0.5, 0.7}) {
    const double jitter = std::uniform_real_distribution<double>(-0.05, 0.05)(rng);
    points.push_back({"", std::chrono::duration_cast<Clock::duration>(whole * (f + jitter))});
  }
  int refused = 0;
  int served = 0;
  for (size_t cycle = 0; cycle < points.size(); ++cycle) {
    SCOPED_TRACE("kill point " + std::to_string(cycle));
    auto d = Fresh();
    ASSERT_TRUE(d);
    const bool finished = Generate(*d, &points[cycle]);
    const std::string verified = VerifyCounters(d->url());  // migrates first: restores the indexes
    std::string said;
    const int serve_status = Serve(*d, &said);
    if (verified.empty()) {
      EXPECT_EQ(serve_status, 0) << "a whole database is served: " << said;
      ++served;
    } else {
      EXPECT_FALSE(finished) << "a finished run must be whole: " << verified;
      EXPECT_EQ(verified.rfind("exit 4: ", 0), 0u) << verified;
      EXPECT_NE(verified.find(kRefusal), std::string::npos) << verified;
      EXPECT_EQ(serve_status, 4) << said;
      EXPECT_NE(said.find(kRefusal), std::string::npos) << said;
      ++refused;
    }
    EXPECT_EQ(Indexes(*d), indexes);
  }
  std::printf("[ fault    ] generate on %s: %zu kill cycles, %d refused as unfinished, %d whole (seed %u)\n",
              GetParam() == storage::Dialect::kSqlite ? "SQLite" : "PostgreSQL", points.size(), refused, served,
              FaultSeed());
  EXPECT_GE(refused, 3) << "most kill points fall inside the run";
}

TS_INSTANTIATE_FOR_DATABASES(GenerateKillTest);

}  // namespace
}  // namespace tianshan::testing
