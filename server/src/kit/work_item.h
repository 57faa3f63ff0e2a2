#pragma once
// A to-do a module counts for one caller: the workbench (GET /api/v1/my/work) lists every
// module's work items, each with its count and link, the way the overdue view lists every
// counter of the "overdue" group. A module adds its items from its manifest's provide_services
// (AddWorkItems), so a new module adds its to-dos without touching the workbench.
// (A registry on the AppContext rather than a ModuleDefinition field: kit/module.h is included
// by nearly every file, and changing it rebuilds the whole tree on the shared 2-core machine.)
//
// `count` runs inside the workbench's read transaction and must count only what the caller may
// act on (their grants' subtrees, the teams they lead, their own person). It answers nullopt
// when the item is not the caller's kind of work at all (a young person has no transfers to
// decide): the item is then left out, and so is its `area` from the caller's menu areas.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/actor.h"
#include "core/result.h"
#include "kit/module.h"
#include "storage/database.h"

namespace tianshan {

struct WorkItemDefinition {
  std::string key;       // "people.transfers_in"
  std::string label_zh;  // "待处理的转入"
  std::string label_en;  // "Transfers in waiting"
  // Where the items are listed in the web app; "{id}" is the caller's current organization.
  std::string link;
  // The menu area this work belongs to ("volunteering.lead"): the web lists a menu entry that
  // declares an area only when some item of that area applies to the caller.
  std::string area;
  std::function<Result<std::optional<int64_t>>(storage::Transaction&, const auth::Actor&, int64_t now_millis)> count;
};

// Adds `items` to the workbench's registry (an AppContext service); call it from the module
// manifest's provide_services, which runs before any route exists.
void AddWorkItems(AppContext& ctx, std::vector<WorkItemDefinition> items);
// Every module's work items, in the order they were added (empty when no module added any).
// Stable once the routes are registered.
const std::vector<WorkItemDefinition>& WorkItems(const AppContext& ctx);

// The paths of the actor's grants with one of `roles` (a platform grant is "/").
std::vector<std::string> GrantPaths(const auth::Actor& actor, std::initializer_list<auth::Role> roles);

// "(col >= ? AND col < ?) OR …" over the subtrees of `paths` ("1 = 0" when there is none), for
// counting rows by their stored organization path. Owns the bound strings: keep it alive while
// the query runs and do not copy it. `column` is a code constant, never input.
class SubtreeFilter {
 public:
  // `strictly_below`: leave out the organizations at `paths` themselves (their subtrees only).
  SubtreeFilter(std::string_view column, std::vector<std::string> paths, bool strictly_below = false);
  SubtreeFilter(const SubtreeFilter&) = delete;
  SubtreeFilter& operator=(const SubtreeFilter&) = delete;

  bool empty() const { return paths_.empty(); }
  const std::string& sql() const { return sql_; }
  // Appends the parameters of sql(), in order; they refer to strings this object owns.
  void AppendParams(std::vector<storage::Param>& params) const;

 private:
  std::vector<std::string> paths_;
  std::vector<std::string> uppers_;
  std::string sql_;
};
// SELECT COUNT(*) FROM `from_where` AND (scope) — `from_where` is "table WHERE condition" with
// `params` for its placeholders; nullopt (not the caller's work) when `scope` is empty.
Result<std::optional<int64_t>> CountWithin(storage::Transaction& tx, const SubtreeFilter& scope,
                                           std::string_view from_where, std::vector<storage::Param> params);

}  // namespace tianshan
