#pragma once
// Use case: change an organization's fields (PATCH semantics: absent fields keep their value,
// null clears an optional field).
//
// Steps: load (404 when unseen) → authorize per field (committee_admin covering it changes
// anything; the branch secretary of exactly this organization changes the details only, see
// permissions.h; 403 naming the fields otherwise) → validate the merged fields (422) → refuse
// an active sibling of the same name (409) → write, move the kind counters when the kind of an
// active organization changes, record the audit entry.

#include <optional>
#include <string>

#include "kit/module.h"
#include "modules/organizations/public/organization.h"
#include "modules/organizations/use_case_support.h"

namespace tianshan::organizations {

struct OrganizationPatch {
  std::optional<std::string> name;
  std::optional<std::string> kind;
  std::optional<std::string> setting;
  // Outer nullopt: unchanged; inner nullopt: clear.
  std::optional<std::optional<std::string>> short_name;
  std::optional<std::optional<std::string>> region_code;
  std::optional<std::optional<std::string>> address;
  std::optional<std::optional<std::string>> contact_name;
  std::optional<std::optional<std::string>> contact_phone;
  std::optional<std::optional<std::string>> founded_on;
};

Result<Organization> UpdateOrganization(const AppContext& ctx, const Caller& caller, int64_t id,
                                        const OrganizationPatch& patch);

}  // namespace tianshan::organizations
