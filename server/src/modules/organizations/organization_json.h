#pragma once
// JSON shapes of organizations, coverage units and statistics, shared by handlers and the
// audit entries written by use cases.

#include <string>

#include "core/json.h"
#include "modules/organizations/counter_store.h"
#include "modules/organizations/coverage_repository.h"
#include "modules/organizations/coverage_unit.h"
#include "modules/organizations/public/organization.h"

namespace tianshan::organizations {

// `full_phone` false masks contact_phone ("138****5678").
// Writes the organization's fields; with `close` false the object is left open so that the
// caller may add fields (can, ancestors) and close it.
void WriteOrganization(JsonOut& out, const Organization& org, bool full_phone, bool close = true);
// The audit "before"/"after" of an organization: contact phone masked.
std::string OrganizationAuditJson(const Organization& org);

// With `close` false the object is left open for more fields.
void WriteCoverageUnit(JsonOut& out, const CoverageUnit& unit, bool close = true);
// A unit of a list: its fields, organization_name and covered_by_name.
void WriteListedCoverageUnit(JsonOut& out, const ListedCoverageUnit& unit);
// A row of the per-child coverage table: id, name, kind, units, covered, uncovered, rate (null
// without units).
void WriteChildCoverage(JsonOut& out, const ChildCoverage& row);
std::string CoverageUnitAuditJson(const CoverageUnit& unit);

// {"organization_id", "self": {...}, "subtree": {...}} from an organization's counters.
std::string StatsJson(int64_t organization_id, const CounterMap& counters);

}  // namespace tianshan::organizations
