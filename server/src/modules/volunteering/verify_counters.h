#pragma once
// Use case: recompute everything the volunteering module maintains and compare
// (`tianshan verify-counters`). One line per difference; empty when all agree.
//
//   organization counters (self)  volunteer.hours_minutes = Σ ledger minutes credited there
//                                 volunteer.volunteers    = people with a positive total there
//                                 volunteer.projects      = projects not archived
//   shifts        confirmed / waitlisted = the sign-ups in those states; confirmed <= capacity
//   volunteers    total_minutes = Σ of their ledger entries
//   aggregates    (organization, person) totals, person months and team months = ledger sums
// Subtree values are checked by the organizations module (subtree = self + Σ children).

#include <string>
#include <vector>

#include "kit/module.h"

namespace tianshan::volunteering {

Result<std::vector<std::string>> VerifyCounters(const AppContext& ctx);

}  // namespace tianshan::volunteering
