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
// Rows are buffered in memory; Flush() writes every table's buffer in one transaction, tables
// in the order they were added, so add parent tables before the tables whose foreign keys
// point at them. FlushIfFull() flushes once `rows_per_commit` rows are buffered in total: call
// it between logical units (after a whole organization's people) so that a unit never spans
// two transactions. A failed flush rolls its transaction back and keeps the buffers (a retry
// of the transaction re-sends them); the caller should give up on the load.
//
// Values are given in column order: Begin(table) then exactly one Int/Text/Null per column.
// Explicit ids are the norm; call ResetIdSequence() for each table with an identity column
// afterwards so that the application's own inserts continue after the largest id (PostgreSQL
// identity sequences; SQLite INTEGER PRIMARY KEY needs nothing).
//
// Thread safety: one thread uses a BulkWriter; the Database may be shared.

#include <chrono>
#include <cstdint>
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
};

class BulkWriter {
 public:
  using Table = size_t;

  explicit BulkWriter(Database& db, BulkOptions options = {});
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
  [[nodiscard]] Status FlushIfFull() { return buffered_rows_ >= options_.rows_per_commit ? Flush() : Status::Ok(); }
  [[nodiscard]] Status Flush();

  // Rows of `table` written (committed) so far, and the seconds spent writing them.
  int64_t written(Table table) const { return tables_[table].written; }
  double seconds(Table table) const { return tables_[table].seconds; }
  const std::string& name(Table table) const { return tables_[table].name; }
  size_t table_count() const { return tables_.size(); }

  // See the file comment. `table` is a code constant with an `id` identity column.
  [[nodiscard]] Status ResetIdSequence(std::string_view table);

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
    double seconds = 0;
    size_t rows() const { return cells.size() / columns.size(); }
  };

  Status WriteSqlite(Transaction& tx, TableBuffer& t);
  Status WritePostgres(Transaction& tx, TableBuffer& t);
  void Push(Cell c);

  Database& db_;
  BulkOptions options_;
  std::vector<TableBuffer> tables_;
  Table current_ = 0;
  int64_t buffered_rows_ = 0;
};

}  // namespace tianshan::storage
