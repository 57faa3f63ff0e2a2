// The PostgreSQL backup format (see storage/backup.h for why not pg_dump):
//
//   tianshan-postgres-backup 1
//   tables N
//   <table> <column>,<column>,...        N lines, in foreign-key order (parents first)
//   data <table>                         then for each table, in the same order:
//   <length>                             chunks of COPY text-format bytes,
//   <bytes>
//   0                                    ended by a zero length
//   end

#include <libpq-fe.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "storage/backup.h"

namespace tianshan::storage {
namespace {

constexpr const char* kMagic = "tianshan-postgres-backup 1";

struct TableColumns {
  std::string table;
  std::string columns;  // comma-separated, in column order
};

Status PgError(PGconn* conn, std::string_view what) {
  return Status::Internal("error.internal").WithDetail(std::string(what) + ": " + PQerrorMessage(conn));
}

std::string Quoted(std::string_view name) { return "\"" + std::string(name) + "\""; }

std::string QuotedList(const std::string& columns) {
  std::string out;
  std::stringstream in(columns);
  std::string column;
  while (std::getline(in, column, ',')) out += (out.empty() ? "" : ",") + Quoted(column);
  return out;
}

// The current schema's tables with their columns, parents before children (a foreign key to
// the table itself does not order it).
Result<std::vector<TableColumns>> TablesInLoadOrder(Transaction& tx) {
  auto tables = ListTables(tx);
  if (!tables.ok()) return tables.status();
  auto columns = tx.Query(
      "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() "
      "ORDER BY table_name, ordinal_position");
  if (!columns.ok()) return columns.status();
  std::map<std::string, std::string> column_list;
  for (const auto& row : *columns) {
    std::string& list = column_list[row.Text("table_name")];
    list += (list.empty() ? "" : ",") + row.Text("column_name");
  }
  auto keys = tx.Query(
      "SELECT (SELECT relname FROM pg_class WHERE oid = c.conrelid) AS child, "
      "(SELECT relname FROM pg_class WHERE oid = c.confrelid) AS parent FROM pg_constraint c "
      "WHERE c.contype = 'f' AND c.connamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())");
  if (!keys.ok()) return keys.status();
  std::map<std::string, std::set<std::string>> parents;
  for (const auto& row : *keys) {
    if (row.Text("child") != row.Text("parent")) parents[row.Text("child")].insert(row.Text("parent"));
  }
  std::vector<TableColumns> out;
  std::set<std::string> placed;
  while (out.size() < tables->size()) {
    bool progressed = false;
    for (const auto& table : *tables) {
      if (placed.count(table) != 0) continue;
      const auto& needs = parents[table];
      if (!std::all_of(needs.begin(), needs.end(), [&](const std::string& p) { return placed.count(p) != 0; }))
        continue;
      out.push_back({table, column_list[table]});
      placed.insert(table);
      progressed = true;
    }
    if (!progressed) return Status::Internal("error.internal").WithDetail("foreign keys form a cycle");
  }
  return out;
}

Status CopyOut(PGconn* conn, const TableColumns& t, std::ofstream& out) {
  std::string sql = "COPY " + Quoted(t.table) + " (" + QuotedList(t.columns) + ") TO STDOUT";
  PGresult* res = PQexec(conn, sql.c_str());
  bool started = PQresultStatus(res) == PGRES_COPY_OUT;
  PQclear(res);
  if (!started) return PgError(conn, "copy out " + t.table);
  out << "data " << t.table << "\n";
  char* buffer = nullptr;
  int n = 0;
  while ((n = PQgetCopyData(conn, &buffer, 0)) > 0) {
    out << n << "\n";
    out.write(buffer, n);
    PQfreemem(buffer);
  }
  out << "0\n";
  res = PQgetResult(conn);
  bool ok = n == -1 && PQresultStatus(res) == PGRES_COMMAND_OK;
  PQclear(res);
  while ((res = PQgetResult(conn)) != nullptr) PQclear(res);
  return ok ? Status::Ok() : PgError(conn, "copy out " + t.table);
}

// A decimal count at the start of `line`; nullopt when there is none.
std::optional<size_t> ParseSize(const std::string& line) {
  size_t n = 0;
  auto [end, ec] = std::from_chars(line.data(), line.data() + line.size(), n);
  if (ec != std::errc() || end != line.data() + line.size()) return std::nullopt;
  return n;
}

Status Damaged(const std::string& file, const std::string& what) {
  return Status::BadRequest("restore.damaged").WithParam(file).WithDetail(what);
}

Status CopyIn(PGconn* conn, const TableColumns& t, std::ifstream& in, const std::string& file) {
  std::string line;
  if (!std::getline(in, line) || line != "data " + t.table) return Damaged(file, "expected data of " + t.table);
  std::string sql = "COPY " + Quoted(t.table) + " (" + QuotedList(t.columns) + ") FROM STDIN";
  PGresult* res = PQexec(conn, sql.c_str());
  bool started = PQresultStatus(res) == PGRES_COPY_IN;
  PQclear(res);
  if (!started) return PgError(conn, "copy in " + t.table);
  std::string chunk;
  bool ok = true;
  for (;;) {
    if (!std::getline(in, line)) {
      ok = false;
      break;
    }
    auto size = ParseSize(line);
    if (!size || *size > (size_t{1} << 30)) {
      ok = false;
      break;
    }
    const size_t n = *size;
    if (n == 0) break;
    chunk.resize(n);
    if (!in.read(chunk.data(), static_cast<std::streamsize>(n)) ||
        PQputCopyData(conn, chunk.data(), static_cast<int>(n)) != 1) {
      ok = false;
      break;
    }
  }
  PQputCopyEnd(conn, ok ? nullptr : "backup file damaged");
  res = PQgetResult(conn);
  bool copied = PQresultStatus(res) == PGRES_COMMAND_OK;
  PQclear(res);
  while ((res = PQgetResult(conn)) != nullptr) PQclear(res);
  if (!ok) return Damaged(file, "data of " + t.table + " ends early");
  return copied ? Status::Ok() : PgError(conn, "copy in " + t.table);
}

}  // namespace

Status PostgresBackup(Database& db, const std::string& file) {
  if (std::filesystem::exists(file)) return Status::Conflict("backup.file_exists").WithParam(file);
  const std::string partial = file + ".partial";
  Status s = db.Run(TxMode::kRead, [&](Transaction& tx) -> Status {
    auto* conn = static_cast<PGconn*>(tx.native_handle());
    // Before the first query: every table below is read from one snapshot.
    PGresult* res = PQexec(conn, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
    bool set = PQresultStatus(res) == PGRES_COMMAND_OK;
    PQclear(res);
    if (!set) return PgError(conn, "snapshot");
    auto tables = TablesInLoadOrder(tx);
    if (!tables.ok()) return tables.status();
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!out) return Status::Internal("error.internal").WithDetail("cannot write " + partial);
    out << kMagic << "\ntables " << tables->size() << "\n";
    for (const auto& t : *tables) out << t.table << " " << t.columns << "\n";
    for (const auto& t : *tables) {
      if (Status c = CopyOut(conn, t, out); !c.ok()) return c;
    }
    out << "end\n";
    out.flush();
    if (!out) return Status::Internal("error.internal").WithDetail("cannot write " + partial);
    return Status::Ok();
  });
  std::error_code ec;
  if (!s.ok()) {
    std::filesystem::remove(partial, ec);
    return s;
  }
  std::filesystem::rename(partial, file, ec);
  if (ec) return Status::Internal("error.internal").WithDetail("cannot rename " + partial + ": " + ec.message());
  return Status::Ok();
}

Status PostgresRestore(Database& db, const std::string& file) {
  return db.Run(TxMode::kWrite, [&](Transaction& tx) -> Status {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Status::NotFound("restore.no_file").WithParam(file).WithDetail("cannot read " + file);
    std::string line;
    if (!std::getline(in, line) || line != kMagic) return Damaged(file, "not a Tianshan PostgreSQL backup");
    if (!std::getline(in, line) || line.rfind("tables ", 0) != 0) return Damaged(file, "no table list");
    auto count = ParseSize(line.substr(7));
    if (!count) return Damaged(file, "no table count");
    std::vector<TableColumns> saved;
    for (size_t i = 0; i < *count; ++i) {
      if (!std::getline(in, line)) return Damaged(file, "table list ends early");
      auto space = line.find(' ');
      saved.push_back({line.substr(0, space), space == std::string::npos ? "" : line.substr(space + 1)});
    }
    // The backup must match the migrated target exactly: same tables, same columns.
    auto target = TablesInLoadOrder(tx);
    if (!target.ok()) return target.status();
    std::map<std::string, std::string> want;
    for (const auto& t : *target) want[t.table] = t.columns;
    std::map<std::string, std::string> have;
    for (const auto& t : saved) have[t.table] = t.columns;
    for (const auto& [table, columns] : want) {
      auto it = have.find(table);
      if (it == have.end() || it->second != columns)
        return Status::Conflict("restore.schema_differs").WithParam(table).WithDetail("table " + table);
    }
    if (have.size() != want.size()) return Status::Conflict("restore.schema_differs").WithDetail("table count");

    std::string truncate;
    for (const auto& t : saved) truncate += (truncate.empty() ? "" : ", ") + Quoted(t.table);
    if (Status s = tx.ExecuteScript("TRUNCATE " + truncate); !s.ok()) return s;
    auto* conn = static_cast<PGconn*>(tx.native_handle());
    for (const auto& t : saved) {
      if (Status s = CopyIn(conn, t, in, file); !s.ok()) return s;
    }
    if (!std::getline(in, line) || line != "end") return Damaged(file, "no end marker");
    // Ids handed out after the restore continue after the restored ones.
    auto sequences = tx.Query(
        "SELECT table_name::text AS table_name, column_name::text AS column_name, "
        "pg_get_serial_sequence(quote_ident(table_name::text), column_name::text) AS seq "
        "FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND pg_get_serial_sequence(quote_ident(table_name::text), column_name::text) IS NOT NULL");
    if (!sequences.ok()) return sequences.status();
    for (const auto& row : *sequences) {
      auto set = tx.Query("SELECT setval(?, COALESCE((SELECT MAX(" + Quoted(row.Text("column_name")) + ") FROM " +
                              Quoted(row.Text("table_name")) + "), 0) + 1, false)",
                          {row.Text("seq")});
      if (!set.ok()) return set.status();
    }
    return Status::Ok();
  });
}

}  // namespace tianshan::storage
