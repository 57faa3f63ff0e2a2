#pragma once
// SQLite driver: WAL, synchronous=NORMAL, busy timeout, foreign keys on; one pooled connection
// per concurrently running transaction, each with its own prepared-statement cache. Write
// transactions start with BEGIN IMMEDIATE so that writers queue on the busy timeout instead of
// deadlocking on lock upgrades; busy errors surface as kRetry to the retry loop. With group commit
// on (the default), concurrent write transactions share one SQLite transaction
// (storage/sqlite/group_commit.h).

#include <memory>
#include <optional>
#include <string>

#include "storage/database_options.h"

namespace tianshan::storage {

// `path` is a file path; its parent folder is created when missing.
Result<std::unique_ptr<Database>> OpenSqlite(const std::string& path, int pool_size,
                                             const GroupCommitOptions& group_commit = {},
                                             size_t statement_capacity = StatementCache<int>::kDefaultCapacity);
// Nullopt unless `db` is SQLite.
std::optional<StatementCacheStats> SqliteStatementStats(const Database& db);

}  // namespace tianshan::storage
