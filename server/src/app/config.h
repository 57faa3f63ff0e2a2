#pragma once
// Server configuration from the command line and TIANSHAN_* environment variables
// (see app/cli.cc; `tianshan --help` documents every option).

#include <cstddef>
#include <cstdint>
#include <string>

namespace tianshan {

struct AppConfig {
  std::string db_url = "sqlite:data/tianshan.db";
  std::string listen = "127.0.0.1";
  uint16_t port = 8080;
  std::string web_dir = "web/dist";
  size_t io_threads = 4;
  // Password hashing threads; 0 picks half the cores (at least one), so that a login storm
  // always leaves the I/O threads cores of their own.
  size_t hash_threads = 0;
  size_t hash_queue = 256;
  int db_pool = 8;
  // A streaming replica of the PostgreSQL database (ADR 0007): reads that may lag go there;
  // after a write, that session reads the primary for read_your_writes_millis. Empty: none.
  std::string db_replica_url;
  int64_t read_your_writes_millis = 5000;
  // Threads on which requests that touch the database run (0: db_pool on PostgreSQL, so that a
  // worker never waits for a connection; on SQLite at least 64, for group commit: app/app.cc
  // DefaultWorkers), and how many requests may wait for one before the server answers 503 with
  // Retry-After (http/worker_pool.h; defaults measured in bench/results).
  size_t workers = 0;
  size_t worker_queue = 256;
  // Threads on which safe requests (GET, HEAD) that touch the database run, apart from the
  // workers (0: db_pool on SQLite, none on PostgreSQL, where reads and writes share the workers
  // and their connections: app/app.cc DefaultReaders).
  size_t readers = 0;
  // SQLite group commit (storage/database_options.h): on or off, members per shared transaction,
  // how long a group stays open for late members (µs), writes that may wait for the writer.
  bool db_group_commit = true;
  int db_group_max = 64;
  int64_t db_group_window_micros = 0;
  size_t db_write_queue = 1024;
  // PostgreSQL without prepared statements, for a transaction-pooling pgbouncer (benchmark only:
  // storage/database_options.h, hidden `--pg-unnamed-statements`).
  bool db_pg_unnamed_statements = false;
  size_t max_body_bytes = 1 << 20;
  bool secure_cookies = false;
  // "interactive" (libsodium INTERACTIVE, production) or "fast" (tests only).
  std::string password_cost = "interactive";
  // Key for signing short-lived tokens (check-in QR codes). Generated per start when empty.
  std::string secret;
  bool quiet = false;
  // A session ends after this long unused, and this long after login whatever happens.
  int64_t session_idle_millis = 2LL * 3600 * 1000;
  int64_t session_max_millis = 12LL * 3600 * 1000;
  // Abuse limits (README "Abuse limits", http/abuse_limits.h): token buckets on state-changing
  // requests per client address and per account (a rate of 0 turns one off), the proxies whose
  // X-Forwarded-For is believed, open connections per address, and the time a request has to
  // arrive in full.
  double rate_ip_per_second = 100;
  double rate_ip_burst = 2000;
  double rate_account_per_second = 10;
  double rate_account_burst = 200;
  std::string trusted_proxies;
  size_t max_connections_per_ip = 128;
  int64_t read_timeout_millis = 60'000;
  // The kept list of common passwords a new password may not be (auth/common_passwords.h).
  std::string common_passwords_file = "/usr/share/john/password.lst";
  // How long a resolved session is answered from memory (0: always ask the database). Other
  // instances sharing the database see a logout or grant change within this time.
  int64_t session_cache_millis = 5000;
  // The job runner (modules/jobs): on in `serve` unless turned off; how often it looks for due
  // work when idle.
  bool jobs = true;
  int64_t jobs_poll_millis = 1000;
  // Mail of the notification outbox (see kit/settings.h); empty smtp_url: kept in the outbox.
  std::string public_url;
  std::string smtp_url;
  std::string smtp_user;
  std::string smtp_password;
  std::string mail_from = "tianshan@localhost";
};

}  // namespace tianshan
