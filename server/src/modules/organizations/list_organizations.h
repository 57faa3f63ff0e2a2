#pragma once
// Use cases that list organizations: children, subtree, search. Each reads in one
// transaction, only what the caller may see, one page at a time (keyset pagination).
//
//   ListChildren   the direct children of a readable organization, by id.
//   ListSubtree    a readable organization and everything below it, in path order (depth
//                  first); with a query `q` it goes through the search index instead and
//                  orders by id. Filters: kind, setting, status.
//   SearchOrganizations  substring search over every subtree the caller's grants cover.
// Cursors are opaque to clients: "i<id>" for id order, "p<path>" for path order.

#include <optional>
#include <string>

#include "modules/module.h"
#include "modules/organizations/organization_repository.h"
#include "modules/organizations/use_case_support.h"

namespace tianshan::organizations {

struct PageRequest {
  int limit = kDefaultLimit;
  std::optional<std::string> cursor;
};

struct OrganizationList {
  std::vector<Organization> items;
  std::optional<std::string> next_cursor;
  // Per item: may the caller see the full contact phone.
  std::vector<bool> full_phone;
};

Result<OrganizationList> ListChildren(const AppContext& ctx, const auth::Actor& actor, int64_t id,
                                      const PageRequest& page, const std::optional<std::string>& status);

Result<OrganizationList> ListSubtree(const AppContext& ctx, const auth::Actor& actor, int64_t id,
                                     const PageRequest& page, const ListFilter& filter,
                                     const std::optional<std::string>& q);

Result<OrganizationList> SearchOrganizations(const AppContext& ctx, const auth::Actor& actor, const std::string& q,
                                             const PageRequest& page, const ListFilter& filter);

}  // namespace tianshan::organizations
