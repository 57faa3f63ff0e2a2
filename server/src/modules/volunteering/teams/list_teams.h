#pragma once
// Read use cases for teams. Teams and their names are public (the public project pages name
// them); members are listed only to the team's leaders and the organization's managers.

#include <vector>

#include "modules/volunteering/teams/team_views.h"
#include "modules/volunteering/use_case_support.h"

namespace tianshan::volunteering {

struct TeamPage {
  std::vector<Team> items;
  std::optional<int64_t> next_cursor;
};

// Teams of the subtree of `organization_id` (404 "volunteer.organization_unknown").
Result<TeamPage> ListTeams(const AppContext& ctx, int64_t organization_id, int64_t after_id, int limit);
// `actor` nullptr: the public (no membership, every `can` false).
Result<TeamView> GetTeam(const AppContext& ctx, const auth::Actor* actor, int64_t team_id);
// "My teams": the teams the actor's person leads, belongs to or has applied to, each with the
// membership and `can`, by team id after `after_id`. 403 ("volunteer.needs_person") when the
// account has no person.
struct TeamViewPage {
  std::vector<TeamView> items;
  std::optional<int64_t> next_cursor;
};
Result<TeamViewPage> ListMyTeams(const AppContext& ctx, const auth::Actor& actor, int64_t after_id, int limit);

// 403 unless a leader of the team or a manager of its organization.
Result<std::vector<TeamMember>> ListTeamMembers(const AppContext& ctx, const auth::Actor& actor, int64_t team_id,
                                                const std::optional<std::string>& status);

}  // namespace tianshan::volunteering
