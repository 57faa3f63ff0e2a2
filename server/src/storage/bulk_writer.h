#pragma once
// BulkWriter: loads many rows into several tables through each database's fast path, for
// `tianshan generate` (and future imports of whole networks). Not for request handling.
//
//   SQLite      prepared multi-row INSERT statements (up to `sqlite_rows_per_statement` rows
//               each, bound by index), reused for a whole commit; a larger page cache on the
//               connection while loading. WAL and synchronous=NORMAL come from the driver.
//   PostgreSQL  COPY ... FROM STDIN in text format (PQputCopyData/PQputCopyEnd), with
//               synchronous_commit off for the loading transactions.
//
// Rows are buffered in memory; a commit writes every table's buffer in one transaction, tables
// in the order they were added, so add parent tables before the tables whose foreign keys
// point at them. FlushIfFull() starts a commit once `rows_per_commit` rows are buffered in
// total: call it between logical units (after a whole organization's people) so that a unit
// never spans two transactions. With `background` (the default) that commit runs on a second
// thread while the caller fills fresh buffers (at most one commit in flight, so commits keep
// their order); its failure is returned by the next FlushIfFull() or Flush(). Flush() commits
// everything buffered and waits. After a failure the caller should give up on the load.
//
// Values are given in column order: Begin(table) then exactly one Int/Text/Null per column.
// Explicit ids are the norm; call ResetIdSequence() for each table with an identity column
// afterwards so that the application's own inserts continue after the largest id (PostgreSQL
// identity sequences; SQLite INTEGER PRIMARY KEY needs nothing).
//
// Secondary indexes: DeferIndexes(table) drops the table's secondary indexes (not those behind
// PRIMARY KEY or UNIQUE constraints) and RestoreIndexes() creates them again from their saved
// definitions, which is much faster than maintaining them row by row. The definitions are saved
// in the database (storage_deferred_indexes), in the same transaction as the drop, so a load
// killed midway (SIGKILL, power loss) loses none: RestoreDeferredIndexes(), which every
// ApplyMigrations() ends with, creates them again.
//
// Unfinished loads: BeginLoad(db, name) commits a marker before the first row and EndLoad()
// removes it once the load is whole (rows, counters, indexes, sequences). A marker still there
// means the process died midway and the database holds part of a load: UnfinishedLoads() lists
// them, and `serve` and `verify-counters` refuse such a database with a clear message.
//
// Thread safety: one thread uses a BulkWriter; the Database may be shared.

#include <chrono>
#include <cstdint>
#include <future>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "storage/database.h"

namespace tianshan::storage {

struct BulkOptions {
  int64_t rows_per_commit = 100'000;
  int sqlite_rows_per_statement = 250;  // lowered when columns × rows exceeds SQLite's limit
  int sqlite_cache_mib = 512;
  bool background = true;  // commit on a second thread while the caller goes on
};

// The bookkeeping tables above (created by ApplyMigrations, next to schema_migrations).
[[nodiscard]] Status CreateBulkLoadTables(Transaction& tx);
// Creates every index a DeferIndexes() saved and no RestoreIndexes() restored.
[[nodiscard]] Status RestoreDeferredIndexes(Database& db);
[[nodiscard]] Status BeginLoad(Database& db, std::string_view name);
[[nodiscard]] Status EndLoad(Database& db, std::string_view name);
// "`tianshan generate` (started 2026-11-30 15:20:03 UTC)" per marker; empty when every load
// finished.
[[nodiscard]] Result<std::vector<std::string>> UnfinishedLoads(Database& db);

class BulkWriter {
 public:
  using Table = size_t;

  explicit BulkWriter(Database& db, BulkOptions options = {});
  ~BulkWriter();  // waits for a commit in flight
  BulkWriter(const BulkWriter&) = delete;
  BulkWriter& operator=(const BulkWriter&) = delete;

  // Registers `name` with its columns (code constants, never input). Returns its handle.
  Table AddTable(std::string name, std::vector<std::string> columns);

  // Starts a row of `table`; the previous row of every table must be complete.
  BulkWriter& Begin(Table table);
  BulkWriter& Int(int64_t v);
  BulkWriter& Text(std::string_view v);
  BulkWriter& Null();
  BulkWriter& OptInt(std::optional<int64_t> v) { return v ? Int(*v) : Null(); }
  BulkWriter& OptText(const std::optional<std::string>& v) { return v ? Text(*v) : Null(); }

  int64_t buffered_rows() const { return buffered_rows_; }
  [[nodiscard]] Status FlushIfFull() {
    return buffered_rows_ >= options_.rows_per_commit ? StartCommit() : Status::Ok();
  }
  [[nodiscard]] Status Flush();

  // Rows of `table` committed so far (as of the last Flush), and the seconds spent writing them.
  int64_t written(Table table) const { return tables_[table].written; }
  double seconds(Table table) const { return tables_[table].seconds; }
  const std::string& name(Table table) const { return tables_[table].name; }
  size_t table_count() const { return tables_.size(); }

  // See the file comment. `table` is a code constant with an `id` identity column.
  [[nodiscard]] Status ResetIdSequence(std::string_view table);
  [[nodiscard]] Status DeferIndexes(std::string_view table);
  [[nodiscard]] Status RestoreIndexes();
  // PostgreSQL: refreshes the planner's statistics of `table` (SQLite: nothing).
  [[nodiscard]] Status Analyze(std::string_view table);

 private:
  enum class CellKind : uint8_t { kNull, kInt, kText };
  struct Cell {
    int64_t i = 0;  // the integer, or the text's offset in the arena
    uint32_t len = 0;
    CellKind kind = CellKind::kNull;
  };
  struct TableBuffer {
    std::string name;
    std::vector<std::string> columns;
    std::vector<Cell> cells;
    std::string arena;
    int64_t written = 0;
    double seconds = 0;         // of committed rows
    double commit_seconds = 0;  // of the commit in flight
    size_t rows() const { return cells.size() / columns.size(); }
  };

  // Moves the buffers to in_flight_ and commits them (on the second thread with `background`).
  Status StartCommit();
  // Waits for the commit in flight and books its rows; its Status.
  Status Wait();
  Status CommitInFlight();
  Status WriteSqlite(Transaction& tx, const TableBuffer& t);
  Status WritePostgres(Transaction& tx, const TableBuffer& t);
  void Push(Cell c);

  Database& db_;
  BulkOptions options_;
  std::vector<TableBuffer> tables_;     // being filled by the caller
  std::vector<TableBuffer> in_flight_;  // being committed
  std::future<Status> pending_;
  Table current_ = 0;
  int64_t buffered_rows_ = 0;
};

}  // namespace tianshan::storage
