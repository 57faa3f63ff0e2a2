#pragma once
// Who may do what in volunteering: pure decisions, no I/O. Deny by default; a grant covers
// its organization's whole subtree and nothing above or beside it (auth::Actor::Covers).
//
// Leading a team is not a grant but a membership the module keeps (an active leader of the
// team): the use case reads it (ActorInTeam) and passes it in as `leads_team`. The named
// permissions below (Permissions(), the manifest's list) state the grant part of each rule
// and name the leader part in `who`.
//
//   name                             object        who
//   volunteering.manage_teams        organization  committee_admin or branch_secretary covering it
//                                                  ("organization manager"): create teams, add leaders
//   volunteering.manage_projects     organization  organization manager; a team's leaders for the
//                                                  team's projects: create and edit projects, shifts,
//                                                  rosters, check-in codes, attendance
//   volunteering.approve_hours       organization  organization manager; a team's leaders for the
//                                                  team: confirm, correct and adjust hours, decide
//                                                  reports, the ledger (managers only)
//   volunteering.set_hours_rule      organization  committee_admin covering it
//   volunteering.read_figures        organization  any role covering it: rankings, monthly hours,
//                                                  the rule in force
//   volunteering.decide_members      team          organization manager of the team's organization,
//                                                  or an active leader of the team
//   volunteering.join                team          an account with a person
//   volunteering.edit_project        project       organization manager, or a leader of its team
//   volunteering.see_members_only    project       any role covering it, or an active team member
//   volunteering.sign_up             shift         an account with a person (age, consent, seats and
//                                                  overlaps are the use case's)
//   volunteering.manage_roster       shift         organization manager, or a leader of the team
//   (verify a certificate: anyone; own sign-ups, hours, reports, certificates: the person)

#include <string_view>
#include <vector>

#include "auth/actor.h"
#include "kit/permission.h"

namespace tianshan::volunteering {

bool IsOrganizationManager(const auth::Actor& actor, std::string_view org_path);
bool CanManageTeams(const auth::Actor& actor, std::string_view org_path);
// `leads_team`: the actor's person actively leads the project's (or the hours') team.
bool CanManageProject(const auth::Actor& actor, std::string_view org_path, bool leads_team);
bool CanApproveHours(const auth::Actor& actor, std::string_view org_path, bool leads_team);
bool CanDecideMembers(const auth::Actor& actor, std::string_view team_org_path, bool leads_team);
bool CanSetHoursRule(const auth::Actor& actor, std::string_view org_path);
bool CanReadFigures(const auth::Actor& actor, std::string_view org_path);
bool CanSeeMembersOnly(const auth::Actor& actor, std::string_view org_path, bool is_team_member);
// Signing up, joining a team, reporting hours: the account acts as its own person.
bool CanVolunteer(const auth::Actor& actor);

// The table above as named permissions for the module manifest (kit/permission.h); each entry
// calls the function above (with `leads_team` false: the grant part of the rule).
std::vector<PermissionDefinition> Permissions();

}  // namespace tianshan::volunteering
