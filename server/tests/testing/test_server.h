#pragma once
// An in-process Tianshan server for API tests: a fresh test database (SQLite or PostgreSQL),
// migrated, optionally with the demo network, served on 127.0.0.1 at a free port (port 0),
// with a fake clock and fast password hashing. Use ApiTest as the fixture:
//
//   class OrganizationsApiTest : public tianshan::testing::ApiTest {};
//   TEST_P(OrganizationsApiTest, AdminReadsSubtree) {
//     auto admin = Client();
//     ASSERT_EQ(admin->Login("region-admin", "tianshan-demo").status, 200);
//     ...
//   }
//   TS_INSTANTIATE_FOR_DATABASES(OrganizationsApiTest);

#include <memory>
#include <string>

#include "app/app.h"
#include "core/clock.h"
#include "testing/http_client.h"
#include "testing/test_database.h"

namespace tianshan::testing {

struct TestServerOptions {
  bool demo = false;
  size_t max_body_bytes = 1 << 20;
  std::string smtp_url;  // the notification outbox's relay (none: mail stays in the outbox)
  std::string public_url;
  // Sessions: most tests move the clock by hours or days between requests of one login, so the
  // test server keeps sessions 12 h unused and 7 days in all; AccountsApiTest checks the
  // production defaults (AppConfig: 2 h and 12 h) by asking for them.
  bool production_session_timeouts = false;
};

class TestServer {
 public:
  // Nullptr (with `why`) when the database is unavailable.
  static std::unique_ptr<TestServer> Start(storage::Dialect dialect, const TestServerOptions& options,
                                           std::string* why);
  ~TestServer();

  App& app() { return *app_; }
  FakeClock& clock() { return clock_; }
  std::string base_url() const;
  std::unique_ptr<HttpClient> Client() const { return std::make_unique<HttpClient>(base_url()); }
  // Creates an account with the given grants directly (no HTTP); password is "password-123".
  int64_t CreateAccount(const std::string& login, const std::vector<std::pair<int64_t, auth::Role>>& grants,
                        std::optional<int64_t> person_id = std::nullopt);
  // A second, independent handle on the server's database (as another instance would have).
  std::unique_ptr<storage::Database> OpenAnotherDatabase() const { return database_->OpenAnother(); }

 private:
  TestServer() = default;
  FakeClock clock_;
  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<App> app_;
};

// Fixture: one server per test, on each database. Override Options() for demo data etc.
class ApiTest : public ::testing::TestWithParam<storage::Dialect> {
 protected:
  virtual TestServerOptions Options() const { return {}; }
  void SetUp() override;
  void TearDown() override { server_.reset(); }
  TestServer& server() { return *server_; }
  std::unique_ptr<HttpClient> Client() { return server_->Client(); }
  // A client logged in as `login` (demo password unless given); fails the test otherwise.
  std::unique_ptr<HttpClient> LoggedIn(const std::string& login, const std::string& password = "tianshan-demo");

 private:
  std::unique_ptr<TestServer> server_;
};

}  // namespace tianshan::testing
