#pragma once
// Use case: create a volunteer team of an organization, optionally run by a partnered youth
// social organization (partner_name), with its first leaders.
//
// Steps: validate (422 listing every problem) → load the organization (unknown: 422 on
// organization_id) → authorize (organization manager covering it: 403) → refuse a team of the
// same name in the organization (409) → look up each leader as the caller sees them (unknown
// or unreadable: 422 on leader_person_ids[i]) → insert the team and its leaders, audit: one
// transaction.

#include <vector>

#include "modules/volunteering/teams/team_views.h"
#include "modules/volunteering/use_case_support.h"

namespace tianshan::volunteering {

struct CreateTeamInput {
  int64_t organization_id = 0;
  std::string name;
  std::optional<std::string> description;
  std::optional<std::string> partner_name;
  std::vector<int64_t> leader_person_ids;
};

Result<TeamView> CreateTeam(const AppContext& ctx, const Caller& caller, const CreateTeamInput& input);

// Without authorization or audit entry, inside the caller's transaction (CreateTeam, demo
// data). Leaders are given as (person id, name).
Result<Team> CreateTeamUnchecked(storage::Transaction& tx, const AppContext& ctx, const CreateTeamInput& input,
                                 const std::vector<std::pair<int64_t, std::string>>& leaders);

// The team as the audit log keeps it (the API shape; no personal data).
std::string TeamAuditJson(const Team& t);

}  // namespace tianshan::volunteering
