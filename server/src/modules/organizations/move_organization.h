#pragma once
// Use case: move an organization (with its whole subtree) under a new parent, or make it a root.
//
// Steps, in one transaction: take the tree lock (moves run one at a time, so two moves can
// never together form a cycle) → load the organization (404 when unseen) and the new parent
// (unknown or unreadable: 422 on new_parent_id) → authorize (committee_admin covering both;
// for a root, one granted on a root; 403) → refuse a cycle (the new parent inside the moved
// subtree, itself included: 422) and an archived new parent (422) → refuse an active sibling
// of the same name (409) → rewrite every path below, set the parent, move the subtree's
// counter totals from the old ancestors to the new ones, record the audit entry.
// Moving under the current parent changes nothing.

#include <optional>

#include "kit/module.h"
#include "modules/organizations/public/organization.h"
#include "modules/organizations/use_case_support.h"

namespace tianshan::organizations {

Result<Organization> MoveOrganization(const AppContext& ctx, const Caller& caller, int64_t id,
                                      std::optional<int64_t> new_parent_id);

}  // namespace tianshan::organizations
