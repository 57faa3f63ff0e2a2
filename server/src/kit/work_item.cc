#include "kit/work_item.h"

#include "storage/sql_text.h"

namespace tianshan {
namespace {

constexpr std::string_view kWorkItemsService = "kit.work_items";
using WorkItemList = std::vector<WorkItemDefinition>;

}  // namespace

void AddWorkItems(AppContext& ctx, std::vector<WorkItemDefinition> items) {
  auto it = ctx.services.find(kWorkItemsService);
  if (it == ctx.services.end()) {
    it = ctx.services.emplace(std::string(kWorkItemsService), std::make_shared<WorkItemList>()).first;
  }
  auto* list = static_cast<WorkItemList*>(it->second.get());
  for (auto& item : items) list->push_back(std::move(item));
}

const std::vector<WorkItemDefinition>& WorkItems(const AppContext& ctx) {
  static const WorkItemList kNone;
  const auto* list = FindService<WorkItemList>(ctx, kWorkItemsService);
  return list ? *list : kNone;
}

std::vector<std::string> GrantPaths(const auth::Actor& actor, std::initializer_list<auth::Role> roles) {
  std::vector<std::string> paths;
  for (const auth::Grant* g : actor.GrantsWith(roles)) {
    if (!g->organization_path.empty()) paths.push_back(g->organization_path);
  }
  return paths;
}

SubtreeFilter::SubtreeFilter(std::string_view column, std::vector<std::string> paths, bool strictly_below)
    : paths_(std::move(paths)) {
  uppers_.reserve(paths_.size());
  for (const auto& path : paths_) {
    uppers_.push_back(storage::PrefixUpperBound(path));
    if (!sql_.empty()) sql_ += " OR ";
    // The organization's own path is the smallest string of its subtree's range.
    sql_ += "(" + std::string(column) + (strictly_below ? " > ? AND " : " >= ? AND ") + std::string(column) + " < ?)";
  }
  if (sql_.empty()) sql_ = "1 = 0";
}

void SubtreeFilter::AppendParams(std::vector<storage::Param>& params) const {
  for (size_t i = 0; i < paths_.size(); ++i) {
    params.emplace_back(paths_[i]);
    params.emplace_back(uppers_[i]);
  }
}

Result<std::optional<int64_t>> CountWithin(storage::Transaction& tx, const SubtreeFilter& scope,
                                           std::string_view from_where, std::vector<storage::Param> params) {
  if (scope.empty()) return std::optional<int64_t>();
  std::string sql = "SELECT COUNT(*) FROM " + std::string(from_where) + " AND (" + scope.sql() + ")";
  scope.AppendParams(params);
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(sql, std::span<const storage::Param>(params)));
  return std::optional<int64_t>(rows.empty() ? 0 : rows[0].Int(0));
}

}  // namespace tianshan
