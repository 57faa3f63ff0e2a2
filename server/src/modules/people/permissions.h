#pragma once
// Who may do what to people: pure decisions, no I/O. Deny by default; a grant covers its
// organization's whole subtree and nothing above or beside it (auth::Actor::Covers).
// "Covering a person" means covering the organization the person is attached to or one where
// the person holds an open position. The table (see README.md):
//
//   read a person, list people        committee_admin, branch_secretary, cadre covering; self
//   phone in full                     committee_admin, branch_secretary covering; self
//   identity number in full           committee_admin covering; self
//   create, update, request correction  committee_admin, branch_secretary covering
//   appoint / end positions           committee_admin, branch_secretary covering the position's org
//   start a transfer                  the member (own person), or committee_admin /
//                                     branch_secretary covering the sending or receiving org
//   release a transfer (同意转出)      committee_admin, branch_secretary covering the sending org,
//                                     while it waits for the sending side
//   accept a transfer                 committee_admin, branch_secretary covering the receiving org,
//                                     once the sending side released it
//   reject a transfer                 the side it waits for (sending before release, receiving after)
//   cancel a pending transfer         the member, or the side that started it
//   list transfers and corrections    committee_admin, branch_secretary covering the org
//   approve / reject a correction     committee_admin granted on an organization strictly above
//                                     the person's organization (not on it), not the requester
// Members and youth read nothing of other people (their own record only).

#include <initializer_list>
#include <optional>
#include <string_view>
#include <vector>

#include "auth/actor.h"
#include "kit/permission.h"

namespace tianshan::people {

// How much of a person a reader sees.
enum class View { kNone, kMasked, kPhone, kFull };

// The most the actor sees of a person attached at `paths` (attachment first, then open
// positions); `is_self` when the person is the actor's own.
View PersonView(const auth::Actor& actor, const std::vector<std::string_view>& paths, bool is_self);
bool IsSelf(const auth::Actor& actor, int64_t person_id);

bool CanReadOrganization(const auth::Actor& actor, std::string_view path);
bool CanListPeople(const auth::Actor& actor, std::string_view org_path);
bool CanManagePeople(const auth::Actor& actor, std::string_view org_path);
bool CanManagePositions(const auth::Actor& actor, std::string_view org_path);
bool CanHandleTransfers(const auth::Actor& actor, std::string_view org_path);
bool CanDecideCorrection(const auth::Actor& actor, std::string_view person_path);

// What the caller may do with one person now: the `can` of a person answer. `person_path` is
// the current path of the person's attachment; a member's own record may start their own
// transfer. A pending correction (or transfer) rules out requesting another.
struct PersonActions {
  bool update = false;
  bool request_correction = false;
  bool appoint_position = false;  // the position's organization is checked when appointing
  bool transfer = false;          // start a transfer of the person's membership
};
PersonActions AllowedPersonActions(const auth::Actor& actor, std::string_view person_path, bool is_self, bool is_member,
                                   bool correction_pending, bool transfer_pending);

// The table above as named permissions for the module manifest (kit/permission.h); each entry
// calls a function above, so the README table, the `can` of answers and the use cases agree.
// Object "organization": the organization listed or acted in; object "person": the person's
// attachment.
std::vector<PermissionDefinition> Permissions();

// Who the caller is to one transfer: several may hold at once (a committee covering both sides).
struct TransferSides {
  bool self = false;       // the member being transferred
  bool sending = false;    // committee_admin / branch_secretary covering the sending organization
  bool receiving = false;  // ... covering the receiving organization
};
// What the caller may do next with a transfer. A membership never moves on one side's word: a
// transfer started by the receiving side is released by the sending side before the receiving
// side may accept it; one started by the sending side or by the member is released at once and
// only the receiving side accepts it.
struct TransferActions {
  bool release = false;
  bool accept = false;
  bool reject = false;
  bool cancel = false;
};
// `initiated_by` is "sending", "receiving", "member" or empty (transfers older than the rule:
// either side may cancel them).
TransferActions AllowedTransferActions(const TransferSides& sides, bool pending, bool released,
                                       std::string_view initiated_by);

}  // namespace tianshan::people
