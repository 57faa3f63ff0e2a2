#pragma once
// Use cases: a person applies to join a team (pending until a leader decides), and a team
// leader or organization manager approves or rejects an application or adds a leader.
//
// Apply: own person (403 without one) → active team (404 unknown, 409 archived) → refuse when
// already pending or active (409) → insert or reopen the membership as pending, audit.
// Decide: rejecting needs a reason (422 on "reason", kept with the membership) → 404 unknown
// member, 403 unless leader of the team or manager of its organization, 409 unless pending →
// active or rejected, audit.
// Add leader: 403 unless organization manager; the person must be visible to the caller
// (422 on person_id) → active leader, audit.

#include "modules/volunteering/use_case_support.h"

namespace tianshan::volunteering {

Result<TeamMember> ApplyToTeam(const AppContext& ctx, const Caller& caller, int64_t team_id,
                               const std::optional<std::string>& message);
Result<TeamMember> DecideTeamApplication(const AppContext& ctx, const Caller& caller, int64_t team_id,
                                         int64_t member_id, const Decision& decision);
Result<TeamMember> AddTeamLeader(const AppContext& ctx, const Caller& caller, int64_t team_id, int64_t person_id);

}  // namespace tianshan::volunteering
