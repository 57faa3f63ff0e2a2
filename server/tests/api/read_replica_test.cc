// A read replica (ADR 0007): a server instance B with --db-replica pointing at a real streaming
// replica of the test PostgreSQL (scripts/pg-replica.sh: pg_basebackup -R, hot standby). With
// the replica's replay paused, a write on the primary is invisible to another session's list
// read (served by the replica) and visible to the writing session (read-your-writes, for the
// window only); once the replica is stopped, the same read falls back to the primary and
// /metrics counts it. SQLite refuses a replica.
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "testing/demo_api_test.h"

namespace tianshan::testing {
namespace {

using Clock = std::chrono::steady_clock;
constexpr int64_t kWindowMillis = 3000;  // read-your-writes, short so that the test can outwait it

// The first value of the first row of `sql`, or "" (with the error) when it fails.
std::string PgValue(const std::string& url, const std::string& sql, std::string* error = nullptr) {
  PGconn* conn = PQconnectdb(url.c_str());
  std::string out;
  if (PQstatus(conn) == CONNECTION_OK) {
    PGresult* r = PQexec(conn, sql.c_str());
    if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0) out = PQgetvalue(r, 0, 0);
    if (error && PQresultStatus(r) != PGRES_TUPLES_OK) *error = PQerrorMessage(conn);
    PQclear(r);
  } else if (error) {
    *error = PQerrorMessage(conn);
  }
  PQfinish(conn);
  return out;
}

std::string Shell(const std::string& cmd, int* rc) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) {
    *rc = -1;
    return out;
  }
  char buf[512];
  while (fgets(buf, sizeof buf, p)) out += buf;
  *rc = pclose(p);
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

int64_t Metric(HttpClient& c, const std::string& name) {
  const std::string body = c.Get("/metrics").body;
  const auto at = body.find("\n" + name + " ");
  return at == std::string::npos ? -1 : std::stoll(body.substr(at + name.size() + 2));
}

