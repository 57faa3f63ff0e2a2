#pragma once
// Use case: change a team's name, description, partner or status (PATCH; absent fields keep
// their value). Archiving a team stops applications, self-reports and new projects of it; its
// projects and hours stay.
//
// Steps: 404 unknown team → 403 unless committee_admin or branch_secretary covering its
// organization → a name another team of the organization has is a 409 → save, audit with
// before and after; one transaction.

#include <optional>
#include <string>

#include "modules/volunteering/teams/team_views.h"
#include "modules/volunteering/use_case_support.h"

namespace tianshan::volunteering {

struct TeamPatch {
  std::optional<std::string> name;
  std::optional<std::optional<std::string>> description, partner_name;
  std::optional<std::string> status;  // active, archived
};

Result<TeamView> UpdateTeam(const AppContext& ctx, const Caller& caller, int64_t team_id, const TeamPatch& patch);

}  // namespace tianshan::volunteering
