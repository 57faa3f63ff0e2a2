#pragma once
// PostgreSQL driver on libpq: a bounded connection pool, statements prepared once per
// connection (named by their text), parameters and results in text format converted by column
// type. Serialization failures (40001) and deadlocks (40P01) surface as kRetry; a broken
// connection is dropped from the pool and the transaction retried on a fresh one.

#include <memory>
#include <string>

#include "storage/database.h"

namespace tianshan::storage {

Result<std::unique_ptr<Database>> OpenPostgres(const std::string& url, int pool_size);

}  // namespace tianshan::storage
