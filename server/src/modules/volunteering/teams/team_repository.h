#pragma once
// SQL for volunteering_teams and volunteering_team_members (bound parameters only). Every
// function runs inside the caller's transaction and returns storage failures as they come.

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "core/result.h"
#include "modules/volunteering/volunteering.h"
#include "storage/database.h"

namespace tianshan::volunteering {

Result<int64_t> InsertTeam(storage::Transaction& tx, const Team& t, int64_t now);
Result<std::optional<Team>> FindTeam(storage::Transaction& tx, int64_t id);
// The id of the organization's team called `name`, if any.
Result<std::optional<int64_t>> FindTeamByName(storage::Transaction& tx, int64_t organization_id,
                                              const std::string& name);
// Teams whose organization lies in the subtree at `path`, by id after `after_id`.
Result<std::vector<Team>> ListTeams(storage::Transaction& tx, const std::string& path, int64_t after_id, int limit);

Result<std::optional<TeamMember>> FindMember(storage::Transaction& tx, int64_t team_id, int64_t person_id);
Result<std::optional<TeamMember>> FindMemberById(storage::Transaction& tx, int64_t id);
// Inserts a member or, when the person already has a row (left, rejected), replaces it.
Result<int64_t> UpsertMember(storage::Transaction& tx, const TeamMember& m, int64_t now);
// A decision: `reason` is kept with a rejection (null otherwise).
Status SetMemberStatus(storage::Transaction& tx, int64_t id, const std::string& status,
                       const std::optional<std::string>& reason, int64_t now);
// Saves name, description, partner_name and status.
Status UpdateTeamFields(storage::Transaction& tx, const Team& t, int64_t now);
// The teams the person leads, belongs to or has applied to (active and pending memberships),
// by team id after `after_team_id`.
Result<std::vector<std::pair<Team, TeamMember>>> ListPersonTeams(storage::Transaction& tx, int64_t person_id,
                                                                 int64_t after_team_id, int limit);
Result<std::vector<TeamMember>> ListMembers(storage::Transaction& tx, int64_t team_id,
                                            const std::optional<std::string>& status);
// The teams the person actively leads.
Result<std::vector<int64_t>> ListLedTeamIds(storage::Transaction& tx, int64_t person_id);
// True when `person_id` is an active leader (or, with `any_member`, an active member) of the team.
Result<bool> IsActiveMember(storage::Transaction& tx, int64_t team_id, int64_t person_id, bool leaders_only);

}  // namespace tianshan::volunteering
