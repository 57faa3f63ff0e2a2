// tianshan: the server and its administration commands.
//   tianshan serve | migrate | demo | generate | create-admin | backup | restore | routes | verify-counters [--repair]
// Configuration comes from options or TIANSHAN_* environment variables (`tianshan --help`).

#include <signal.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "app/app.h"
#include "app/repair_counters.h"
#include "app/restore.h"
#include "app/web_location.h"
#include "core/crypto.h"
#include "core/log.h"
#include "generate/generate_network.h"
#include "http/gate.h"
#include "modules/accounts/public/create_account.h"
#include "modules/jobs/job_repository.h"
#include "modules/jobs/job_runner.h"
#include "storage/bulk_writer.h"

namespace {

using tianshan::App;
using tianshan::AppConfig;
using tianshan::Status;

// Start-up failures end the process with one clear line.
[[noreturn]] void Die(const std::string& what, const Status& s) {
  std::string detail = s.detail().empty() ? s.message() : s.detail();
  std::fprintf(stderr, "tianshan: %s: %s\n", what.c_str(), detail.c_str());
  std::exit(1);
}

std::unique_ptr<App> OpenApp(const AppConfig& config, bool migrate) {
  auto app = App::Create(config);
  if (!app.ok()) Die("cannot open database " + config.db_url, app.status());
  if (migrate) {
    auto report = (*app)->Migrate();
    if (!report.ok()) Die("cannot migrate database " + config.db_url, report.status());
    for (const auto& m : report->applied) tianshan::AppLog().info("migrated {}", m);
  }
  return std::move(app).value();
}

// A database holding part of a bulk load (a `tianshan generate` killed midway) has rows
// without their counters: serving or verifying it would only mislead. Exits with status 4.
void RefuseUnfinishedLoads(App& app) {
  auto unfinished = tianshan::storage::UnfinishedLoads(app.db());
  if (!unfinished.ok()) Die("cannot read the database's unfinished loads", unfinished.status());
  if (unfinished->empty()) return;
  std::string which;
  for (const auto& u : *unfinished) which += (which.empty() ? "" : ", ") + u;
  std::fprintf(stderr,
               "tianshan: %s holds an unfinished %s that was interrupted: its rows and counters are "
               "incomplete. Recreate the database (a new SQLite file or PostgreSQL schema) and run it again, or "
               "restore a backup.\n",
               app.db().describe().c_str(), which.c_str());
  std::exit(4);
}

}  // namespace

