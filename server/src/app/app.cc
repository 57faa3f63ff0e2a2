#include "app/app.h"

#include <algorithm>
#include <thread>

#include "app/module_registry.h"
#include "app/openapi_document.h"
#include "app/read_routing.h"
#include "auth/common_passwords.h"
#include "auth/session_events.h"
#include "auth/session_store.h"
#include "core/json.h"
#include "core/log.h"
#include "http/dispatch.h"
#include "storage/database_options.h"
#include "storage/embedded_files.h"
#include "storage/instance_events.h"
#include "storage/read_replica.h"

namespace tianshan {
namespace {

// Workers when --workers is not given: one per database connection, so that a worker never waits
// for one. On SQLite at least kSqliteMinWorkers: writes do not use the pool's connections (one
// writer connection, group commit), and a group forms only from writers already waiting for it.
// In a sign-up storm 8 workers made groups of 1.4 members, 64 of about 4, at a fifth less server
// CPU per sign-up (bench/results/2026-12-01-sqlite-signups.md); readers beyond the pool wait for
// a connection as they waited for a worker before.
constexpr size_t kSqliteMinWorkers = 64;

size_t DefaultWorkers(const AppConfig& config, storage::Dialect dialect) {
  if (config.workers > 0) return config.workers;
  const auto pool = static_cast<size_t>(std::max(1, config.db_pool));
  return dialect == storage::Dialect::kSqlite ? std::max(pool, kSqliteMinWorkers) : pool;
}

// Readers when --readers is not given. On SQLite one per read connection: a read that waits for
// no group needs no more threads than connections, and the workers' 64 made every read wake a
// sleeping thread and most of them wait again for a connection (with 8 readers the server CPU
// per request is 8 % less on the people walk, 28 % on the person page and the search:
// bench/results/2026-12-02-region-sqlite-readers.md). On PostgreSQL none: reads and writes share
// the workers, one per connection.
size_t DefaultReaders(const AppConfig& config, storage::Dialect dialect) {
  if (config.readers > 0) return config.readers;
  return dialect == storage::Dialect::kSqlite ? static_cast<size_t>(std::max(1, config.db_pool)) : 0;
}

}  // namespace

Result<std::unique_ptr<App>> App::Create(const AppConfig& config, std::unique_ptr<storage::Database> db,
                                         const Clock* clock) {
  std::unique_ptr<App> app(new App);
  app->config_ = config;
  if (!db) {
    storage::DatabaseOptions options;
    options.pool_size = config.db_pool;
    options.group_commit = {config.db_group_commit, config.db_group_max, config.db_group_window_micros,
                            config.db_write_queue};
    options.pg_unnamed_statements = config.db_pg_unnamed_statements;
    auto opened = storage::OpenDatabase(config.db_url, options);
    if (!opened.ok()) return opened.status();
    db = std::move(opened).value();
  }
  app->db_ = std::move(db);
  if (!config.db_replica_url.empty()) {
    Status attached = storage::AttachReadReplica(*app->db_, {config.db_replica_url, config.db_pool});
    if (attached.code() == StatusCode::kInvalid) return attached;
    if (!attached.ok()) AppLog().warn("read replica: {} (reads go to the primary until it answers)", attached.detail());
  }
  app->clock_ = clock ? clock : &app->system_clock_;
  app->hasher_ = std::make_unique<auth::PasswordHasher>(
      config.hash_threads > 0 ? config.hash_threads : std::max<size_t>(1, std::thread::hardware_concurrency() / 2),
      config.hash_queue, config.password_cost == "fast" ? auth::HashCost::kFast : auth::HashCost::kInteractive);
  auto common_passwords = auth::CommonPasswords::Load(config.common_passwords_file);
  if (!common_passwords.ok()) return common_passwords.status();
  auth::CommonPasswords::Install(std::move(*common_passwords));
  app->audit_ = std::make_unique<audit::AuditLog>(*app->clock_);
  app->session_cache_ = std::make_unique<auth::SessionCache>(config.session_cache_millis);
  app->settings_ = PlatformSettings{config.secure_cookies, config.session_idle_millis, config.session_max_millis,
                                    config.secret,         config.public_url,          config.smtp_url,
                                    config.smtp_user,      config.smtp_password,       config.mail_from};
  app->context_.reset(new AppContext{*app->db_, *app->clock_, *app->hasher_, *app->audit_, app->settings_, nullptr});
  app->context_->sessions = app->session_cache_.get();
  app->modules_ = AllModules();
  for (const auto& m : app->modules_) {
    if (m.provide_services) m.provide_services(*app->context_);
    for (const auto& sheet : m.sheets) app->context_->sheets.emplace(sheet.name, sheet);
    for (const auto& p : m.permissions) app->context_->permissions.push_back(p);
    for (const auto& j : m.jobs) app->context_->jobs.emplace(j.kind, j);
    for (const auto& k : m.notification_kinds) app->context_->notification_kinds.push_back(k);
    for (const auto& c : m.counters) app->context_->counters.push_back(c);
  }
  for (const auto& m : app->modules_) {
    if (m.on_subtree_moved) app->context_->subtree_moved.push_back(m.on_subtree_moved);
  }
  // Grants name organizations by path: after a move, re-read every session (here at once,
  // and on every instance once the move has committed).
  app->context_->subtree_moved.push_back([cache = app->session_cache_.get(), db = app->db_.get()](
                                             storage::Transaction& tx, const std::string&, const std::string&) {
    cache->Clear();
    tx.AfterCommit([cache, db] { auth::ForgetAllSessions(cache, *db); });
    return Status::Ok();
  });
  for (const auto& m : app->modules_) {
    RegisterMessages(m.messages);
    if (m.register_routes) m.register_routes(app->router_, *app->context_);
  }
  app->RegisterSystemRoutes();
  if (!config.db_replica_url.empty()) {
    RouteLaggingReads(app->router_, {config.read_your_writes_millis, "tianshan_session", config.secure_cookies});
  }
  return app;
}

App::~App() {
  StopServer();
  // Finish queued password checks while everything their replies touch is still alive.
  hasher_.reset();
}

void App::RegisterSystemRoutes() {
  // Healthy when the database answered within the last second: probes are answered on the I/O
  // thread, and a lost database shows within a second. One probe a second asks the database
  // (on the worker pool); while its answer is pending, the others get the last one (if at most
  // 5 s old), so that a busy worker queue delays one probe, not all of them.
  auto refresh_started = std::make_shared<std::atomic<int64_t>>(0);
  auto& health = router_.Add("GET", "/api/v1/health", http::Access::kPublic, [this](http::HttpRequest& req) {
    const int64_t now = clock_->NowMillis();
    Status s = db_->Read([](storage::Transaction& tx) { return tx.Query("SELECT 1").status(); });
    if (!s.ok()) {
      health_checked_at_.store(0, std::memory_order_relaxed);
      return http::ProblemResponse(Status::Unavailable("error.unavailable"), req.lang, req.path);
    }
    health_checked_at_.store(now, std::memory_order_relaxed);
    return http::HttpResponse::Json(R"({"status":"ok"})");
  });
  http::AnswerFromCache(health, [this, refresh_started](http::HttpRequest&) -> std::optional<http::HttpResponse> {
    const int64_t now = clock_->NowMillis();
    const int64_t checked = health_checked_at_.load(std::memory_order_relaxed);
    const int64_t age = now - checked;
    if (checked == 0 || age < 0 || age >= 5000) return std::nullopt;
    if (age >= 1000) {
      int64_t started = refresh_started->load(std::memory_order_relaxed);
      const bool pending = started > checked && now - started < 1000;
      if (!pending && refresh_started->compare_exchange_strong(started, now)) return std::nullopt;  // this one asks
    }
    return http::HttpResponse::Json(R"({"status":"ok"})");
  });
  http::RunInline(router_.Add("GET", "/api/v1/openapi.json", http::Access::kPublic,
                              [](http::HttpRequest&) { return http::HttpResponse::Json(OpenApiDocument()); }));
  metrics_.SetExtra([this] {
    return "# HELP tianshan_db_transaction_seconds_total Wall time spent in database transactions.\n"
           "# TYPE tianshan_db_transaction_seconds_total counter\n"
           "tianshan_db_transaction_seconds_total " +
           std::to_string(static_cast<double>(db_->total_micros()) / 1e6) +
           "\n# TYPE tianshan_db_transactions_total counter\ntianshan_db_transactions_total " +
           std::to_string(db_->transaction_count()) +
           "\n# TYPE tianshan_db_transaction_retries_total counter\ntianshan_db_transaction_retries_total " +
           std::to_string(db_->retry_count()) + "\n" + ReplicaMetrics(*db_) + GroupCommitMetrics() + WorkerMetrics();
  });
  http::RunInline(router_.Add("GET", "/metrics", http::Access::kPublic, [this](http::HttpRequest&) {
    http::HttpResponse r;
    r.content_type = "text/plain; version=0.0.4; charset=utf-8";
    r.body = metrics_.Render();
    return r;
  }));
}

std::string App::GroupCommitMetrics() const {
  auto stats = storage::GroupCommitStatsOf(*db_);
  if (!stats) return {};
  return "# HELP tianshan_db_write_groups_total Shared SQLite write transactions (group commit).\n"
         "# TYPE tianshan_db_write_groups_total counter\ntianshan_db_write_groups_total " +
         std::to_string(stats->groups) +
         "\n# HELP tianshan_db_write_group_members_total Write transactions run inside shared ones.\n"
         "# TYPE tianshan_db_write_group_members_total counter\ntianshan_db_write_group_members_total " +
         std::to_string(stats->members) +
         "\n# HELP tianshan_db_write_rejected_total Writes refused because the writer queue was full.\n"
         "# TYPE tianshan_db_write_rejected_total counter\ntianshan_db_write_rejected_total " +
         std::to_string(stats->rejected) + "\n";
}

std::string App::WorkerMetrics() const {
  if (!http_app_) return {};
  // Both pools together (the workers and, when reads have their own, the readers); the readers'
  // share of the requests in flight on its own line.
  const auto& w = http_app_->workers();
  const http::WorkerPool* r = http_app_->readers();
  auto both = [&](auto of) { return of(w) + (r ? of(*r) : 0); };
  return "# HELP tianshan_worker_requests Requests waiting for or running on the worker pools.\n"
         "# TYPE tianshan_worker_requests gauge\ntianshan_worker_requests " +
         std::to_string(both([](const http::WorkerPool& p) { return p.in_flight(); })) +
         "\n# HELP tianshan_reader_requests Of those, safe requests (GET, HEAD) on the readers' pool.\n"
         "# TYPE tianshan_reader_requests gauge\ntianshan_reader_requests " +
         std::to_string(r ? r->in_flight() : 0) +
         "\n# HELP tianshan_worker_rejected_total Requests answered 503 because a worker queue was full.\n"
         "# TYPE tianshan_worker_rejected_total counter\ntianshan_worker_rejected_total " +
         std::to_string(both([](const http::WorkerPool& p) { return p.rejected(); })) +
         "\n# HELP tianshan_worker_jobs_total Requests run on the worker pools.\n"
         "# TYPE tianshan_worker_jobs_total counter\ntianshan_worker_jobs_total " +
         std::to_string(both([](const http::WorkerPool& p) { return p.started(); })) +
         "\n# HELP tianshan_worker_queue_seconds_total Time those requests waited in a worker queue.\n"
         "# TYPE tianshan_worker_queue_seconds_total counter\ntianshan_worker_queue_seconds_total " +
         std::to_string(static_cast<double>(both([](const http::WorkerPool& p) { return p.waited_micros(); })) / 1e6) +
         "\n# HELP tianshan_worker_run_seconds_total Time those requests ran on a worker.\n"
         "# TYPE tianshan_worker_run_seconds_total counter\ntianshan_worker_run_seconds_total " +
         std::to_string(static_cast<double>(both([](const http::WorkerPool& p) { return p.ran_micros(); })) / 1e6) +
         "\n" + AbuseMetrics();
}

std::string App::AbuseMetrics() const {
  const auto& limiter = http_app_->rate_limiter();
  return "# HELP tianshan_rate_limited_total State-changing requests answered 429 by a rate limit, by its key.\n"
         "# TYPE tianshan_rate_limited_total counter\n"
         "tianshan_rate_limited_total{by=\"address\"} " +
         std::to_string(limiter.limited_by_address()) + "\ntianshan_rate_limited_total{by=\"account\"} " +
         std::to_string(limiter.limited_by_account()) +
         "\n# HELP tianshan_connections_refused_total Connections closed at once by the per-address limit.\n"
         "# TYPE tianshan_connections_refused_total counter\ntianshan_connections_refused_total " +
         std::to_string(server_ ? server_->refused_connections() : 0) + "\n";
}

Result<storage::MigrationReport> App::Migrate() {
  std::vector<storage::Migration> all;
  for (const auto& m : modules_) all.insert(all.end(), m.migrations.begin(), m.migrations.end());
  return storage::ApplyMigrations(*db_, all);
}

Status App::LoadDemo() {
  auto accounts = db_->Read([](storage::Transaction& tx) -> Result<int64_t> {
    auto row = tx.QueryOne("SELECT COUNT(*) FROM auth_accounts");
    if (!row.ok()) return row.status();
    return (*row)->Int(0);
  });
  if (!accounts.ok()) return accounts.status();
  if (*accounts > 0) return Status::Conflict("demo.not_empty");
  DemoContext demo;
  for (const auto& m : modules_) {
    if (!m.load_demo) continue;
    Status s = m.load_demo(*context_, demo);
    if (!s.ok()) return s.WithDetail("demo data of module " + m.name + ": " + s.detail());
  }
  return Status::Ok();
}

Result<std::vector<std::string>> App::VerifyCounters() {
  std::vector<std::string> differences;
  for (const auto& m : modules_) {
    if (!m.verify_counters) continue;
    auto d = m.verify_counters(*context_);
    if (!d.ok()) return d.status();
    differences.insert(differences.end(), d->begin(), d->end());
  }
  return differences;
}

Result<int64_t> App::DemoAccountCount() {
  return db_->Read([](storage::Transaction& tx) -> Result<int64_t> {
    auto row = tx.QueryOne("SELECT COUNT(*) FROM auth_accounts WHERE is_demo = 1");
    if (!row.ok()) return row.status();
    return (*row)->Int(0);
  });
}

Status App::StartServer() {
  // Instances sharing a PostgreSQL database tell each other about writes (the shared write
  // generation), ended sessions and grant changes (ADR 0006).
  TS_RETURN_IF_ERROR(storage::StartInstanceEvents(*db_, [this](std::string_view payload) {
    auth::ApplySessionEvent(*session_cache_, payload, clock_->NowMillis());
  }));
  static_files_ = http::StaticFiles::Load(config_.web_dir);
  auth::SessionPolicy policy{config_.session_idle_millis, config_.session_max_millis};
  auto resolver = [this, policy](std::string_view token) {
    return auth::SessionStore::Resolve(*db_, token, clock_->NowMillis(), policy, context_->organizations,
                                       session_cache_.get());
  };
  auto cached_resolver = [this, policy](std::string_view token) {
    return auth::SessionStore::ResolveCached(token, clock_->NowMillis(), policy, session_cache_.get());
  };
  http::HttpAppOptions options;
  options.max_body_bytes = config_.max_body_bytes;
  options.workers = DefaultWorkers(config_, db_->dialect());
  options.worker_queue = config_.worker_queue;
  options.readers = DefaultReaders(config_, db_->dialect());
  options.rate_limits = {config_.rate_ip_per_second, config_.rate_ip_burst, config_.rate_account_per_second,
                         config_.rate_account_burst};
  TS_ASSIGN_OR_RETURN(options.trusted_proxies, http::TrustedProxies::Parse(config_.trusted_proxies));
  http::ListenOptions listen{config_.listen, config_.port, config_.io_threads};
  listen.max_connections_per_ip = config_.max_connections_per_ip;
  listen.trusted_proxies = options.trusted_proxies;
  listen.read_timeout = std::chrono::milliseconds(config_.read_timeout_millis);
  http_app_ = std::make_unique<http::HttpApp>(router_, metrics_, static_files_, resolver, options, cached_resolver);
  server_ = std::make_unique<http::HttpServer>(*http_app_);
  return server_->Start(listen);
}

uint16_t App::port() const { return server_ ? server_->port() : 0; }

void App::StartJobs() {
  if (job_runner_) return;
  job_runner_ = std::make_unique<jobs::JobRunner>(*context_, jobs::RunnerOptions{config_.jobs_poll_millis});
  job_runner_->Start();
}

void App::StopServer() {
  if (server_) server_->Stop();
  // Requests already on the workers finish (their answers go nowhere) while the database,
  // the modules and the server's I/O context are still alive.
  if (http_app_) http_app_->StopWorkers();
  if (job_runner_) job_runner_->Stop();
  if (db_) storage::StopInstanceEvents(*db_);
}

void App::WaitServer() {
  if (server_) server_->Wait();
}

}  // namespace tianshan
