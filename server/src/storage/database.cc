#include "storage/database.h"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <thread>

#include "storage/database_options.h"
#include "storage/postgres/postgres_database.h"
#include "storage/read_replica.h"
#include "storage/sqlite/sqlite_database.h"

namespace tianshan::storage {

int64_t Row::Int(size_t i) const {
  const Value& v = values_.at(i);
  if (const auto* x = std::get_if<int64_t>(&v)) return *x;
  if (const auto* d = std::get_if<double>(&v)) return static_cast<int64_t>(*d);
  if (const auto* s = std::get_if<std::string>(&v)) {
    int64_t out = 0;
    std::from_chars(s->data(), s->data() + s->size(), out);
    return out;
  }
  return 0;
}

double Row::Double(size_t i) const {
  const Value& v = values_.at(i);
  if (const auto* x = std::get_if<double>(&v)) return *x;
  if (const auto* n = std::get_if<int64_t>(&v)) return static_cast<double>(*n);
  if (const auto* s = std::get_if<std::string>(&v)) return std::strtod(s->c_str(), nullptr);
  return 0;
}

std::string Row::Text(size_t i) const {
  const Value& v = values_.at(i);
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* n = std::get_if<int64_t>(&v)) return std::to_string(*n);
  if (const auto* d = std::get_if<double>(&v)) return std::to_string(*d);
  return {};
}

std::optional<std::string> Row::OptText(size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Text(i);
}

std::optional<int64_t> Row::OptInt(size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Int(i);
}

size_t Row::Index(std::string_view name) const {
  if (names_) {
    // Repositories mostly read a row's columns in the order of their SELECT: the column after
    // the one found last is tried first (a 50-row, 19-column page spent 4% of its CPU here).
    thread_local size_t next = 0;
    const auto& names = *names_;
    if (next < names.size() && names[next] == name) return next++;
    for (size_t i = 0; i < names.size(); ++i) {
      if (names[i] == name) {
        next = i + 1;
        return i;
      }
    }
  }
  // A repository asked for a column its own SELECT does not produce: a bug, not a runtime state.
  std::fprintf(stderr, "storage::Row: no column named \"%.*s\" in this result\n", static_cast<int>(name.size()),
               name.data());
  std::abort();
}

bool Row::Has(std::string_view name) const {
  if (!names_) return false;
  for (const auto& n : *names_) {
    if (n == name) return true;
  }
  return false;
}

Result<std::optional<Row>> Transaction::QueryOne(std::string_view sql, std::initializer_list<Param> params) {
  auto rows = Query(sql, params);
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<Row>();
  return std::optional<Row>(std::move(rows->rows.front()));
}

Status Database::Run(TxMode mode, const std::function<Status(Transaction&)>& fn) {
  constexpr int kMaxAttempts = 12;
  auto start = std::chrono::steady_clock::now();
  thread_local std::minstd_rand jitter(std::random_device{}());
  Status s;
  if (mode == TxMode::kWrite) NoteWriteOnThisThread();  // later reads of this request see it
  // Callbacks registered by the attempt that committed; an attempt that fails forgets its own.
  std::vector<std::function<void()>> after_commit;
  bool changed_nothing = false;  // of the attempt that committed
  auto attempt_fn = [&](Transaction& tx) -> Status {
    tx.ForgetAfterCommit();
    Status r = fn(tx);
    after_commit = r.ok() ? tx.TakeAfterCommit() : std::vector<std::function<void()>>{};
    changed_nothing = r.ok() && tx.changed_nothing();
    return r;
  };
  for (int attempt = 1; attempt <= kMaxAttempts; ++attempt) {
    after_commit.clear();
    changed_nothing = false;
    s = RunOnce(mode, attempt_fn);
    if (s.code() != StatusCode::kRetry) break;
    retry_count_.fetch_add(1);
    if (attempt == kMaxAttempts) {
      s = Status::Unavailable("error.unavailable").WithDetail("transaction retries exhausted: " + s.message());
      break;
    }
    // Exponential backoff with jitter: 1, 2, 4 ... ms, capped at 50 ms.
    int base = std::min(50, 1 << std::min(attempt, 6));
    std::this_thread::sleep_for(std::chrono::microseconds(500 * base + jitter() % (1000 * base)));
  }
  auto micros = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
  const bool wrote = mode == TxMode::kWrite && !(s.ok() && changed_nothing);
  if (wrote) write_generation_.fetch_add(1, std::memory_order_release);
  total_micros_.fetch_add(static_cast<uint64_t>(micros.count()));
  transaction_count_.fetch_add(1);
  if (s.ok()) {
    if (wrote) WriteCommitted();
    for (auto& f : after_commit) f();
  }
  return s;
}

Result<std::unique_ptr<Database>> OpenDatabase(const std::string& url, int pool_size) {
  DatabaseOptions options;
  options.pool_size = pool_size;
  return OpenDatabase(url, options);
}

Result<std::unique_ptr<Database>> OpenDatabase(const std::string& url, const DatabaseOptions& options) {
  if (url.rfind("sqlite:", 0) == 0) {
    return OpenSqlite(url.substr(7), options.pool_size, options.group_commit, options.statement_cache_capacity);
  }
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    return OpenPostgres(url, options.pool_size, options.statement_cache_capacity, options.pg_unnamed_statements);
  }
  return Status::Invalid("db", "unsupported database URL (use sqlite:PATH or postgresql://...)");
}

StatementCacheStats StatementCacheStatsOf(const Database& db) {
  if (auto pg = PostgresStatementStats(db)) return *pg;
  return SqliteStatementStats(db).value_or(StatementCacheStats{});
}

}  // namespace tianshan::storage