namespace tianshan {

// `tianshan routes`: the table the permission matrix checks, as Markdown.
int PrintRoutes(App& app) {
  std::printf("| route | gate | who passes |\n| --- | --- | --- |\n");
  for (const auto& route : app.router().routes()) {
    const std::string gate = http::GateOf(*route);
    const auto* permission = FindPermission(app.context().permissions, gate.substr(0, gate.find('@')));
    std::string who = permission != nullptr         ? permission->who
                      : gate == http::kGatePublic   ? "anyone, no session"
                      : gate == http::kGateSelf     ? "any signed-in account, on its own records"
                      : gate == http::kGateSignedIn ? "any signed-in account"
                                                    : "NO GATE";
    std::printf("| `%s %s` | `%s` | %s |\n", route->method.c_str(), route->pattern.c_str(), gate.c_str(), who.c_str());
  }
  return 0;
}

// `tianshan jobs`: every declared kind, its schedule and its rows by state, then failed jobs.
int PrintJobs(App& app) {
  auto summary = app.db().Read([](storage::Transaction& tx) { return jobs::SummarizeJobs(tx); });
  if (!summary.ok()) Die("cannot read jobs", summary.status());
  std::printf("%-40s %-28s %8s %8s %8s %8s  %s\n", "kind", "schedule", "pending", "running", "done", "failed",
              "next run (UTC)");
  for (const auto& [kind, def] : app.context().jobs) {
    jobs::KindSummary k;
    for (const auto& s : *summary) {
      if (s.kind == kind) k = s;
    }
    std::printf("%-40s %-28s %8lld %8lld %8lld %8lld  %s\n", kind.c_str(), jobs::ScheduleText(def.schedule).c_str(),
                static_cast<long long>(k.pending), static_cast<long long>(k.running), static_cast<long long>(k.done),
                static_cast<long long>(k.failed), k.next_run_at ? FormatUtc(*k.next_run_at).c_str() : "-");
  }
  auto failed = app.db().Read([](storage::Transaction& tx) { return jobs::ListJobs(tx, "failed", std::nullopt, 20); });
  if (failed.ok() && !failed->empty()) {
    std::printf("\nfailed jobs (newest first):\n");
    for (const auto& j : *failed) {
      std::printf("  #%lld %s due %s, %d attempt(s): %s\n", static_cast<long long>(j.id), j.kind.c_str(),
                  FormatUtc(j.due_at).c_str(), j.attempts, j.last_error.value_or("").c_str());
    }
  }
  return 0;
}

// `tianshan jobs run KIND`: runs the handler now in this process and says how it went.
int RunJobNow(App& app, const std::string& kind) {
  auto def = app.context().jobs.find(kind);
  if (def == app.context().jobs.end()) {
    std::fprintf(stderr, "tianshan: no module declares a job kind %s (see `tianshan jobs`)\n", kind.c_str());
    return 2;
  }
  const int64_t now = app.context().clock.NowMillis();
  Status s = def->second.run(app.context(), JobRun{0, kind, "{}", now, 1});
  if (!s.ok()) {
    std::fprintf(stderr, "tianshan: %s failed: %s %s\n", kind.c_str(), Translate(Lang::kEn, s.message()).c_str(),
                 s.detail().c_str());
    return 1;
  }
  std::printf("%s done\n", kind.c_str());
  return 0;
}

}  // namespace tianshan

