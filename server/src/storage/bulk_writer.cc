#include "storage/bulk_writer.h"

#include <libpq-fe.h>
#include <sqlite3.h>

#include <algorithm>
#include <cassert>
#include <charconv>
#include <ctime>

namespace tianshan::storage {
namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

Status SqliteError(sqlite3* db, int rc, const std::string& table) {
  std::string msg = "bulk insert into " + table + ": " + sqlite3_errmsg(db);
  int primary = rc & 0xff;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) return Status::Retry(msg);
  if (primary == SQLITE_CONSTRAINT) return Status::Conflict("error.conflict").WithDetail(msg);
  return Status::Internal("error.internal").WithDetail(msg);
}

Status PgError(PGconn* conn, const std::string& what) {
  return Status::Internal("error.internal").WithDetail(what + ": " + PQerrorMessage(conn));
}

std::string ColumnList(const std::vector<std::string>& columns) {
  std::string out;
  for (size_t i = 0; i < columns.size(); ++i) out += (i ? ", " : "") + columns[i];
  return out;
}

// COPY text format: backslash, tab, newline and carriage return are escaped.
void AppendCopyText(std::string& out, std::string_view v) {
  for (char c : v) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
}

}  // namespace

BulkWriter::BulkWriter(Database& db, BulkOptions options) : db_(db), options_(options) {}

BulkWriter::Table BulkWriter::AddTable(std::string name, std::vector<std::string> columns) {
  assert(!columns.empty());
  assert(!pending_.valid());
  in_flight_.push_back(TableBuffer{name, columns, {}, {}, 0, 0, 0});
  tables_.push_back(TableBuffer{std::move(name), std::move(columns), {}, {}, 0, 0, 0});
  return tables_.size() - 1;
}

BulkWriter& BulkWriter::Begin(Table table) {
  assert(table < tables_.size());
  assert(tables_[current_].cells.size() % tables_[current_].columns.size() == 0);
  current_ = table;
  ++buffered_rows_;
  return *this;
}

void BulkWriter::Push(Cell c) {
  TableBuffer& t = tables_[current_];
  t.cells.push_back(c);
}

BulkWriter& BulkWriter::Int(int64_t v) {
  Push({v, 0, CellKind::kInt});
  return *this;
}

BulkWriter& BulkWriter::Text(std::string_view v) {
  TableBuffer& t = tables_[current_];
  Push({static_cast<int64_t>(t.arena.size()), static_cast<uint32_t>(v.size()), CellKind::kText});
  t.arena.append(v);
  return *this;
}

BulkWriter& BulkWriter::Null() {
  Push({0, 0, CellKind::kNull});
  return *this;
}

BulkWriter::~BulkWriter() { Wait().IgnoreError(); }

Status BulkWriter::Flush() {
  TS_RETURN_IF_ERROR(StartCommit());
  return Wait();
}

Status BulkWriter::StartCommit() {
  TS_RETURN_IF_ERROR(Wait());
  if (buffered_rows_ == 0) return Status::Ok();
  for (size_t i = 0; i < tables_.size(); ++i) {
    std::swap(in_flight_[i].cells, tables_[i].cells);
    std::swap(in_flight_[i].arena, tables_[i].arena);
  }
  buffered_rows_ = 0;
  if (!options_.background) {
    pending_ = std::async(std::launch::deferred, [this] { return CommitInFlight(); });
  } else {
    pending_ = std::async(std::launch::async, [this] { return CommitInFlight(); });
  }
  return Status::Ok();
}

Status BulkWriter::Wait() {
  if (!pending_.valid()) return Status::Ok();
  Status s = pending_.get();
  for (size_t i = 0; i < in_flight_.size(); ++i) {
    TableBuffer& t = in_flight_[i];
    if (s.ok()) {
      tables_[i].written += static_cast<int64_t>(t.rows());
      tables_[i].seconds += t.commit_seconds;
    }
    t.cells.clear();
    t.arena.clear();
    t.commit_seconds = 0;
  }
  return s;
}

Status BulkWriter::CommitInFlight() {
  return db_.Write([&](Transaction& tx) -> Status {
    if (tx.dialect() == Dialect::kPostgres) {
      TS_RETURN_IF_ERROR(tx.ExecuteScript("SET LOCAL synchronous_commit = off"));
    } else {
      TS_RETURN_IF_ERROR(
          tx.ExecuteScript("PRAGMA cache_size=-" + std::to_string(int64_t{options_.sqlite_cache_mib} * 1024)));
    }
    for (TableBuffer& t : in_flight_) {
      if (t.cells.empty()) continue;
      auto start = Clock::now();
      TS_RETURN_IF_ERROR(tx.dialect() == Dialect::kPostgres ? WritePostgres(tx, t) : WriteSqlite(tx, t));
      t.commit_seconds = SecondsSince(start);
    }
    return Status::Ok();
  });
}

