#pragma once
// Who may do what in volunteering: pure decisions, no I/O. Deny by default; a grant covers
// its organization's whole subtree and nothing above or beside it (auth::Actor::Covers).
//
//   create teams and projects, add leaders,      committee_admin or branch_secretary covering
//   manage any project, shift, roster, hours     the organization ("organization manager")
//   manage a team's projects, shifts, rosters,   an active leader of that team (a person), or an
//   check-in codes, hours, reports, members      organization manager
//   set the hours rule                           committee_admin covering
//   read rankings, monthly figures, the ledger   any role covering (ledger: managers only)
//   read members-only projects, sign up to them  any role covering, or an active team member
//   sign up, check in by QR, report hours,       the person themself (an account with a person)
//   download own certificates
//   verify a certificate                         anyone (public)

#include <string_view>

#include "auth/actor.h"

namespace tianshan::volunteering {

bool IsOrganizationManager(const auth::Actor& actor, std::string_view org_path);
// `is_team_leader`: the actor's person actively leads the project's team.
bool CanManageProject(const auth::Actor& actor, std::string_view org_path, bool is_team_leader);
bool CanSetHoursRule(const auth::Actor& actor, std::string_view org_path);
bool CanReadFigures(const auth::Actor& actor, std::string_view org_path);
bool CanSeeMembersOnly(const auth::Actor& actor, std::string_view org_path, bool is_team_member);

}  // namespace tianshan::volunteering
