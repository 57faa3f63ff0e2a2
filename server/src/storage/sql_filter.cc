#include "storage/sql_filter.h"

#include "storage/sql_text.h"

namespace tianshan::storage {

const std::string& SqlFilter::Keep(std::string s) {
  owned_.push_back(std::move(s));
  return owned_.back();
}

void SqlFilter::Subtree(const char* column, const std::optional<std::string>& path) {
  if (!path) return;
  sql_ += std::string(" AND ") + column + " >= ? AND " + column + " < ?";
  params_.emplace_back(Keep(*path));
  params_.emplace_back(Keep(PrefixUpperBound(*path)));
}

void SqlFilter::Equals(const char* column, const std::optional<std::string>& value) {
  if (!value) return;
  sql_ += std::string(" AND ") + column + " = ?";
  params_.emplace_back(Keep(*value));
}

void SqlFilter::Equals(const char* column, const std::optional<int64_t>& value) {
  if (!value) return;
  sql_ += std::string(" AND ") + column + " = ?";
  params_.emplace_back(*value);
}

std::span<const Param> SqlFilter::With(Param extra) {
  params_.push_back(extra);
  return params_;
}

}  // namespace tianshan::storage
