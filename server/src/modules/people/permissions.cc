#include "modules/people/permissions.h"

namespace tianshan::people {

using auth::Role;

View PersonView(const auth::Actor& actor, const std::vector<std::string_view>& paths, bool is_self) {
  if (is_self) return View::kFull;
  View best = View::kNone;
  for (auto path : paths) {
    if (actor.Covers(path, {Role::kCommitteeAdmin})) return View::kFull;
    if (actor.Covers(path, {Role::kBranchSecretary})) {
      best = View::kPhone;
    } else if (best == View::kNone && actor.Covers(path, {Role::kCadre})) {
      best = View::kMasked;
    }
  }
  return best;
}

bool IsSelf(const auth::Actor& actor, int64_t person_id) { return actor.person_id && *actor.person_id == person_id; }

bool CanReadOrganization(const auth::Actor& actor, std::string_view path) {
  return actor.Covers(path, {Role::kCommitteeAdmin, Role::kBranchSecretary, Role::kCadre, Role::kMember, Role::kYouth});
}

bool CanListPeople(const auth::Actor& actor, std::string_view org_path) {
  return actor.Covers(org_path, {Role::kCommitteeAdmin, Role::kBranchSecretary, Role::kCadre});
}

bool CanManagePeople(const auth::Actor& actor, std::string_view org_path) {
  return actor.Covers(org_path, {Role::kCommitteeAdmin, Role::kBranchSecretary});
}

bool CanManagePositions(const auth::Actor& actor, std::string_view org_path) {
  return CanManagePeople(actor, org_path);
}

bool CanHandleTransfers(const auth::Actor& actor, std::string_view org_path) {
  return CanManagePeople(actor, org_path);
}

bool CanDecideCorrection(const auth::Actor& actor, std::string_view person_path) {
  for (const auth::Grant* g : actor.GrantsWith({Role::kCommitteeAdmin})) {
    const std::string& p = g->organization_path;
    if (!p.empty() && p.size() < person_path.size() && person_path.substr(0, p.size()) == p) return true;
  }
  return false;
}

TransferActions AllowedTransferActions(const TransferSides& sides, bool pending, bool released,
                                       std::string_view initiated_by) {
  TransferActions a;
  if (!pending) return a;
  a.release = !released && sides.sending;
  a.accept = released && sides.receiving;
  a.reject = released ? sides.receiving : sides.sending;
  const bool started_side = initiated_by == "sending"     ? sides.sending
                            : initiated_by == "receiving" ? sides.receiving
                            : initiated_by.empty()        ? sides.sending || sides.receiving
                                                          : false;
  a.cancel = sides.self || started_side;
  return a;
}

PersonActions AllowedPersonActions(const auth::Actor& actor, std::string_view person_path, bool is_self, bool is_member,
                                   bool correction_pending, bool transfer_pending) {
  PersonActions a;
  a.update = CanManagePeople(actor, person_path);
  a.request_correction = a.update && !correction_pending;
  a.appoint_position = CanManagePositions(actor, person_path);
  a.transfer = is_member && !transfer_pending && (is_self || CanHandleTransfers(actor, person_path));
  return a;
}

std::vector<PermissionDefinition> Permissions() {
  return {
      {"people.read", "person", "committee_admin, branch_secretary, cadre (masked) covering the person; the person",
       CanListPeople},
      {"people.list", "organization", "committee_admin, branch_secretary, cadre covering it", CanListPeople},
      {"people.create", "organization", "committee_admin, branch_secretary covering it", CanManagePeople},
      {"people.transfers", "organization",
       "committee_admin, branch_secretary covering it (list, start, release, accept, reject its transfers)",
       CanHandleTransfers},
      {"people.corrections", "organization", "committee_admin, branch_secretary covering it (list corrections)",
       CanManagePeople},
      {"people.manage_positions", "organization", "committee_admin, branch_secretary covering it", CanManagePositions},
      {"people.update", "person", "committee_admin, branch_secretary covering the person", CanManagePeople},
      {"people.request_correction", "person", "committee_admin, branch_secretary covering the person", CanManagePeople},
      {"people.decide_correction", "person",
       "committee_admin of an organization above the person's (approve, reject; never the requester)",
       CanDecideCorrection},
      {"people.appoint_position", "person",
       "committee_admin, branch_secretary covering the person (and the position's organization)", CanManagePositions},
      {"people.transfer", "person",
       "committee_admin, branch_secretary covering the person's branch; the member themselves", CanHandleTransfers},
  };
}

}  // namespace tianshan::people
