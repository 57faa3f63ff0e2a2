#pragma once
// JSON shapes of organizations, coverage units and statistics, shared by handlers and the
// audit entries written by use cases.

#include <string>

#include "core/json.h"
#include "modules/organizations/counter_store.h"
#include "modules/organizations/coverage_unit.h"
#include "modules/organizations/public/organization.h"

namespace tianshan::organizations {

// `full_phone` false masks contact_phone ("138****5678").
// Writes the organization's fields; with `close` false the object is left open so that the
// caller may add fields (can, ancestors) and close it.
void WriteOrganization(JsonOut& out, const Organization& org, bool full_phone, bool close = true);
// The audit "before"/"after" of an organization: contact phone masked.
std::string OrganizationAuditJson(const Organization& org);

void WriteCoverageUnit(JsonOut& out, const CoverageUnit& unit);
std::string CoverageUnitAuditJson(const CoverageUnit& unit);

// {"organization_id", "self": {...}, "subtree": {...}} from an organization's counters.
std::string StatsJson(int64_t organization_id, const CounterMap& counters);

}  // namespace tianshan::organizations
