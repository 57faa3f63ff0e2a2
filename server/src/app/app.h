#pragma once
// The application: configuration, database, modules, router and (when serving) the HTTP
// server, wired together once. Used by main (each CLI command) and by the API test harness.

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "app/config.h"
#include "audit/audit_log.h"
#include "auth/password_hasher.h"
#include "core/clock.h"
#include "http/http_app.h"
#include "http/http_server.h"
#include "http/metrics.h"
#include "http/router.h"
#include "http/static_files.h"
#include "kit/module.h"
#include "modules/jobs/job_runner.h"

namespace tianshan {

class App {
 public:
  // Opens the database named by config.db_url (or uses `db` when given) and registers every
  // module. Does not migrate. `clock` defaults to the system clock; it must outlive the App.
  static Result<std::unique_ptr<App>> Create(const AppConfig& config, std::unique_ptr<storage::Database> db = nullptr,
                                             const Clock* clock = nullptr);
  ~App();

  [[nodiscard]] Result<storage::MigrationReport> Migrate();
  // Loads the demo network; Conflict when the database already holds organizations or accounts.
  [[nodiscard]] Status LoadDemo();
  [[nodiscard]] Result<std::vector<std::string>> VerifyCounters();
  [[nodiscard]] Result<int64_t> DemoAccountCount();

  [[nodiscard]] Status StartServer();  // binds and returns; port() tells the bound port
  // Starts the job runner (modules/jobs) on its own thread; StopServer stops it too.
  void StartJobs();
  uint16_t port() const;
  void StopServer();
  void WaitServer();

  AppContext& context() { return *context_; }
  const AppConfig& config() const { return config_; }
  const http::Router& router() const { return router_; }
  const std::vector<ModuleDefinition>& modules() const { return modules_; }
  storage::Database& db() { return *db_; }

 private:
  App() = default;
  void RegisterSystemRoutes();
  std::string WorkerMetrics() const;
  std::string GroupCommitMetrics() const;
  std::string AbuseMetrics()
      const;  // rate limits and refused connections, for /metrics  // the worker pool's gauges for /metrics

  AppConfig config_;
  PlatformSettings settings_;
  std::unique_ptr<storage::Database> db_;
  SystemClock system_clock_;
  const Clock* clock_ = nullptr;
  std::unique_ptr<auth::PasswordHasher> hasher_;
  std::unique_ptr<audit::AuditLog> audit_;
  std::unique_ptr<auth::SessionCache> session_cache_;
  std::atomic<int64_t> health_checked_at_{0};  // when the database last answered a health check
  std::unique_ptr<AppContext> context_;
  std::vector<ModuleDefinition> modules_;
  http::Router router_;
  http::Metrics metrics_;
  http::StaticFiles static_files_;
  std::unique_ptr<http::HttpApp> http_app_;
  std::unique_ptr<http::HttpServer> server_;
  std::unique_ptr<jobs::JobRunner> job_runner_;
};

}  // namespace tianshan
