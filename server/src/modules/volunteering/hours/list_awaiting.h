#pragma once
// Read use case: the shifts whose hours await confirmation — sessions checked out but not yet
// credited, and sessions still checked in — for the approvals page, newest shift first.
//
// With an organization: the projects of its subtree; the caller must approve hours there
// (committee_admin or branch_secretary covering it; 404 when it is unknown or outside every
// grant, 403 when readable otherwise). Without: every project the caller manages — the subtrees
// of its committee_admin and branch_secretary grants and the projects of the teams it actively
// leads. Found through the index of unconfirmed attendance, never by reading every session.

#include <optional>
#include <string>
#include <vector>

#include "modules/volunteering/hours/hours_repository.h"
#include "modules/volunteering/use_case_support.h"

namespace tianshan::volunteering {

struct AwaitingPage {
  std::vector<AwaitingShift> items;
  std::optional<int64_t> next_cursor;  // the last shift id of the page
  int64_t now = 0;
};

Result<AwaitingPage> ListShiftsAwaitingConfirmation(const AppContext& ctx, const auth::Actor& actor,
                                                    std::optional<int64_t> organization_id, int64_t before_shift_id,
                                                    int limit);

}  // namespace tianshan::volunteering
