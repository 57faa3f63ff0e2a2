#pragma once
// Who may do what in publishing: pure decisions, no I/O. Deny by default; a grant covers its
// organization's whole subtree and nothing above or beside it. The table (README.md):
//   read      (admin lists, articles, revisions)  committee_admin, branch_secretary, cadre covering it
//   columns   (create, edit columns and members)  committee_admin covering it
//   write     (create, edit, submit, import, upload)
//                                                  committee_admin covering it; an editor of the column
//                                                  whose role covers it (branch_secretary, cadre)
//   review    (approve, reject, publish, schedule, withdraw)
//                                                  committee_admin covering it; a reviewer of the column
//                                                  whose role covers it
// and, whatever the role: nobody approves an article they wrote or submitted.
// Column membership (editor, reviewer) is data the use case reads; these functions take it.

#include <string_view>
#include <vector>

#include "auth/actor.h"
#include "kit/permission.h"
#include "modules/publishing/column_repository.h"

namespace tianshan::publishing {

bool CanRead(const auth::Actor& actor, std::string_view organization_path);
bool CanManageColumns(const auth::Actor& actor, std::string_view organization_path);
bool CanWrite(const auth::Actor& actor, std::string_view organization_path, const Membership& membership);
bool CanReview(const auth::Actor& actor, std::string_view organization_path, const Membership& membership);
// The one rule of review that no role lifts: an article's author and its submitter never approve it.
bool MayApprove(const auth::Actor& actor, int64_t created_by, std::optional<int64_t> submitted_by);

// The table above as named permissions for the manifest (write and review as a role without
// column membership allows them: the committee admin's).
std::vector<PermissionDefinition> Permissions();

}  // namespace tianshan::publishing