class ReadReplicaApiTest : public DemoApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    primary_ = std::getenv("TIANSHAN_TEST_POSTGRES_URL");
    char tmpl[] = "/tmp/tianshan-replica.XXXXXX";
    dir_ = mkdtemp(tmpl);
    int rc = 0;
    const std::string out = Shell(
        std::string(TIANSHAN_SOURCE_DIR) + "/scripts/pg-replica.sh start '" + primary_ + "' " + dir_ + " 2>&1", &rc);
    ASSERT_EQ(rc, 0) << "cannot start a replica: " << out;
    const std::string base = out.substr(out.rfind('\n') + 1);  // the URL is the last line
    auto schema = server().app().db().Read([](storage::Transaction& tx) -> Result<std::string> {
      TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT current_schema() AS s"));
      return row->Text("s");
    });
    ASSERT_TRUE(schema.ok());
    replica_ = base;
    AppConfig config = server().app().config();
    config.port = 0;
    config.db_replica_url = base + "?options=-csearch_path%3D" + *schema;
    config.read_your_writes_millis = kWindowMillis;
    auto b = App::Create(config, server().OpenAnotherDatabase(), &server().clock());
    ASSERT_TRUE(b.ok()) << b.status().detail();
    b_ = std::move(b).value();
    Status started = b_->StartServer();
    ASSERT_TRUE(started.ok()) << started.detail();
  }
  void TearDown() override {
    if (b_) b_->StopServer();
    b_.reset();
    if (!dir_.empty()) {
      StopReplica();
      std::error_code ec;
      std::filesystem::remove_all(dir_, ec);
    }
    ApiTest::TearDown();
  }
  void StopReplica() {
    int rc = 0;
    Shell(std::string(TIANSHAN_SOURCE_DIR) + "/scripts/pg-replica.sh stop " + dir_ + " 2>&1", &rc);
  }
  // Waits until the replica has replayed everything the primary has written so far.
  void WaitCaughtUp() {
    const std::string lsn = PgValue(primary_, "SELECT pg_current_wal_lsn()::text");
    ASSERT_FALSE(lsn.empty());
    const auto start = Clock::now();
    while (PgValue(replica_, "SELECT (pg_last_wal_replay_lsn() >= '" + lsn + "'::pg_lsn)::text") != "true") {
      ASSERT_LT(Clock::now() - start, std::chrono::seconds(30)) << "the replica never caught up";
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  void PauseReplay() {
    std::string error;
    PgValue(replica_, "SELECT pg_wal_replay_pause()::text", &error);
    ASSERT_EQ(error, "");
  }
  std::unique_ptr<HttpClient> OnB(const std::string& login) {
    auto c = std::make_unique<HttpClient>(BaseUrlOfB());
    EXPECT_EQ(c->Login(login, "tianshan-demo").status, 200);
    return c;
  }
  std::string BaseUrlOfB() const { return "http://127.0.0.1:" + std::to_string(b_->port()); }
  // Percent-encoded UTF-8 of 银河 (the branch the writer creates) and 天山街道 (its parent).
  static constexpr const char* kYinhe = "/api/v1/organizations/search?q=%E9%93%B6%E6%B2%B3";
  static constexpr const char* kTianshanStreet = "/api/v1/organizations/search?q=%E5%A4%A9%E5%B1%B1%E8%A1%97%E9%81%93";
  static size_t Found(const HttpResult& r) {
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.json()["items"].size() : 0;
  }
  static nlohmann::json NewBranch(int64_t parent) {
    return {{"parent_id", parent},    {"name", "银河社区团支部"}, {"kind", "branch"},
            {"setting", "community"}, {"region_code", "650203"},  {"founded_on", "2016-07-17"}};
  }
  static std::string SessionToken(const HttpResult& login) {
    const std::string c = login.header("set-cookie");  // the session cookie comes last
    const std::string prefix = "tianshan_session=";
    return c.rfind(prefix, 0) == 0 ? c.substr(prefix.size(), c.find(';') - prefix.size()) : "";
  }

  std::string primary_, replica_, dir_;
  std::unique_ptr<App> b_;
};

TEST_P(ReadReplicaApiTest, AnotherSessionReadsTheReplicaTheWriterReadsItsWritesForTheWindow) {
  auto reader = OnB("region-admin");
  HttpClient writer(BaseUrlOfB());
  auto login = writer.Login("karamay-admin", "tianshan-demo");
  ASSERT_EQ(login.status, 200);
  const std::string token = SessionToken(login);
  ASSERT_FALSE(token.empty());
  const std::string third = SessionToken(HttpClient(BaseUrlOfB()).Login("region-admin", "tianshan-demo"));
  ASSERT_FALSE(third.empty());
  const auto street = reader->Get(kTianshanStreet).json()["items"];
  ASSERT_EQ(street.size(), 1u);
  // The logins' own read-your-writes windows pass; the replica has everything so far.
  std::this_thread::sleep_for(std::chrono::milliseconds(kWindowMillis + 100));
  WaitCaughtUp();
  PauseReplay();
  const int64_t replica_reads = Metric(*reader, "tianshan_db_replica_reads_total");
  ASSERT_GE(replica_reads, 0) << "/metrics shows the replica";

  ASSERT_EQ(writer.Post("/api/v1/organizations", NewBranch(street[0]["id"].get<int64_t>())).status, 201);
  EXPECT_EQ(Found(reader->Get(kYinhe)), 0u) << "another session's list is read from the paused replica";
  EXPECT_GT(Metric(*reader, "tianshan_db_replica_reads_total"), replica_reads);
  EXPECT_EQ(Found(writer.Get(kYinhe)), 1u) << "the writer reads its own write (its tianshan_ryw cookie)";
  HttpClient same_session(BaseUrlOfB());
  const std::map<std::string, std::string> session_only = {{"Cookie", "tianshan_session=" + token}};
  EXPECT_EQ(Found(same_session.Get(kYinhe, session_only)), 1u)
      << "the writer's session reads the primary without the cookie too (the instance remembers it)";
  HttpClient hinted(BaseUrlOfB());
  const int64_t now_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
          .count();
  auto with_hint = [&](int64_t until) {
    return std::map<std::string, std::string>{
        {"Cookie", "tianshan_session=" + third + "; tianshan_ryw=" + std::to_string(until)}};
  };
  EXPECT_EQ(Found(hinted.Get(kYinhe, with_hint(now_ms + 60000))), 1u)
      << "a tianshan_ryw cookie (as another instance sets it) sends another session's reads to the primary";
  EXPECT_EQ(Found(hinted.Get(kYinhe, with_hint(now_ms - 1))), 0u) << "an expired one does not";

  std::this_thread::sleep_for(std::chrono::milliseconds(2 * kWindowMillis));
  EXPECT_EQ(Found(writer.Get(kYinhe)), 0u) << "after the window the writer reads the (still paused) replica again";
  EXPECT_EQ(Found(same_session.Get(kYinhe, session_only)), 0u);
}

TEST_P(ReadReplicaApiTest, AStoppedReplicaFallsBackToThePrimaryAndIsCounted) {
  auto reader = OnB("region-admin");
  auto writer = OnB("karamay-admin");
  const auto street = reader->Get(kTianshanStreet).json()["items"];
  ASSERT_EQ(street.size(), 1u);
  std::this_thread::sleep_for(std::chrono::milliseconds(kWindowMillis + 100));
  WaitCaughtUp();
  PauseReplay();
  ASSERT_EQ(writer->Post("/api/v1/organizations", NewBranch(street[0]["id"].get<int64_t>())).status, 201);
  ASSERT_EQ(Found(reader->Get(kYinhe)), 0u) << "served by the paused replica";
  EXPECT_EQ(Metric(*reader, "tianshan_db_replica_fallbacks_total"), 0);
  EXPECT_EQ(Metric(*reader, "tianshan_db_replica_up"), 1);

  StopReplica();
  EXPECT_EQ(Found(reader->Get(kYinhe)), 1u) << "with the replica gone the read runs on the primary";
  EXPECT_EQ(Found(reader->Get(kYinhe)), 1u) << "and again while the replica is marked down";
  EXPECT_GE(Metric(*reader, "tianshan_db_replica_fallbacks_total"), 2);
  EXPECT_EQ(Metric(*reader, "tianshan_db_replica_up"), 0);
  EXPECT_EQ(reader->Get("/api/v1/organizations/" + std::to_string(street[0]["id"].get<int64_t>())).status, 200);
}

TEST_P(ReadReplicaApiTest, AReplicaUrlThatIsNotPostgresIsRefused) {
  AppConfig config = server().app().config();
  config.db_replica_url = "sqlite:/tmp/replica.db";
  auto app = App::Create(config, server().OpenAnotherDatabase(), &server().clock());
  ASSERT_FALSE(app.ok());
  EXPECT_EQ(app.status().code(), StatusCode::kInvalid);
  EXPECT_NE(app.status().detail().find("postgresql://"), std::string::npos) << app.status().detail();
}

INSTANTIATE_TEST_SUITE_P(Db, ReadReplicaApiTest, ::testing::Values(storage::Dialect::kPostgres), DialectName);

TEST(ReadReplicaSqliteTest, SqliteRefusesAReplicaWithAClearMessage) {
  std::string why;
  auto sqlite = TestDatabase::Create(storage::Dialect::kSqlite, &why);
  ASSERT_TRUE(sqlite) << why;
  AppConfig config;
  config.db_url = sqlite->url();
  config.db_replica_url = "postgresql://postgres@127.0.0.1:1/postgres";
  config.password_cost = "fast";
  auto app = App::Create(config, sqlite->TakeDb());
  ASSERT_FALSE(app.ok());
  EXPECT_EQ(app.status().code(), StatusCode::kInvalid);
  EXPECT_NE(app.status().detail().find("needs a PostgreSQL database"), std::string::npos) << app.status().detail();
}

}  // namespace
}  // namespace tianshan::testing
