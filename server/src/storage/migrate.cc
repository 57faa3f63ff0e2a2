#include "storage/migrate.h"

#include <algorithm>
#include <ctime>
#include <map>

#include "storage/bulk_writer.h"
#include "storage/embedded_files.h"
#include "storage/sql_text.h"

namespace tianshan::storage {

std::vector<Migration> EmbeddedMigrations(std::string_view module, std::string_view folder) {
  std::map<int, Migration> by_version;
  for (const auto& file : EmbeddedFiles()) {
    if (file.path.substr(0, folder.size()) != folder) continue;
    std::string_view name = file.path.substr(folder.size());
    if (name.find('/') != std::string_view::npos || name.size() < 9 || name.substr(name.size() - 4) != ".sql") continue;
    int version = std::stoi(std::string(name.substr(0, 4)));
    std::string_view stem = name.substr(5, name.size() - 9);
    enum { kBoth, kSqlite, kPostgres } which = kBoth;
    if (stem.size() > 7 && stem.substr(stem.size() - 7) == ".sqlite") {
      which = kSqlite;
      stem.remove_suffix(7);
    } else if (stem.size() > 9 && stem.substr(stem.size() - 9) == ".postgres") {
      which = kPostgres;
      stem.remove_suffix(9);
    }
    Migration& m = by_version[version];
    m.module = std::string(module);
    m.version = version;
    m.name = std::string(stem);
    if (which != kPostgres) m.sqlite_sql = std::string(file.content);
    if (which != kSqlite) m.postgres_sql = std::string(file.content);
  }
  std::vector<Migration> out;
  for (auto& [v, m] : by_version) out.push_back(std::move(m));
  return out;
}

Result<MigrationReport> ApplyMigrations(Database& db, const std::vector<Migration>& migrations) {
  Status created = db.Write([](Transaction& tx) -> Status {
    TS_RETURN_IF_ERROR(tx.ExecuteScript(
        "CREATE TABLE IF NOT EXISTS schema_migrations (module TEXT NOT NULL, version INTEGER NOT NULL, "
        "name TEXT NOT NULL, applied_at BIGINT NOT NULL, PRIMARY KEY (module, version))"));
    return CreateBulkLoadTables(tx);
  });
  if (!created.ok()) {
    // Two processes creating the table at once: the loser sees a conflict; the table exists.
    if (created.code() != StatusCode::kConflict && created.code() != StatusCode::kInternal) return created;
  }
  MigrationReport report;
  for (const auto& m : migrations) {
    const std::string& sql = db.dialect() == Dialect::kPostgres ? m.postgres_sql : m.sqlite_sql;
    Status s = db.Write([&](Transaction& tx) -> Status {
      if (tx.dialect() == Dialect::kPostgres) {
        TS_RETURN_IF_ERROR(tx.Query("SELECT pg_advisory_xact_lock(7310001)"));
      }
      auto done =
          tx.QueryOne("SELECT 1 FROM schema_migrations WHERE module = ? AND version = ?", {m.module, m.version});
      if (!done.ok()) return done.status();
      if (done->has_value()) return Status::Ok();
      if (sql.empty()) {
        return Status::Internal("error.internal")
            .WithDetail("migration " + m.module + "/" + std::to_string(m.version) + " has no SQL for this database");
      }
      Status applied = tx.ExecuteScript(ExpandDialectTokens(sql, tx.dialect()));
      if (!applied.ok()) {
        return applied.WithDetail("migration " + m.module + "/" + std::to_string(m.version) + "_" + m.name +
                                  " failed: " + applied.detail());
      }
      TS_RETURN_IF_ERROR(
          tx.Execute("INSERT INTO schema_migrations (module, version, name, applied_at) VALUES (?, ?, ?, ?)",
                     {m.module, m.version, m.name, static_cast<int64_t>(std::time(nullptr)) * 1000}));
      report.applied.push_back(m.module + "/" + std::to_string(m.version) + "_" + m.name);
      return Status::Ok();
    });
    if (!s.ok()) return s;
  }
  // Indexes a bulk load dropped and did not live to create again (storage/bulk_writer.h).
  TS_RETURN_IF_ERROR(RestoreDeferredIndexes(db));
  return report;
}

}  // namespace tianshan::storage
