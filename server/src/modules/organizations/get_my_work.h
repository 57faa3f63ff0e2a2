#pragma once
// Use case: the caller's workbench (GET /api/v1/my/work).
//
// - items: every module's to-dos for the caller (WorkItems(ctx), kit/work_item.h), each
//   with its count; an item that is not the caller's kind of work is left out, and the menu
//   areas of the items that remain say which leader pages the side menu lists;
// - for the caller's organization (the one asked for, or the first organization of their
//   grants): its key figures from the maintained counters (any role reading it), and the overdue
//   counters of its subtree (committee_admin, branch_secretary, cadre covering it: the overdue
//   view's rule, CanReadCoverage; left empty otherwise). No scans beyond each item's count.
// An organization asked for that the caller cannot read is 404; a caller without grants gets
// their own items only.

#include <optional>
#include <utility>
#include <vector>

#include "kit/module.h"
#include "kit/work_item.h"
#include "modules/organizations/counter_store.h"
#include "modules/organizations/get_organization_stats.h"
#include "modules/organizations/use_case_support.h"

namespace tianshan::organizations {

struct MyWork {
  std::optional<Organization> organization;
  std::vector<std::pair<const WorkItemDefinition*, int64_t>> items;
  std::vector<OverdueCount> overdue;
  CounterMap figures;
};

Result<MyWork> GetMyWork(const AppContext& ctx, const auth::Actor& actor, std::optional<int64_t> organization_id);

}  // namespace tianshan::organizations
