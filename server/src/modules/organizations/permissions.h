#pragma once
// Who may do what to organizations and coverage units: pure decisions, no I/O.
//
// Deny by default. A grant covers its organization's whole subtree and nothing above or
// beside it (auth::Actor::Covers). The table (see README.md):
//   read organization, its children, subtree, stats  any role covering it
//   create a child                                    committee_admin covering the parent
//   create a root                                     committee_admin granted on a root (or a
//                                                     platform admin, whose grant path is "/")
//   update all fields                                 committee_admin covering it
//   update details (short_name, address, contact)     branch_secretary granted on exactly it
//   archive                                           committee_admin covering it
//   move                                              committee_admin covering it AND the new
//                                                     parent (or, to make it a root, one granted
//                                                     on a root)
//   see the full contact phone                        committee_admin or branch_secretary covering it
//   read coverage units                               committee_admin, branch_secretary, cadre covering it
//   create / change coverage units                    committee_admin covering the unit's organization
// Use cases answer 404 for an organization the caller may not read (so ids outside one's
// grants reveal nothing) and 403 for an action on one the caller may read but not change.

#include <string_view>
#include <vector>

#include "auth/actor.h"
#include "kit/permission.h"

namespace tianshan::organizations {

bool CanRead(const auth::Actor& actor, std::string_view path);
bool CanCreateChild(const auth::Actor& actor, std::string_view parent_path);
bool CanCreateRoot(const auth::Actor& actor);
bool CanUpdateAll(const auth::Actor& actor, std::string_view path);
// Details only: short_name, address, contact_name, contact_phone, founded_on.
bool CanUpdateDetails(const auth::Actor& actor, std::string_view path);
bool IsDetailField(std::string_view field);
bool CanArchive(const auth::Actor& actor, std::string_view path);
bool CanRestore(const auth::Actor& actor, std::string_view path);
// `new_parent_path` empty means "make it a root".
bool CanMove(const auth::Actor& actor, std::string_view path, std::string_view new_parent_path);
bool CanSeeContactPhone(const auth::Actor& actor, std::string_view path);
bool CanReadCoverage(const auth::Actor& actor, std::string_view organization_path);
bool CanManageCoverage(const auth::Actor& actor, std::string_view organization_path);

// The table above as named permissions for the module manifest (kit/permission.h); each entry
// calls the function above, so the table and the use cases cannot disagree.
std::vector<PermissionDefinition> Permissions();

}  // namespace tianshan::organizations
