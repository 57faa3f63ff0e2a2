#pragma once
// Backups and restores of a whole database, on both dialects.
//
// SQLite: a backup is the database file itself (VACUUM INTO, one read transaction, so it is a
// consistent snapshot while writers continue); a restore copies it page by page into the
// target with the online backup API (sqlite3_backup_*), which replaces schema and rows at once.
//
// PostgreSQL: a backup is every table of the connection's current schema written with COPY
// inside one REPEATABLE READ READ ONLY transaction (one snapshot for all tables, writers are
// not blocked); a restore truncates every table of the target schema and COPYs the rows back
// in foreign-key order inside one transaction, then moves each id sequence past its largest
// id. Why not pg_dump/pg_restore: a deployment (and every test) may live in a schema other
// than `public` chosen through search_path, pg_restore cannot restore into a schema of another
// name, pg_dump refuses servers newer than itself, and restoring needs no more rights than
// the application's own. The schema itself comes from the binary's migrations: the target is
// migrated first and a backup whose tables or columns differ from the target's is refused
// before anything changes.

#include <string>
#include <vector>

#include "core/result.h"
#include "storage/database.h"

namespace tianshan::storage {

// The application's tables (the current schema's base tables; SQLite's internal tables left
// out), sorted by name.
[[nodiscard]] Result<std::vector<std::string>> ListTables(Transaction& tx);

// Whether any table other than schema_migrations holds a row: a restore into such a database
// needs --force.
[[nodiscard]] Result<bool> HoldsData(Database& db);

// Replaces every row of `db` (SQLite: the whole file, schema included) with those of a backup
// written by Database::BackupTo of the same dialect, in one step: on failure nothing changed.
// NotFound "restore.no_file"; BadRequest "restore.damaged" for a file that is not a whole
// backup; on PostgreSQL the target must already be migrated to the backup's schema (Conflict
// "restore.schema_differs" otherwise). Callers check HoldsData first; app/restore.h is the
// whole `tianshan restore` command.
[[nodiscard]] Status RestoreInto(Database& db, const std::string& file);

// PostgreSQL halves (storage/postgres/postgres_backup.cc); `db` must be a PostgreSQL database.
[[nodiscard]] Status PostgresBackup(Database& db, const std::string& file);
[[nodiscard]] Status PostgresRestore(Database& db, const std::string& file);

}  // namespace tianshan::storage