namespace {

int Serve(const AppConfig& config) {
  // Block the stop signals in every thread; the main thread waits for them below.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  auto app = OpenApp(config, true);
  RefuseUnfinishedLoads(*app);
  auto demo_accounts = app->DemoAccountCount();
  if (demo_accounts.ok() && *demo_accounts > 0) {
    tianshan::AppLog().warn(
        "!!! {} DEMO OR BENCHMARK ACCOUNTS with public passwords ('tianshan-demo', 'tianshan-bench') exist "
        "in this database. Never expose it to a network: anyone can log in with them. !!!",
        *demo_accounts);
  }
  if (Status s = app->StartServer(); !s.ok()) Die("cannot start the server", s);
  if (config.jobs) app->StartJobs();
  tianshan::AppLog().info("tianshan serving http://{}:{} (database {}, web app {})", config.listen, app->port(),
                          app->db().describe(), config.web_dir.empty() ? "none: API only" : config.web_dir);
  int sig = 0;
  sigwait(&signals, &sig);
  tianshan::AppLog().info("stopping (signal {})", sig);
  app->StopServer();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (!tianshan::InitCrypto()) {
    std::fprintf(stderr, "tianshan: libsodium failed to initialize\n");
    return 1;
  }
  AppConfig config;
  CLI::App cli{"Tianshan (天山): the platform of a youth-league organization network"};
  cli.require_subcommand(1);
  // Global options are accepted after the subcommand too: `tianshan demo --db sqlite:x.db`.
  cli.fallthrough();
  cli.add_option("--db", config.db_url, "Database: sqlite:PATH or postgresql://user@host:port/db")
      ->envname("TIANSHAN_DB")
      ->capture_default_str();
  cli.add_flag("--quiet", config.quiet, "Only warnings and errors; no access log")->envname("TIANSHAN_QUIET");

  auto* serve = cli.add_subcommand("serve", "Migrate the database, then serve the API and the web app");
  serve->add_option("--listen", config.listen, "Address to listen on")
      ->envname("TIANSHAN_LISTEN")
      ->capture_default_str();
  serve->add_option("--port", config.port, "TCP port (0 picks a free one)")
      ->envname("TIANSHAN_PORT")
      ->capture_default_str();
  serve->add_option("--web", config.web_dir, "Folder of the built web app")
      ->envname("TIANSHAN_WEB")
      ->capture_default_str();
  serve->add_option("--threads", config.io_threads, "I/O threads")->envname("TIANSHAN_THREADS")->capture_default_str();
  serve->add_option("--hash-threads", config.hash_threads, "Password hashing threads (0: half the cores)")
      ->envname("TIANSHAN_HASH_THREADS")
      ->capture_default_str();
  serve->add_option("--db-pool", config.db_pool, "Database connections")
      ->envname("TIANSHAN_DB_POOL")
      ->capture_default_str();
  serve
      ->add_option("--db-replica", config.db_replica_url,
                   "A streaming replica of the PostgreSQL database: reads that may lag (GET lists and pages) go "
                   "there (ADR 0007)")
      ->envname("TIANSHAN_DB_REPLICA");
  serve
      ->add_option("--read-your-writes-ms", config.read_your_writes_millis,
                   "After a session writes, its reads go to the primary this long (with --db-replica)")
      ->envname("TIANSHAN_READ_YOUR_WRITES_MS")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  serve
      ->add_option("--workers", config.workers,
                   "Threads running requests that touch the database (0: --db-pool; on SQLite at least 64)")
      ->envname("TIANSHAN_WORKERS")
      ->capture_default_str();
  serve->add_option("--worker-queue", config.worker_queue, "Requests that may wait for a worker; beyond, 503")
      ->envname("TIANSHAN_WORKER_QUEUE")
      ->capture_default_str();
  serve
      ->add_option("--readers", config.readers,
                   "Threads running GET requests that touch the database, apart from the workers (0: --db-pool on "
                   "SQLite, none on PostgreSQL)")
      ->envname("TIANSHAN_READERS")
      ->capture_default_str();
  serve
      ->add_option("--db-group-commit", config.db_group_commit,
                   "SQLite: concurrent write transactions share one transaction, each in its own savepoint")
      ->envname("TIANSHAN_DB_GROUP_COMMIT")
      ->capture_default_str();
  serve->add_option("--db-group-max", config.db_group_max, "SQLite group commit: members per shared transaction")
      ->envname("TIANSHAN_DB_GROUP_MAX")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  serve
      ->add_option("--db-group-window-us", config.db_group_window_micros,
                   "SQLite group commit: how long a shared transaction waits for late members (microseconds)")
      ->envname("TIANSHAN_DB_GROUP_WINDOW_US")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  serve
      ->add_option("--db-write-queue", config.db_write_queue,
                   "SQLite: writes that may wait for the writer; beyond, 503")
      ->envname("TIANSHAN_DB_WRITE_QUEUE")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  // Hidden (group ""): what bench/pgbouncer.sh needs behind pgbouncer, not a supported setting.
  serve
      ->add_flag("--pg-unnamed-statements", config.db_pg_unnamed_statements,
                 "PostgreSQL: no prepared statements (for a transaction-pooling pgbouncer; benchmark only)")
      ->group("");
  serve->add_option("--max-body", config.max_body_bytes, "Largest accepted API request body in bytes")
      ->envname("TIANSHAN_MAX_BODY")
      ->capture_default_str();
  serve
      ->add_option("--session-cache-ms", config.session_cache_millis,
                   "How long a resolved session is answered from memory; other instances sharing the database "
                   "see a logout within this time (0: always read the database)")
      ->envname("TIANSHAN_SESSION_CACHE_MS")
      ->capture_default_str();
  serve->add_option("--session-idle-ms", config.session_idle_millis, "A session unused this long ends")
      ->envname("TIANSHAN_SESSION_IDLE_MS")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  serve->add_option("--session-max-ms", config.session_max_millis, "A session ends this long after login")
      ->envname("TIANSHAN_SESSION_MAX_MS")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  serve
      ->add_option("--rate-limit-ip", config.rate_ip_per_second,
                   "State-changing requests per second per client address, sustained (0: no limit)")
      ->envname("TIANSHAN_RATE_LIMIT_IP")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  serve->add_option("--rate-limit-ip-burst", config.rate_ip_burst, "... and in a burst")
      ->envname("TIANSHAN_RATE_LIMIT_IP_BURST")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  serve
      ->add_option("--rate-limit-account", config.rate_account_per_second,
                   "State-changing requests per second per signed-in account, sustained (0: no limit)")
      ->envname("TIANSHAN_RATE_LIMIT_ACCOUNT")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  serve->add_option("--rate-limit-account-burst", config.rate_account_burst, "... and in a burst")
      ->envname("TIANSHAN_RATE_LIMIT_ACCOUNT_BURST")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  serve
      ->add_option("--trusted-proxies", config.trusted_proxies,
                   "Comma-separated proxy addresses whose X-Forwarded-For names the client (none by default)")
      ->envname("TIANSHAN_TRUSTED_PROXIES");
  serve
      ->add_option("--max-connections-per-ip", config.max_connections_per_ip,
                   "Open connections per client address; trusted proxies are exempt (0: no limit)")
      ->envname("TIANSHAN_MAX_CONNECTIONS_PER_IP")
      ->capture_default_str();
  serve
      ->add_option("--read-timeout-ms", config.read_timeout_millis,
                   "Time a request (line, headers and body) has to arrive in full; slower clients are cut off")
      ->envname("TIANSHAN_READ_TIMEOUT_MS")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  serve
      ->add_option("--common-passwords", config.common_passwords_file,
                   "Word list of common passwords that a new password may not be (one a line)")
      ->envname("TIANSHAN_COMMON_PASSWORDS")
      ->capture_default_str();
  serve->add_flag("--secure-cookies", config.secure_cookies, "Mark cookies Secure (behind TLS)")
      ->envname("TIANSHAN_SECURE_COOKIES");
  serve->add_flag("!--no-jobs", config.jobs, "Do not run scheduled jobs on this instance (another one does)")
      ->envname("TIANSHAN_NO_JOBS");
  serve->add_option("--jobs-poll-ms", config.jobs_poll_millis, "How often the idle job runner looks for due work")
      ->envname("TIANSHAN_JOBS_POLL_MS")
      ->capture_default_str();
  serve->add_option("--public-url", config.public_url, "Address people open the web app at, for links in mail")
      ->envname("TIANSHAN_PUBLIC_URL");
  serve
      ->add_option("--smtp-url", config.smtp_url,
                   "SMTP relay for notification mail (smtp://host:25, smtps://host:465); none: mail waits in the "
                   "outbox")
      ->envname("TIANSHAN_SMTP_URL");
  serve->add_option("--smtp-user", config.smtp_user, "SMTP user name")->envname("TIANSHAN_SMTP_USER");
  serve->add_option("--smtp-password", config.smtp_password, "SMTP password (prefer the environment variable)")
      ->envname("TIANSHAN_SMTP_PASSWORD");
  serve->add_option("--mail-from", config.mail_from, "Sender address of notification mail")
      ->envname("TIANSHAN_MAIL_FROM")
      ->capture_default_str();
  cli.add_option("--password-cost", config.password_cost, "Argon2id cost: interactive (default) or fast (tests only)")
      ->envname("TIANSHAN_PASSWORD_COST")
      ->check(CLI::IsMember({"interactive", "fast"}))
      ->capture_default_str();

  cli.add_subcommand("migrate", "Apply pending database migrations");
  auto* demo = cli.add_subcommand("demo", "Load the demo network into an empty database (migrates first)");
  std::string generate_scale;
  uint64_t generate_seed = 7;
  auto* generate =
      cli.add_subcommand("generate", "Write a synthetic benchmark network into an empty database (migrates first)");
  generate->add_option("--scale", generate_scale, "region (40,000 organizations), national (4,400,000) or a number N")
      ->required();
  generate->add_option("--seed", generate_seed, "Random seed; the same seed gives the same rows")
      ->capture_default_str();
  std::string admin_login;
  int64_t admin_org = 0;
  auto* create_admin =
      cli.add_subcommand("create-admin", "Create an administrator and print its generated password once");
  create_admin->add_option("--login", admin_login, "Login name")->required();
  create_admin->add_option("--organization", admin_org,
                           "Organization id to administer (default 0: every organization)");
  std::string backup_file;
  auto* backup = cli.add_subcommand("backup", "Write a consistent copy of the database to FILE");
  backup->add_option("FILE", backup_file, "Target file (must not exist)")->required();
  std::string restore_file;
  bool restore_force = false;
  auto* restore = cli.add_subcommand("restore", "Replace the database with a backup written by `backup`");
  restore->add_option("FILE", restore_file, "Backup file")->required();
  restore->add_flag("--force", restore_force, "Replace a database that already holds data");
  auto* routes_cmd =
      cli.add_subcommand("routes", "Print every route with its gate and who passes it (the permission matrix's table)");
  bool repair_counters = false;
  cli.add_subcommand("verify-counters", "Recompute every maintained counter and report differences")
      ->add_flag("--repair", repair_counters,
                 "Rebuild the counters that differ from their rows, in one audited transaction, then report what is "
                 "left");
  std::string run_kind;
  auto* jobs_cmd =
      cli.add_subcommand("jobs", "List the scheduled job kinds with their state; `jobs run KIND` runs one now");
  auto* jobs_run = jobs_cmd->add_subcommand("run", "Run a job kind now, in this process");
  jobs_run->add_option("KIND", run_kind, "Job kind, as `tianshan jobs` lists it")->required();

  CLI11_PARSE(cli, argc, argv);
  tianshan::InitLogging(config.quiet);

  if (serve->parsed()) {
    const bool web_given = serve->get_option("--web")->count() > 0 || std::getenv("TIANSHAN_WEB") != nullptr;
    std::error_code ec;
    auto web = tianshan::LocateWebApp(config.web_dir, web_given, std::filesystem::read_symlink("/proc/self/exe", ec));
    if (web) {
      config.web_dir = *web;
    } else {
      tianshan::AppLog().warn("no web app in '{}': serving the API only (build it with `make web`, or pass --web DIR)",
                              config.web_dir);
      config.web_dir.clear();
    }
    return Serve(config);
  }
  if (cli.got_subcommand("migrate")) {
    auto app = OpenApp(config, true);
    std::printf("database %s is up to date\n", app->db().describe().c_str());
    return 0;
  }
  if (demo->parsed()) {
    auto app = OpenApp(config, true);
    Status s = app->LoadDemo();
    if (s.code() == tianshan::StatusCode::kConflict) {
      std::fprintf(stderr, "tianshan: the database already holds data; demo data goes only into an empty database\n");
      return 1;
    }
    if (!s.ok()) Die("cannot load demo data", s);
    std::printf("demo network loaded into %s; demo accounts use the password tianshan-demo\n",
                app->db().describe().c_str());
    return 0;
  }
  if (generate->parsed()) {
    if (!tianshan::generate::ParseScale(generate_scale).ok()) {
      std::fprintf(stderr, "tianshan: --scale must be region, national or a number of organizations (%lld to %lld)\n",
                   static_cast<long long>(tianshan::generate::kMinOrganizations),
                   static_cast<long long>(tianshan::generate::kMaxOrganizations));
      return 2;
    }
    auto app = OpenApp(config, true);
    tianshan::generate::GenerateOptions options;
    options.scale = generate_scale;
    options.seed = generate_seed;
    auto summary = tianshan::generate::GenerateNetwork(app->db(), options);
    if (summary.status().code() == tianshan::StatusCode::kConflict) {
      RefuseUnfinishedLoads(*app);
      std::fprintf(stderr,
                   "tianshan: the database already holds organizations; generate writes only into an empty "
                   "database\n");
      return 1;
    }
    if (!summary.ok()) Die("cannot generate", summary.status());
    std::printf("storm_shift_id=%lld\n%s\n", static_cast<long long>(summary->storm_shift_id), summary->Line().c_str());
    return 0;
  }
  if (create_admin->parsed()) {
    auto app = OpenApp(config, true);
    std::string password = tianshan::RandomToken(15);
    tianshan::auth::NewAccount account{admin_login, std::nullopt, admin_login,
                                       password,    std::nullopt, {{admin_org, tianshan::auth::Role::kCommitteeAdmin}},
                                       false};
    auto id = tianshan::auth::CreateAccount(app->context(), account, std::nullopt);
    if (!id.ok()) {
      const Status failure = id.status();
      std::string msg = tianshan::Translate(tianshan::Lang::kEn, failure.message());
      for (const auto& e : failure.field_errors()) {
        msg += "; " + e.field + ": " + tianshan::Translate(tianshan::Lang::kEn, e.message, e.param);
      }
      std::fprintf(stderr, "tianshan: cannot create %s: %s\n", admin_login.c_str(), msg.c_str());
      return 1;
    }
    std::printf("created administrator %s (account %lld)\npassword (shown once): %s\n", admin_login.c_str(),
                static_cast<long long>(*id), password.c_str());
    return 0;
  }
  if (backup->parsed()) {
    auto app = OpenApp(config, false);
    Status s = app->db().BackupTo(backup_file);
    if (!s.ok()) Die("backup to " + backup_file + " failed", s);
    std::printf("backup written to %s\n", backup_file.c_str());
    return 0;
  }
  if (routes_cmd->parsed()) {
    auto app = OpenApp(config, false);
    return tianshan::PrintRoutes(*app);
  }
  if (restore->parsed()) {
    auto app = OpenApp(config, false);
    Status s = tianshan::RestoreDatabase(*app, restore_file, restore_force);
    if (s.code() == tianshan::StatusCode::kConflict && s.message() == "restore.not_empty") {
      std::fprintf(stderr, "tianshan: %s already holds data; restore replaces everything in it only with --force\n",
                   app->db().describe().c_str());
      return 1;
    }
    if (!s.ok()) Die("restore from " + restore_file + " failed", s);
    std::printf("restored %s from %s\n", app->db().describe().c_str(), restore_file.c_str());
    return 0;
  }
  if (jobs_cmd->parsed()) {
    auto app = OpenApp(config, true);
    if (jobs_run->parsed()) return tianshan::RunJobNow(*app, run_kind);
    return tianshan::PrintJobs(*app);
  }
  if (cli.got_subcommand("verify-counters")) {
    auto app = OpenApp(config, true);
    RefuseUnfinishedLoads(*app);
    if (repair_counters) {
      auto repaired = tianshan::RepairCounters(*app);
      if (!repaired.ok()) Die("cannot repair counters (nothing was changed)", repaired.status());
      for (const auto& d : repaired->found) std::printf("found: %s\n", d.c_str());
      std::printf("repaired: %lld value(s) written in %d round(s)\n", static_cast<long long>(repaired->changed),
                  repaired->rounds);
      for (const auto& d : repaired->left) std::printf("%s\n", d.c_str());
      std::printf("%zu difference(s)\n", repaired->left.size());
      return repaired->left.empty() ? 0 : 3;
    }
    auto differences = app->VerifyCounters();
    if (!differences.ok()) Die("cannot verify counters", differences.status());
    for (const auto& d : *differences) std::printf("%s\n", d.c_str());
    std::printf("%zu difference(s)\n", differences->size());
    return differences->empty() ? 0 : 3;
  }
  return 0;
}
