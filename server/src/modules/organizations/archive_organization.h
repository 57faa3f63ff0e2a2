#pragma once
// Use case: archive an organization (it stays readable, stops counting, takes no new children).
//
// Steps: load with a row lock (404 when unseen) → authorize (committee_admin covering it, 403)
// → refuse with 409 while it has active children, members (its own "members" counter, kept
// by the people module) or is linked as the covering organization of a coverage unit → mark
// it archived, subtract it from the organizations and kind.<kind> counters of itself and every
// ancestor, record the audit entry. Archiving an archived organization changes nothing.

#include "kit/module.h"
#include "modules/organizations/public/organization.h"
#include "modules/organizations/use_case_support.h"

namespace tianshan::organizations {

Result<Organization> ArchiveOrganization(const AppContext& ctx, const Caller& caller, int64_t id);

}  // namespace tianshan::organizations
