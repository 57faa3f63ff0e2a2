#pragma once
// Use cases that list organizations: children, subtree, search. Each reads in one
// transaction, only what the caller may see, one page at a time (keyset pagination).
//
//   ListChildren   the direct children of a readable organization, by id.
//   ListSubtree    a readable organization and everything below it, in path order (depth
//                  first); with a query `q` it goes through the search index instead and
//                  orders by id. Filters: kind, setting, status.
//   SearchOrganizations  substring search over every subtree the caller's grants cover.
//   SearchDirectory  the network directory (GET /organizations/directory?q=): active
//                  organizations anywhere in the forest whose name or short name contains `q`,
//                  each with its ancestors' names, for picking a destination outside one's own
//                  subtree (a membership transfer to another city). Any signed-in caller may
//                  search it: organization names, kinds and places in the tree are not personal
//                  data. Nothing else is answered (no contact, address or counts).
// Cursors are opaque to clients: "i<id>" for id order, "p<path>" for path order.

#include <optional>
#include <string>

#include "kit/module.h"
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

struct DirectoryEntry {
  int64_t id = 0;
  std::string name;
  std::string kind;
  std::string setting;
  // Root first, the organization itself excluded.
  std::vector<std::pair<int64_t, std::string>> ancestors;
};

struct DirectoryPage {
  std::vector<DirectoryEntry> items;
  std::optional<std::string> next_cursor;
};

Result<DirectoryPage> SearchDirectory(const AppContext& ctx, const std::string& q, const PageRequest& page,
                                      const std::optional<std::string>& kind);

}  // namespace tianshan::organizations