Status BulkWriter::WriteSqlite(Transaction& tx, const TableBuffer& t) {
  auto* db = static_cast<sqlite3*>(tx.native_handle());
  const size_t ncols = t.columns.size();
  const size_t max_vars = static_cast<size_t>(sqlite3_limit(db, SQLITE_LIMIT_VARIABLE_NUMBER, -1));
  const size_t per_statement =
      std::max<size_t>(1, std::min<size_t>(static_cast<size_t>(options_.sqlite_rows_per_statement), max_vars / ncols));
  std::string one_row = "(";
  for (size_t c = 0; c < ncols; ++c) one_row += c ? ",?" : "?";
  one_row += ")";
  const std::string head = "INSERT INTO " + t.name + " (" + ColumnList(t.columns) + ") VALUES ";

  struct Finalizer {
    sqlite3_stmt* s = nullptr;
    ~Finalizer() { sqlite3_finalize(s); }
  };
  Finalizer full;
  size_t prepared_rows = 0;
  const size_t total = t.rows();
  for (size_t row = 0; row < total;) {
    size_t n = std::min(per_statement, total - row);
    Finalizer partial;
    sqlite3_stmt* stmt = nullptr;
    if (n == per_statement && prepared_rows == per_statement) {
      stmt = full.s;
    } else {
      std::string sql = head;
      for (size_t r = 0; r < n; ++r) sql += (r ? "," : "") + one_row;
      int rc = sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr);
      if (rc != SQLITE_OK) return SqliteError(db, rc, t.name);
      if (n == per_statement) {
        full.s = stmt;
        prepared_rows = n;
      } else {
        partial.s = stmt;
      }
    }
    const Cell* cell = &t.cells[row * ncols];
    for (int idx = 1; idx <= static_cast<int>(n * ncols); ++idx, ++cell) {
      int rc = SQLITE_OK;
      switch (cell->kind) {
        case CellKind::kNull:
          rc = sqlite3_bind_null(stmt, idx);
          break;
        case CellKind::kInt:
          rc = sqlite3_bind_int64(stmt, idx, cell->i);
          break;
        case CellKind::kText:
          rc = sqlite3_bind_text64(stmt, idx, t.arena.data() + cell->i, cell->len, SQLITE_STATIC, SQLITE_UTF8);
          break;
      }
      if (rc != SQLITE_OK) return SqliteError(db, rc, t.name);
    }
    int rc = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    if (rc != SQLITE_DONE) return SqliteError(db, rc, t.name);
    row += n;
  }
  return Status::Ok();
}

Status BulkWriter::WritePostgres(Transaction& tx, const TableBuffer& t) {
  auto* conn = static_cast<PGconn*>(tx.native_handle());
  const std::string sql = "COPY " + t.name + " (" + ColumnList(t.columns) + ") FROM STDIN";
  PGresult* started = PQexec(conn, sql.c_str());
  ExecStatusType st = PQresultStatus(started);
  PQclear(started);
  if (st != PGRES_COPY_IN) return PgError(conn, "copy into " + t.name);

  constexpr size_t kChunk = 1 << 20;
  std::string chunk;
  chunk.reserve(kChunk + 4096);
  const size_t ncols = t.columns.size();
  bool send_failed = false;
  auto send = [&] {
    if (!chunk.empty() && PQputCopyData(conn, chunk.data(), static_cast<int>(chunk.size())) != 1) send_failed = true;
    chunk.clear();
  };
  char digits[24];
  for (size_t i = 0; i < t.cells.size() && !send_failed; ++i) {
    const Cell& c = t.cells[i];
    switch (c.kind) {
      case CellKind::kNull:
        chunk += "\\N";
        break;
      case CellKind::kInt: {
        auto [end, ec] = std::to_chars(digits, digits + sizeof digits, c.i);
        chunk.append(digits, end);
        break;
      }
      case CellKind::kText:
        AppendCopyText(chunk, std::string_view(t.arena).substr(c.i, c.len));
        break;
    }
    chunk += (i + 1) % ncols == 0 ? '\n' : '\t';
    if (chunk.size() >= kChunk) send();
  }
  if (!send_failed) send();
  if (PQputCopyEnd(conn, send_failed ? "client failed to send data" : nullptr) != 1) {
    return PgError(conn, "copy into " + t.name);
  }
  Status result = Status::Ok();
  while (PGresult* r = PQgetResult(conn)) {
    if (PQresultStatus(r) != PGRES_COMMAND_OK && result.ok()) {
      const char* state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
      std::string msg = "copy into " + t.name + ": " + PQresultErrorMessage(r);
      result = state && std::string_view(state).rfind("23", 0) == 0
                   ? Status::Conflict("error.conflict").WithDetail(msg)
                   : Status::Internal("error.internal").WithDetail(msg);
    }
    PQclear(r);
  }
  if (send_failed && result.ok()) return PgError(conn, "copy into " + t.name);
  return result;
}

