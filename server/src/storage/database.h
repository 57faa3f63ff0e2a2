#pragma once
// storage::Database: the one interface every module uses to reach SQLite or PostgreSQL.
//
// SQL is written once, portably, with `?` placeholders (the PostgreSQL driver rewrites them to
// $1..$n). Values are bound, never spliced into the text. Statements are prepared once per
// connection and cached by their text.
//
// Transactions: Write() and Read() run a function inside one transaction on a pooled
// connection. When the database reports a transient conflict (SQLite busy/locked, PostgreSQL
// serialization failure or deadlock) the whole function runs again, up to a bounded number of
// attempts, so the function must not have side effects outside the transaction. If the function
// returns a failed Status, the transaction rolls back and that Status is returned.
//
// Thread safety: a Database is shared by all threads; a Transaction belongs to the thread that
// runs the function and must not escape it.

#include <atomic>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.h"

namespace tianshan::storage {

enum class Dialect { kSqlite, kPostgres };

// A bound parameter. Strings are copied only when needed by the driver.
class Param {
 public:
  Param() = default;                                        // NULL
  Param(std::nullptr_t) {}                                  // NOLINT(google-explicit-constructor)
  Param(int v) : v_(static_cast<int64_t>(v)) {}             // NOLINT(google-explicit-constructor)
  Param(int64_t v) : v_(v) {}                               // NOLINT(google-explicit-constructor)
  Param(bool v) : v_(static_cast<int64_t>(v)) {}            // NOLINT(google-explicit-constructor)
  Param(double v) : v_(v) {}                                // NOLINT(google-explicit-constructor)
  Param(const char* v) : v_(std::string_view(v)) {}         // NOLINT(google-explicit-constructor)
  Param(std::string_view v) : v_(v) {}                      // NOLINT(google-explicit-constructor)
  Param(const std::string& v) : v_(std::string_view(v)) {}  // NOLINT(google-explicit-constructor)
  template <typename T>
  Param(const std::optional<T>& v) {  // NOLINT(google-explicit-constructor)
    if (v) *this = Param(*v);
  }

  bool is_null() const { return std::holds_alternative<std::monostate>(v_); }
  const std::variant<std::monostate, int64_t, double, std::string_view>& value() const { return v_; }

 private:
  std::variant<std::monostate, int64_t, double, std::string_view> v_;
};

using Value = std::variant<std::monostate, int64_t, double, std::string>;

// Column names of a result, shared by its rows.
using ColumnNames = std::shared_ptr<const std::vector<std::string>>;

// One result row. Repositories read columns **by name** ("id", "org_path"; the name a SELECT
// gives them, without a table prefix), so that adding or reordering columns never shifts a
// read. Reading a name the SELECT did not produce is a programming error: the process stops
// with the name in the message (tests catch it at once). By-position reads remain for
// one-column answers (COUNT(*), RETURNING id) and for generic code.
class Row {
 public:
  explicit Row(std::vector<Value> values, ColumnNames names = nullptr)
      : values_(std::move(values)), names_(std::move(names)) {}
  size_t size() const { return values_.size(); }
  bool IsNull(size_t i) const { return std::holds_alternative<std::monostate>(values_.at(i)); }
  // Integer column; NULL reads as 0, a text column holding digits is parsed.
  int64_t Int(size_t i) const;
  double Double(size_t i) const;
  // Text column; NULL reads as "".
  std::string Text(size_t i) const;
  std::optional<std::string> OptText(size_t i) const;
  std::optional<int64_t> OptInt(size_t i) const;

  // The same, by column name.
  size_t Index(std::string_view name) const;
  bool Has(std::string_view name) const;
  bool IsNull(std::string_view name) const { return IsNull(Index(name)); }
  int64_t Int(std::string_view name) const { return Int(Index(name)); }
  double Double(std::string_view name) const { return Double(Index(name)); }
  std::string Text(std::string_view name) const { return Text(Index(name)); }
  std::optional<std::string> OptText(std::string_view name) const { return OptText(Index(name)); }
  std::optional<int64_t> OptInt(std::string_view name) const { return OptInt(Index(name)); }
  bool Bool(std::string_view name) const { return Int(Index(name)) != 0; }

 private:
  std::vector<Value> values_;
  ColumnNames names_;
};

struct Rows {
  std::vector<Row> rows;
  bool empty() const { return rows.empty(); }
  size_t size() const { return rows.size(); }
  const Row& operator[](size_t i) const { return rows[i]; }
  auto begin() const { return rows.begin(); }
  auto end() const { return rows.end(); }
};

class Transaction {
 public:
  virtual ~Transaction() = default;
  virtual Dialect dialect() const = 0;

  // Runs a statement that returns rows.
  [[nodiscard]] virtual Result<Rows> Query(std::string_view sql, std::span<const Param> params) = 0;
  // Runs a statement and returns the number of rows it changed.
  [[nodiscard]] virtual Result<int64_t> Execute(std::string_view sql, std::span<const Param> params) = 0;

