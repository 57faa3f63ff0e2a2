#pragma once
// The step archive and restore share: set an organization's status, move it out of (archived)
// or back into (active) the organizations and kind.<kind> counters of itself and every
// ancestor, and record the audit entry `action` — inside the caller's transaction, after the
// use case has loaded, authorized and checked it.

#include <string_view>

#include "kit/module.h"
#include "modules/organizations/public/organization.h"
#include "modules/organizations/use_case_support.h"

namespace tianshan::organizations {

Result<Organization> ChangeOrganizationStatus(storage::Transaction& tx, const AppContext& ctx, const Caller& caller,
                                              const Organization& before, std::string_view status,
                                              std::string_view action);

}  // namespace tianshan::organizations
