// Two server instances on one PostgreSQL database (as behind a load balancer): a logout on one
// is refused on the other, and /stats on one reflects a write on the other — through
// LISTEN/NOTIFY, not by waiting for caches to expire (the test clock stands still, so without
// the notifications the cached answers would live for ever).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <iostream>

#include "auth/session_store.h"
#include "testing/demo_api_test.h"

namespace tianshan::testing {
namespace {

using Clock = std::chrono::steady_clock;

class InstancesApiTest : public DemoApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    AppConfig config = server().app().config();
    config.port = 0;
    auto b = App::Create(config, server().OpenAnotherDatabase(), &server().clock());
    ASSERT_TRUE(b.ok()) << b.status().detail();
    b_ = std::move(b).value();
    Status started = b_->StartServer();
    ASSERT_TRUE(started.ok()) << started.detail();
  }
  void TearDown() override {
    if (b_) b_->StopServer();
    b_.reset();
    ApiTest::TearDown();
  }
  std::string BaseUrlOfB() const { return "http://127.0.0.1:" + std::to_string(b_->port()); }

  // A session of a demo account, written straight into the shared database (so that neither
  // instance has it cached yet).
  auth::NewSession SessionOf(const std::string& login) {
    auto& db = server().app().db();
    auto session = db.Write([&](storage::Transaction& tx) -> Result<auth::NewSession> {
      TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT id FROM auth_accounts WHERE login = ?", {login}));
      if (!row) return Status::NotFound("error.not_found");
      return auth::SessionStore::Create(tx, row->Int(0), server().clock().NowMillis(), auth::SessionPolicy{});
    });
    EXPECT_TRUE(session.ok());
    return session.ok() ? *session : auth::NewSession{};
  }
  static std::map<std::string, std::string> CookieOf(const auth::NewSession& s) {
    return {{"Cookie", "tianshan_session=" + s.token}};
  }

  std::unique_ptr<App> b_;
};

TEST_P(InstancesApiTest, ALogoutOnOneInstanceIsRefusedOnTheOther) {
  constexpr int kRounds = 15;
  std::vector<double> delays_ms;
  for (int round = 0; round < kRounds; ++round) {
    auth::NewSession s = SessionOf("region-admin");
    HttpClient a(server().base_url());
    HttpClient b(BaseUrlOfB());
    ASSERT_EQ(b.Get("/api/v1/session", CookieOf(s)).status, 200);
    ASSERT_EQ(b.Get("/api/v1/session", CookieOf(s)).status, 200) << "now cached on B";
    a.set_csrf_token(s.csrf_token);
    ASSERT_EQ(a.Send("DELETE", "/api/v1/session", "", CookieOf(s)).status, 204);
    const auto logged_out = Clock::now();
    long status = 200;
    while (status == 200 && Clock::now() - logged_out < std::chrono::seconds(5)) {
      status = b.Get("/api/v1/session", CookieOf(s)).status;
    }
    ASSERT_EQ(status, 401) << "B refuses the session while its cached copy is still fresh";
    delays_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - logged_out).count());
    EXPECT_EQ(a.Get("/api/v1/session", CookieOf(s)).status, 401);
  }
  std::sort(delays_ms.begin(), delays_ms.end());
  // A measurement to report, not an assertion on time (the machine is shared).
  std::cout << "[ instances ] logout on A refused on B after: median " << delays_ms[kRounds / 2] << " ms, max "
            << delays_ms.back() << " ms over " << kRounds << " logouts\n";
  RecordProperty("logout_delay_median_ms", std::to_string(delays_ms[kRounds / 2]));
}

TEST_P(InstancesApiTest, StatsOnOneInstanceReflectAWriteOnTheOther) {
  auto a = LoggedIn("region-admin");
  HttpClient b(BaseUrlOfB());
  const auto cookie = CookieOf(SessionOf("region-admin"));
  auto find = [&](const char* encoded_query, const std::string& name) -> int64_t {
    auto page = a->Get(std::string("/api/v1/organizations/search?q=") + encoded_query).json();
    for (const auto& item : page["items"]) {
      if (item["name"] == name) return item["id"].get<int64_t>();
    }
    return 0;
  };
  // Percent-encoded UTF-8: 克拉玛依 / 天山街道.
  const int64_t city = find("%E5%85%8B%E6%8B%89%E7%8E%9B%E4%BE%9D", "克拉玛依市团委");
  const int64_t street = find("%E5%A4%A9%E5%B1%B1%E8%A1%97%E9%81%93", "天山街道团工委");
  ASSERT_GT(city, 0);
  ASSERT_GT(street, 0);
  const std::string stats = "/api/v1/organizations/" + std::to_string(city) + "/stats";
  auto count = [&]() { return b.Get(stats, cookie).json()["subtree"]["organizations"].get<int64_t>(); };
  const int64_t before = count();
  ASSERT_EQ(count(), before) << "cached on B";

  nlohmann::json body = {{"parent_id", street},       {"name", "银河社区团支部"}, {"kind", "branch"},
                         {"setting", "community"},    {"region_code", "650203"},  {"contact_phone", "0990-6888888"},
                         {"founded_on", "2016-07-17"}};
  ASSERT_EQ(a->Post("/api/v1/organizations", body).status, 201);
  const auto written = Clock::now();
  int64_t after = before;
  while (after == before && Clock::now() - written < std::chrono::seconds(5)) after = count();
  EXPECT_EQ(after, before + 1) << "B's cached /stats was dropped when A's write was announced";
}

INSTANTIATE_TEST_SUITE_P(Db, InstancesApiTest, ::testing::Values(storage::Dialect::kPostgres), DialectName);

}  // namespace
}  // namespace tianshan::testing
