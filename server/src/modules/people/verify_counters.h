#pragma once
// Use case: recompute the people module's self counters from its own tables and compare them
// with the maintained counters (`tianshan verify-counters`). One line per difference.
//
//   members  active memberships held at the organization
//   youth    people attached to the organization without an active membership
//   cadres   open positions in the organization (at most one per person and organization)
// Subtree values are checked by the organizations module (subtree = self + Σ children).
// Also checks that each person's is_member flag and attachment agree with their membership.
// Organizations are those any people row ever referred to.

#include <string>
#include <vector>

#include "kit/module.h"

namespace tianshan::people {

Result<std::vector<std::string>> VerifyCounters(const AppContext& ctx);

}  // namespace tianshan::people
