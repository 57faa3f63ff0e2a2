#pragma once
// What the organizations routes read from a request: query filters and JSON bodies into use
// case inputs, every field error collected (one complete 422 per request; see http/edge.h).

#include <optional>
#include <string>

#include "http/edge.h"
#include "modules/organizations/create_coverage_unit.h"
#include "modules/organizations/create_organization.h"
#include "modules/organizations/list_coverage_units.h"
#include "modules/organizations/list_organizations.h"
#include "modules/organizations/update_coverage_unit.h"
#include "modules/organizations/update_organization.h"

namespace tianshan::organizations {

// ?limit=&cursor= (limit 1..kMaxLimit, default kDefaultLimit).
PageRequest ReadPage(http::QueryReader& query);
// ?kind=&setting=&status= from their closed lists.
ListFilter ReadFilter(http::QueryReader& query);

// The coverage units list's filters (also read by its export): ?covered=true|false and
// ?scope=own|subtree (default own: the units registered at the organization itself).
struct CoverageListQuery {
  std::optional<bool> covered;
  CoverageScope scope = CoverageScope::kOwn;
};
CoverageListQuery ReadCoverageListQuery(http::QueryReader& query);

Result<CreateOrganizationInput> ParseCreateOrganization(const http::HttpRequest& req, int64_t now_millis);
Result<OrganizationPatch> ParseOrganizationPatch(const http::HttpRequest& req);
// {"new_parent_id": id|null}; the field is required (null makes a root).
Result<std::optional<int64_t>> ParseMove(const http::HttpRequest& req);
Result<CoverageUnitInput> ParseCoverageUnit(const http::HttpRequest& req);
Result<CoverageUnitPatch> ParseCoverageUnitPatch(const http::HttpRequest& req);

}  // namespace tianshan::organizations
