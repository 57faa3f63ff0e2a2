// The SQLite limits a Tianshan write or read is compared against, on this machine, with the
// server's own connection settings (server/src/storage/sqlite/sqlite_database.cc):
//   single-row insert transactions/s  (BEGIN IMMEDIATE; INSERT one row; COMMIT)
//   primary-key reads/s               (one SELECT by id, autocommit)
// One connection, one thread, prepared statements: the raw engine, no HTTP, no JSON.
//
//   g++ -O2 -std=c++20 bench/sqlite_limits.cc -lsqlite3 -o sqlite_limits
//   sqlite_limits FILE SECONDS     prints sqlite_insert_tx_per_s=N and sqlite_pk_reads_per_s=N
// FILE must not hold data worth keeping: the table bench_limits is dropped and recreated.
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

namespace {

using Clock = std::chrono::steady_clock;

[[noreturn]] void Die(sqlite3* db, const char* what) {
  std::fprintf(stderr, "sqlite_limits: %s: %s\n", what, db ? sqlite3_errmsg(db) : "cannot open");
  std::exit(1);
}

void Exec(sqlite3* db, const char* sql) {
  if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) Die(db, sql);
}

sqlite3_stmt* Prepare(sqlite3* db, const char* sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK) Die(db, sql);
  return stmt;
}

void Step(sqlite3* db, sqlite3_stmt* stmt, int expect) {
  if (sqlite3_step(stmt) != expect) Die(db, sqlite3_sql(stmt));
  sqlite3_reset(stmt);
}

// Runs body() until `seconds` have passed; returns operations per second.
template <typename Body>
double RunFor(double seconds, Body body) {
  const auto start = Clock::now();
  const auto stop = start + std::chrono::duration<double>(seconds);
  long long n = 0;
  for (;;) {
    for (int i = 0; i < 64; ++i, ++n) body(n);
    if (Clock::now() >= stop) break;
  }
  return n / std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: sqlite_limits FILE SECONDS\n");
    return 2;
  }
  const double seconds = std::atof(argv[2]);
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr) !=
      SQLITE_OK) {
    Die(db, "open");
  }
  sqlite3_busy_timeout(db, 5000);
  // The server's pragmas, in the server's order.
  for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON",
                             "PRAGMA temp_store=MEMORY", "PRAGMA cache_size=-32000"}) {
    Exec(db, pragma);
  }
  Exec(db, "DROP TABLE IF EXISTS bench_limits");
  Exec(db,
       "CREATE TABLE bench_limits (id INTEGER PRIMARY KEY, shift_id BIGINT NOT NULL, person_id BIGINT NOT NULL, "
       "status TEXT NOT NULL, created_at BIGINT NOT NULL)");

  sqlite3_stmt* begin = Prepare(db, "BEGIN IMMEDIATE");
  sqlite3_stmt* commit = Prepare(db, "COMMIT");
  sqlite3_stmt* insert =
      Prepare(db, "INSERT INTO bench_limits (shift_id, person_id, status, created_at) VALUES (?, ?, 'confirmed', ?)");
  const double inserts = RunFor(seconds, [&](long long n) {
    Step(db, begin, SQLITE_DONE);
    sqlite3_bind_int64(insert, 1, 1);
    sqlite3_bind_int64(insert, 2, n + 1);
    sqlite3_bind_int64(insert, 3, n);
    Step(db, insert, SQLITE_DONE);
    Step(db, commit, SQLITE_DONE);
  });
  const long long rows = sqlite3_last_insert_rowid(db);

  sqlite3_stmt* select = Prepare(db, "SELECT shift_id, person_id, status, created_at FROM bench_limits WHERE id = ?");
  std::mt19937_64 rnd(7);
  std::uniform_int_distribution<long long> pick(1, rows);
  const double reads = RunFor(seconds, [&](long long) {
    sqlite3_bind_int64(select, 1, pick(rnd));
    Step(db, select, SQLITE_ROW);
  });

  for (sqlite3_stmt* s : {begin, commit, insert, select}) sqlite3_finalize(s);
  sqlite3_close_v2(db);
  std::printf("sqlite_insert_tx_per_s=%.0f\nsqlite_pk_reads_per_s=%.0f\nsqlite_version=%s\n", inserts, reads,
              sqlite3_libversion());
  return 0;
}
