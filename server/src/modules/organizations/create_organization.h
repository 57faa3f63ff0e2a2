#pragma once
// Use case: create an organization, as a child of an existing one or as a new root.
//
// Steps: validate the fields (422 listing every problem) → take the tree lock shared (see
// organization_repository.h) → load the parent (unknown or
// unreadable: 422 on parent_id; archived: 422) → authorize (committee_admin covering the
// parent; for a root, committee_admin granted on an existing root: 403 otherwise) → refuse an
// active sibling of the same name (409) → insert, count it (organizations, kind.<kind>) in
// every ancestor and record the audit entry, all in one transaction.

#include <optional>

#include "kit/module.h"
#include "modules/organizations/public/organization.h"
#include "modules/organizations/use_case_support.h"

namespace tianshan::organizations {

struct CreateOrganizationInput {
  std::optional<int64_t> parent_id;  // nullopt: a new root
  OrganizationFields fields;
};

Result<Organization> CreateOrganization(const AppContext& ctx, const Caller& caller,
                                        const CreateOrganizationInput& input);

// The same steps without authorization, inside the caller's transaction: for the demo loader
// and for bootstrapping the first root from the command line. `actor_account_id` is recorded
// in the audit entry (nullopt: the platform itself).
Result<Organization> CreateOrganizationUnchecked(storage::Transaction& tx, const AppContext& ctx,
                                                 std::optional<int64_t> actor_account_id,
                                                 const CreateOrganizationInput& input, const std::string& request_id);

}  // namespace tianshan::organizations