Status BulkWriter::ResetIdSequence(std::string_view table) {
  TS_RETURN_IF_ERROR(Wait());
  if (db_.dialect() != Dialect::kPostgres) return Status::Ok();
  std::string t(table);
  return db_.Write([&](Transaction& tx) -> Status {
    return tx
        .Query("SELECT setval(pg_get_serial_sequence('" + t + "', 'id'), COALESCE((SELECT MAX(id) FROM " + t +
               "), 0) + 1, false)")
        .status();
  });
}

Status BulkWriter::DeferIndexes(std::string_view table) {
  TS_RETURN_IF_ERROR(Wait());
  std::string t(table);
  return db_.Write([&](Transaction& tx) -> Status {
    TS_RETURN_IF_ERROR(CreateBulkLoadTables(tx));
    const bool pg = tx.dialect() == Dialect::kPostgres;
    TS_ASSIGN_OR_RETURN(
        auto rows,
        tx.Query(pg ? "SELECT indexname, indexdef FROM pg_indexes i WHERE tablename = ? AND schemaname = "
                      "current_schema() AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = "
                      "(quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass) ORDER BY indexname"
                    : "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL "
                      "ORDER BY name",
                 {t}));
    for (const auto& r : rows) {
      TS_RETURN_IF_ERROR(tx.ExecuteScript("DROP INDEX " + r.Text(0)));
      TS_RETURN_IF_ERROR(
          tx.Execute("INSERT INTO storage_deferred_indexes (name, definition) VALUES (?, ?)", {r.Text(0), r.Text(1)})
              .status());
    }
    return Status::Ok();
  });
}

Status BulkWriter::RestoreIndexes() {
  TS_RETURN_IF_ERROR(Wait());
  return RestoreDeferredIndexes(db_);
}

Status CreateBulkLoadTables(Transaction& tx) {
  return tx.ExecuteScript(
      "CREATE TABLE IF NOT EXISTS storage_deferred_indexes (name TEXT PRIMARY KEY, definition TEXT NOT NULL);"
      "CREATE TABLE IF NOT EXISTS storage_unfinished_loads (name TEXT PRIMARY KEY, started_at BIGINT NOT NULL)");
}

Status RestoreDeferredIndexes(Database& db) {
  // One index per transaction, its definition deleted with its creation: a kill in between
  // leaves only the indexes not yet built.
  for (;;) {
    TS_ASSIGN_OR_RETURN(bool more, db.Write([](Transaction& tx) -> Result<bool> {
      if (tx.dialect() == Dialect::kPostgres) {  // two instances starting at once build each index once
        TS_RETURN_IF_ERROR(tx.Query("SELECT pg_advisory_xact_lock(7310002)").status());
      }
      TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT name, definition FROM storage_deferred_indexes ORDER BY name "
                                                "LIMIT 1"));
      if (!row) return false;
      TS_RETURN_IF_ERROR(tx.ExecuteScript(row->Text(1)));
      TS_RETURN_IF_ERROR(tx.Execute("DELETE FROM storage_deferred_indexes WHERE name = ?", {row->Text(0)}).status());
      return true;
    }));
    if (!more) return Status::Ok();
  }
}

Status BeginLoad(Database& db, std::string_view name) {
  const int64_t now = static_cast<int64_t>(std::time(nullptr)) * 1000;
  return db.Write([&](Transaction& tx) -> Status {
    TS_RETURN_IF_ERROR(CreateBulkLoadTables(tx));
    TS_RETURN_IF_ERROR(tx.Execute("DELETE FROM storage_unfinished_loads WHERE name = ?", {std::string(name)}).status());
    return tx.Execute("INSERT INTO storage_unfinished_loads (name, started_at) VALUES (?, ?)", {std::string(name), now})
        .status();
  });
}

Status EndLoad(Database& db, std::string_view name) {
  return db.Write([&](Transaction& tx) -> Status {
    return tx.Execute("DELETE FROM storage_unfinished_loads WHERE name = ?", {std::string(name)}).status();
  });
}

Result<std::vector<std::string>> UnfinishedLoads(Database& db) {
  return db.Read([](Transaction& tx) -> Result<std::vector<std::string>> {
    TS_ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT name, started_at FROM storage_unfinished_loads ORDER BY name"));
    std::vector<std::string> out;
    for (const auto& r : rows) {
      const std::time_t started = static_cast<std::time_t>(r.Int(1) / 1000);
      std::tm utc{};
      gmtime_r(&started, &utc);
      char when[32];
      std::strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &utc);
      out.push_back("`tianshan " + r.Text(0) + "` (started " + std::string(when) + " UTC)");
    }
    return out;
  });
}

Status BulkWriter::Analyze(std::string_view table) {
  TS_RETURN_IF_ERROR(Wait());
  if (db_.dialect() != Dialect::kPostgres) return Status::Ok();
  std::string sql = "ANALYZE " + std::string(table);
  return db_.Write([&](Transaction& tx) { return tx.ExecuteScript(sql); });
}

}  // namespace tianshan::storage
