#pragma once
// A team as one caller sees it: the row, the caller's own membership and `can`, the actions
// this caller may take on it now (decided here from permissions.h and the team's state):
//
//   edit            committee_admin or branch_secretary covering the team's organization
//                   (name, description, partner, archiving)
//   join            an account with a person, the team active, and no pending or active
//                   membership of the caller (a rejected or former member may apply again)
//   decide_members  committee_admin or branch_secretary covering the team's organization, or
//                   an active leader of the team (list members, approve or reject applications)
//   add_leader      committee_admin or branch_secretary covering the team's organization
//   add_project     the team active, and decide_members' people (they manage its projects)
//   report_hours    the team active and the caller an active member or leader of it

#include <optional>

#include "modules/volunteering/use_case_support.h"

namespace tianshan::volunteering {

struct TeamCan {
  bool edit = false;
  bool join = false;
  bool decide_members = false;
  bool add_leader = false;
  bool add_project = false;
  bool report_hours = false;
};

struct TeamView {
  Team team;
  std::optional<TeamMember> membership;  // the caller's, any status
  TeamCan can;
};

TeamCan TeamActions(const auth::Actor* actor, const Team& team, const std::string& org_path,
                    const std::optional<TeamMember>& membership);
// The team with the caller's membership and `can`, inside the caller's transaction.
Result<TeamView> ViewTeam(storage::Transaction& tx, const AppContext& ctx, const auth::Actor* actor, Team team);

}  // namespace tianshan::volunteering
