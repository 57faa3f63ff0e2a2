#pragma once
// Use case: read one organization the caller may see (404 otherwise, see permissions.h), with
// where it sits: its ancestors' names root first, each saying whether the caller may open it
// (names are not personal data; reading an ancestor still needs a covering grant).

#include "kit/module.h"
#include "modules/organizations/public/organization.h"
#include "modules/organizations/use_case_support.h"

namespace tianshan::organizations {

struct AncestorRef {
  int64_t id = 0;
  std::string name;
  bool readable = false;
};

struct OrganizationView {
  Organization organization;
  bool full_phone = false;  // the caller may see the unmasked contact phone
  std::vector<AncestorRef> ancestors;
};

Result<OrganizationView> GetOrganization(const AppContext& ctx, const auth::Actor& actor, int64_t id);

}  // namespace tianshan::organizations
