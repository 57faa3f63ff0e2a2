#include "testing/test_server.h"

#include "core/log.h"
#include "modules/accounts/public/create_account.h"

namespace tianshan::testing {

std::unique_ptr<TestServer> TestServer::Start(storage::Dialect dialect, const TestServerOptions& options,
                                              std::string* why) {
  std::unique_ptr<TestServer> t(new TestServer);
  InitLogging(/*quiet=*/true);
  t->database_ = TestDatabase::Create(dialect, why);
  if (!t->database_) return nullptr;
  AppConfig config;
  config.db_url = t->database_->url();
  config.port = 0;
  config.web_dir = "";
  config.io_threads = 4;
  config.password_cost = "fast";
  config.max_body_bytes = options.max_body_bytes;
  config.quiet = true;
  // The tests send many writes from one address at machine speed: rate and connection limits
  // off (0), except where AbuseLimitsTest turns them on in an instance of its own.
  config.rate_ip_per_second = 0;
  config.rate_account_per_second = 0;
  config.max_connections_per_ip = 0;  // the race tests open hundreds of connections at once
  if (!options.production_session_timeouts) {
    config.session_idle_millis = 12LL * 3600 * 1000;
    config.session_max_millis = 7LL * 24 * 3600 * 1000;
  }
  config.smtp_url = options.smtp_url;
  config.public_url = options.public_url;
  auto app = App::Create(config, t->database_->TakeDb(), &t->clock_);
  if (!app.ok()) {
    *why = "App::Create: " + app.status().detail();
    return nullptr;
  }
  t->app_ = std::move(app).value();
  auto migrated = t->app_->Migrate();
  if (!migrated.ok()) {
    *why = "migrate: " + migrated.status().detail();
    return nullptr;
  }
  if (options.demo) {
    Status s = t->app_->LoadDemo();
    if (!s.ok()) {
      *why = "demo: " + s.message() + " " + s.detail();
      return nullptr;
    }
  }
  Status started = t->app_->StartServer();
  if (!started.ok()) {
    *why = "start: " + started.detail();
    return nullptr;
  }
  return t;
}

TestServer::~TestServer() {
  if (app_) app_->StopServer();
  app_.reset();
}

std::string TestServer::base_url() const { return "http://127.0.0.1:" + std::to_string(app_->port()); }

int64_t TestServer::CreateAccount(const std::string& login, const std::vector<std::pair<int64_t, auth::Role>>& grants,
                                  std::optional<int64_t> person_id) {
  auth::NewAccount account{login, std::nullopt, login, "password-123", person_id, grants, false};
  auto id = auth::CreateAccount(app_->context(), account, std::nullopt);
  return id.ok() ? *id : -1;
}

void ApiTest::SetUp() {
  std::string why;
  server_ = TestServer::Start(GetParam(), Options(), &why);
  if (!server_) {
    const char* require = std::getenv("TIANSHAN_REQUIRE_POSTGRES");
    if (GetParam() == storage::Dialect::kPostgres && (require == nullptr || std::string(require) != "1") &&
        why.find("TIANSHAN_TEST_POSTGRES_URL") != std::string::npos) {
      GTEST_SKIP() << why;
    }
    FAIL() << why;
  }
}

std::unique_ptr<HttpClient> ApiTest::LoggedIn(const std::string& login, const std::string& password) {
  auto client = Client();
  auto r = client->Login(login, password);
  EXPECT_EQ(r.status, 200) << "login as " << login << ": " << r.body;
  return client;
}

}  // namespace tianshan::testing
