#pragma once
// Small helpers shared by the volunteering repositories: a query's rows mapped to domain
// values by a row reader (which reads columns by name), failures passed through as they come.

#include <optional>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "storage/database.h"

namespace tianshan::volunteering {

// The mapped row of a query that answers at most one row.
template <typename T>
Result<std::optional<T>> OneRow(Result<std::optional<storage::Row>> row, T (*read)(const storage::Row&)) {
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<T>();
  return std::optional<T>(read(**row));
}

// Every mapped row, in the query's order.
template <typename T>
Result<std::vector<T>> AllRows(Result<storage::Rows> rows, T (*read)(const storage::Row&)) {
  if (!rows.ok()) return rows.status();
  std::vector<T> out;
  out.reserve(rows->size());
  for (const auto& r : *rows) out.push_back(read(r));
  return out;
}

// " FOR UPDATE" (or " FOR UPDATE OF <table>" for joins) on PostgreSQL when `lock`; SQLite
// serializes writers anyway.
std::string ForUpdate(const storage::Transaction& tx, bool lock, std::string_view of_table = {});

}  // namespace tianshan::volunteering
