#pragma once
// Use case: read one organization the caller may see (404 otherwise, see permissions.h).

#include "modules/module.h"
#include "modules/organizations/organization.h"
#include "modules/organizations/use_case_support.h"

namespace tianshan::organizations {

struct OrganizationView {
  Organization organization;
  bool full_phone = false;  // the caller may see the unmasked contact phone
};

Result<OrganizationView> GetOrganization(const AppContext& ctx, const auth::Actor& actor, int64_t id);

}  // namespace tianshan::organizations
