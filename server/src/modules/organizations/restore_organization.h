#pragma once
// Use case: restore an archived organization (the undo of ArchiveOrganization).
//
// Steps: load with a row lock (404 when unseen) → authorize (organizations.restore:
// committee_admin covering it, 403) → refuse with 409 while its parent is archived (restore the
// parent first) → mark it active, add it back to the organizations and kind.<kind> counters of
// itself and every ancestor, record the audit entry. Restoring an active organization changes
// nothing.

#include "kit/module.h"
#include "modules/organizations/public/organization.h"
#include "modules/organizations/use_case_support.h"

namespace tianshan::organizations {

Result<Organization> RestoreOrganization(const AppContext& ctx, const Caller& caller, int64_t id);

}  // namespace tianshan::organizations
