#pragma once
// A WHERE clause built from optional filters, with its bound parameters: for list queries whose
// filters are each present or not (a subtree, a status, an owner). Column names are code
// constants, never input; values are always bound.
//
//   SqlFilter f("id < ?", {before});
//   f.Subtree("org_path", path);      // org_path >= ? AND org_path < ?
//   f.Equals("status", status);       // skipped when nullopt
//   tx.Query("SELECT ... WHERE " + f.sql() + " ORDER BY id DESC LIMIT ?", f.With(limit + 1));

#include <deque>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "storage/database.h"

namespace tianshan::storage {

class SqlFilter {
 public:
  SqlFilter(std::string first_condition, std::vector<Param> params)
      : sql_(std::move(first_condition)), params_(std::move(params)) {}
  SqlFilter(const SqlFilter&) = delete;
  SqlFilter& operator=(const SqlFilter&) = delete;

  // Rows of the subtree at `path` (materialized paths; nothing added when nullopt).
  void Subtree(const char* column, const std::optional<std::string>& path);
  void Equals(const char* column, const std::optional<std::string>& value);
  void Equals(const char* column, const std::optional<int64_t>& value);

  const std::string& sql() const { return sql_; }
  // The parameters, then `extra` (LIMIT …); valid while this filter lives.
  std::span<const Param> With(Param extra);

 private:
  const std::string& Keep(std::string s);
  std::string sql_;
  std::vector<Param> params_;
  std::deque<std::string> owned_;  // strings the parameters view (a deque never moves them)
};

}  // namespace tianshan::storage
