#pragma once
// Parsing shared by the organizations handlers: query parameters and request bodies into use
// case inputs, with every field error collected (one complete 400/422 per request).

#include <optional>
#include <string>

#include "core/json.h"
#include "http/http_types.h"
#include "modules/organizations/create_coverage_unit.h"
#include "modules/organizations/create_organization.h"
#include "modules/organizations/list_organizations.h"
#include "modules/organizations/update_coverage_unit.h"
#include "modules/organizations/update_organization.h"

namespace tianshan::organizations {

// ?limit=&cursor= (limit 1..kMaxLimit, default kDefaultLimit); 400 naming the parameter.
Result<PageRequest> ParsePage(const http::HttpRequest& req);
// ?kind=&setting=&status= checked against their closed lists (400 naming the parameter).
Result<ListFilter> ParseFilter(const http::HttpRequest& req);
// ?name=true|false; nullopt when absent.
Result<std::optional<bool>> ParseBoolQuery(const http::HttpRequest& req, std::string_view name);

Result<CreateOrganizationInput> ParseCreateOrganization(std::string_view body, int64_t now_millis);
Result<OrganizationPatch> ParseOrganizationPatch(std::string_view body);
// {"new_parent_id": id|null}; the field is required (null makes a root).
Result<std::optional<int64_t>> ParseMove(std::string_view body);
Result<CoverageUnitInput> ParseCoverageUnit(std::string_view body);
Result<CoverageUnitPatch> ParseCoverageUnitPatch(std::string_view body);

// Success and failure responses in the request's language.
http::HttpResponse Problem(const http::HttpRequest& req, const Status& status);

}  // namespace tianshan::organizations
