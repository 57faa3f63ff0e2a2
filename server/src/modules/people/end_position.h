#pragma once
// Use case: end an open cadre position (POST /positions/{id}/end {ended_on?}).
//
// Steps: load the position and its holder (404 when the caller sees neither) → authorize
// (committee_admin or branch_secretary covering the position's organization: 403) → check the
// date (valid, not before the start, not in the future; default today: 422) → refuse an
// already ended position (409) → end it, count the cadre out (cadres -1) and audit.

#include "modules/people/get_person.h"

namespace tianshan::people {

Result<Position> EndPosition(const AppContext& ctx, const Caller& caller, int64_t position_id,
                             const std::optional<std::string>& ended_on);

}  // namespace tianshan::people
