#pragma once
// PostgreSQL driver on libpq: a bounded connection pool, statements prepared once per
// connection (named, in a bounded cache keyed by their text; pg_connection.h), parameters and results in text format
// converted by column type. Serialization failures (40001) and deadlocks (40P01) surface as kRetry; a broken connection
// is dropped from the pool and the transaction retried on a fresh one.

#include <memory>
#include <optional>
#include <string>

#include "storage/database.h"
#include "storage/statement_cache.h"

namespace tianshan::storage {

// `unnamed_statements`: DatabaseOptions::pg_unnamed_statements (storage/database_options.h).
Result<std::unique_ptr<Database>> OpenPostgres(const std::string& url, int pool_size,
                                               size_t statement_capacity = StatementCache<int>::kDefaultCapacity,
                                               bool unnamed_statements = false);
// Nullopt unless `db` is PostgreSQL.
std::optional<StatementCacheStats> PostgresStatementStats(const Database& db);

}  // namespace tianshan::storage
