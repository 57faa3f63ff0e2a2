#pragma once
// Who may do what in the cadres module: pure decisions on the actor's grants and an
// organization's path, no I/O. Deny by default; a grant covers its organization's whole
// subtree and nothing above or beside it. The table (README.md):
//   cadres.dashboard      committee_admin covering it: figures, per-cadre quota status, the
//                         export, the postings plan and the served-units overview
//   cadres.settings       committee_admin covering it: the targets of its subtree
//   cadres.plan_postings  committee_admin covering it (the cadre's and the host's organization)
//   cadres.confirm        committee_admin, branch_secretary covering it: confirm postings hosted
//                         there and services to units there
//   cadres.work           cadre, branch_secretary, committee_admin grants covering it: the
//                         cadre's workspace in the navigation; the use cases also require the
//                         account's person to hold an open cadre position
// Contacts are not organization-scoped: exactly their two parties see them (use cases).

#include <string_view>
#include <vector>

#include "auth/actor.h"
#include "kit/permission.h"

namespace tianshan::cadres {

bool CanViewFigures(const auth::Actor& actor, std::string_view path);
bool CanSetTargets(const auth::Actor& actor, std::string_view path);
bool CanPlanPostings(const auth::Actor& actor, std::string_view path);
bool CanConfirmAt(const auth::Actor& actor, std::string_view path);
bool CanWorkAsCadre(const auth::Actor& actor, std::string_view path);

std::vector<PermissionDefinition> Permissions();

}  // namespace tianshan::cadres