  [[nodiscard]] Result<Rows> Query(std::string_view sql, std::initializer_list<Param> params = {}) {
    return Query(sql, std::span<const Param>(params.begin(), params.size()));
  }
  [[nodiscard]] Result<int64_t> Execute(std::string_view sql, std::initializer_list<Param> params = {}) {
    return Execute(sql, std::span<const Param>(params.begin(), params.size()));
  }
  // Runs a query expected to return at most one row.
  [[nodiscard]] Result<std::optional<Row>> QueryOne(std::string_view sql, std::initializer_list<Param> params = {});
  // Runs several statements without parameters (migrations). Not cached.
  [[nodiscard]] virtual Status ExecuteScript(std::string_view sql) = 0;
  // The driver's own connection handle (sqlite3* for kSqlite, PGconn* for kPostgres), valid
  // only while this transaction runs. For the bulk load paths inside storage/ (bulk_writer.cc)
  // only: modules never use it, and statements run through it bypass the statement cache.
  virtual void* native_handle() = 0;

  // Runs `fn` once this transaction has committed, on the committing thread, after the
  // database call returns its result to no one yet: for telling others about a change only
  // when it is real (live notification streams, cache invalidation). Never runs when the
  // transaction rolls back; an attempt that is retried forgets what it registered (the retry
  // registers again). `fn` must not throw and must be quick.
  void AfterCommit(std::function<void()> fn) { after_commit_.push_back(std::move(fn)); }
  std::vector<std::function<void()>> TakeAfterCommit() { return std::move(after_commit_); }
  // Forgets what an attempt registered: its AfterCommit callbacks and ChangedNothing().
  void ForgetAfterCommit() {
    after_commit_.clear();
    changed_nothing_ = false;
  }

  // Declares that this write transaction changed no row — a claim of due work that found none,
  // an INSERT … ON CONFLICT DO NOTHING that inserted nothing — so that its commit is no write to
  // anyone: write_generation() stays where it was and no other instance is told of a write, and
  // the caches keyed on them stay valid. Only for a caller that knows it from the answers of its
  // statements: declared of a transaction that did change rows, it leaves caches stale.
  void ChangedNothing() { changed_nothing_ = true; }
  bool changed_nothing() const { return changed_nothing_; }

 private:
  std::vector<std::function<void()>> after_commit_;
  bool changed_nothing_ = false;
};

enum class TxMode { kRead, kWrite };

class Database {
 public:
  virtual ~Database() = default;
  virtual Dialect dialect() const = 0;
  // A short description without credentials ("sqlite:data/tianshan.db", "postgresql://host/db").
  virtual std::string describe() const = 0;

  // See the file comment for retry and rollback semantics.
  [[nodiscard]] Status Run(TxMode mode, const std::function<Status(Transaction&)>& fn);

  template <typename F>
  [[nodiscard]] auto Write(F&& fn) -> decltype(fn(std::declval<Transaction&>())) {
    return RunTyped(TxMode::kWrite, std::forward<F>(fn));
  }
  template <typename F>
  [[nodiscard]] auto Read(F&& fn) -> decltype(fn(std::declval<Transaction&>())) {
    return RunTyped(TxMode::kRead, std::forward<F>(fn));
  }

  // Writes a consistent copy of the whole database to `file` (SQLite: VACUUM INTO;
  // PostgreSQL: pg_dump custom format). Fails when `file` exists.
  [[nodiscard]] virtual Status BackupTo(const std::string& file) = 0;

  // Total wall time spent in transactions, for /metrics.
  uint64_t total_micros() const { return total_micros_.load(); }
  uint64_t transaction_count() const { return transaction_count_.load(); }
  uint64_t retry_count() const { return retry_count_.load(); }
  // Incremented each time a write transaction of this process ends (committed or not), except
  // one that committed having declared Transaction::ChangedNothing(). A value taken before a
  // read that is unchanged afterwards means no write of this process committed in between;
  // caches of read results key on it.
  uint64_t write_generation() const { return write_generation_.load(std::memory_order_acquire); }

 protected:
  // One attempt: begin, fn, commit or rollback. A transient conflict returns kRetry.
  virtual Status RunOnce(TxMode mode, const std::function<Status(Transaction&)>& fn) = 0;
  // Called by Run on the committing thread after a write transaction committed that changed
  // something (it did not declare Transaction::ChangedNothing()): for telling other instances.
  virtual void WriteCommitted() {}

 private:
  template <typename F>
  auto RunTyped(TxMode mode, F&& fn) -> decltype(fn(std::declval<Transaction&>())) {
    using R = decltype(fn(std::declval<Transaction&>()));
    std::optional<R> out;
    Status s = Run(mode, [&](Transaction& tx) -> Status {
      out.emplace(fn(tx));
      return out->status();
    });
    if (!s.ok()) {
      if (out && !out->ok()) return std::move(*out);
      return R(std::move(s));
    }
    return std::move(*out);
  }

  std::atomic<uint64_t> total_micros_{0};
  std::atomic<uint64_t> transaction_count_{0};
  std::atomic<uint64_t> retry_count_{0};
  std::atomic<uint64_t> write_generation_{0};
};

// Opens "sqlite:PATH" or "postgresql://..." (also "postgres://"). `pool_size` bounds the
// number of connections. A database that cannot be opened is an error naming the URL.
Result<std::unique_ptr<Database>> OpenDatabase(const std::string& url, int pool_size = 8);

}  // namespace tianshan::storage
