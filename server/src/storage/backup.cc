#include "storage/backup.h"

#include <sqlite3.h>

#include <filesystem>

namespace tianshan::storage {

Result<std::vector<std::string>> ListTables(Transaction& tx) {
  const char* sql = tx.dialect() == Dialect::kSqlite
                        ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                          "ORDER BY name"
                        : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = "
                          "current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name";
  auto rows = tx.Query(sql);
  if (!rows.ok()) return rows.status();
  std::vector<std::string> out;
  for (const auto& row : *rows) out.push_back(row.Text("name"));
  return out;
}

Result<bool> HoldsData(Database& db) {
  return db.Read([](Transaction& tx) -> Result<bool> {
    auto tables = ListTables(tx);
    if (!tables.ok()) return tables.status();
    for (const auto& table : *tables) {
      if (table == "schema_migrations") continue;
      // Table names come from the catalog, not from input.
      auto any = tx.QueryOne("SELECT 1 FROM \"" + table + "\" LIMIT 1");
      if (!any.ok()) return any.status();
      if (any->has_value()) return true;
    }
    return false;
  });
}

namespace {

// The online backup API, from the file into the database at `path`: one write transaction on
// the target, so its readers see the old or the new database, never a mixture.
Status SqliteRestore(const std::string& path, const std::string& file) {
  sqlite3* source = nullptr;
  sqlite3* target = nullptr;
  auto close = [&] {
    sqlite3_close_v2(source);
    sqlite3_close_v2(target);
  };
  int rc = sqlite3_open_v2(file.c_str(), &source, SQLITE_OPEN_READONLY, nullptr);
  // A damaged or truncated file is refused before the target is touched.
  std::string check;
  if (rc == SQLITE_OK) {
    rc = sqlite3_exec(
        source, "PRAGMA quick_check",
        [](void* out, int, char** values, char**) {
          *static_cast<std::string*>(out) += values[0] ? values[0] : "";
          return 0;
        },
        &check, nullptr);
  }
  if (rc != SQLITE_OK || check != "ok") {
    close();
    return Status::BadRequest("restore.damaged").WithParam(file).WithDetail("damaged, or not an SQLite database");
  }
  rc = sqlite3_open_v2(path.c_str(), &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) {
    close();
    return Status::Internal("error.internal").WithDetail("cannot open " + path);
  }
  sqlite3_busy_timeout(target, 5000);
  sqlite3_backup* copy = sqlite3_backup_init(target, "main", source, "main");
  if (copy == nullptr) {
    std::string msg = sqlite3_errmsg(target);
    close();
    return Status::Internal("error.internal").WithDetail("restore: " + msg);
  }
  rc = sqlite3_backup_step(copy, -1);
  sqlite3_backup_finish(copy);
  std::string msg = sqlite3_errmsg(target);
  close();
  if (rc != SQLITE_DONE) return Status::Internal("error.internal").WithDetail("restore: " + msg);
  return Status::Ok();
}

}  // namespace

Status RestoreInto(Database& db, const std::string& file) {
  if (!std::filesystem::exists(file)) {
    return Status::NotFound("restore.no_file").WithParam(file).WithDetail("no such file: " + file);
  }
  if (db.dialect() == Dialect::kPostgres) return PostgresRestore(db, file);
  // describe() is "sqlite:PATH" (storage/database.h).
  const std::string where = db.describe();
  return SqliteRestore(where.substr(where.find(':') + 1), file);
}

}  // namespace tianshan::storage
