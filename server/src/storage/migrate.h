#pragma once
// Numbered, append-only, per-module migrations recorded in `schema_migrations`.
//
// Migration files live in each module's migrations/ folder and are embedded in the binary at
// build time (see cmake/embed_files.cmake): NNNN_<what>.sql is portable SQL with the dialect
// tokens of sql_text.h; NNNN_<what>.sqlite.sql / NNNN_<what>.postgres.sql pair up where the
// dialects must differ. Each migration runs in its own transaction together with its record, so
// a crash never leaves one half applied; concurrent migrators serialize on a lock.

#include <string>
#include <string_view>
#include <vector>

#include "storage/database.h"

namespace tianshan::storage {

struct Migration {
  std::string module;
  int version = 0;
  std::string name;
  std::string sqlite_sql;
  std::string postgres_sql;
};

// Collects the embedded migration files under `folder` ("modules/audit/migrations/").
std::vector<Migration> EmbeddedMigrations(std::string_view module, std::string_view folder);

struct MigrationReport {
  std::vector<std::string> applied;  // "audit/0001_entries"
};

// Applies the migrations not yet recorded, in the given order (modules in registration order,
// versions ascending within a module).
Result<MigrationReport> ApplyMigrations(Database& db, const std::vector<Migration>& migrations);

}  // namespace tianshan::storage
