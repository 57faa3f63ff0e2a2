#include "modules/services/permissions.h"

namespace tianshan::services {

using auth::Role;

bool CanRead(const auth::Actor& actor, std::string_view organization_path) {
  return actor.Covers(organization_path, {Role::kCommitteeAdmin, Role::kBranchSecretary, Role::kCadre});
}

bool CanManage(const auth::Actor& actor, std::string_view organization_path) {
  return actor.Covers(organization_path, {Role::kCommitteeAdmin, Role::kBranchSecretary});
}

ApplicationCan ApplicationActions(const auth::Actor& actor, const Application& a) {
  const bool manager = CanManage(actor, a.org_path);
  const bool own = a.account_id == actor.account_id;
  ApplicationCan can;
  can.accept = manager && NextStatus(a.status, ApplicationAction::kAccept).has_value();
  can.reject = manager && NextStatus(a.status, ApplicationAction::kReject).has_value();
  can.start = manager && NextStatus(a.status, ApplicationAction::kStart).has_value();
  can.complete = manager && NextStatus(a.status, ApplicationAction::kComplete).has_value();
  can.withdraw = own && NextStatus(a.status, ApplicationAction::kWithdraw).has_value();
  can.message = (own || manager) && a.status != "withdrawn";
  can.rate = own && a.status == "completed" && !a.rating;
  return can;
}

bool CanWithdrawEnrollment(const auth::Actor& actor, const Enrollment& e, std::string_view today) {
  const bool holds = e.status == "enrolled" || e.status == "waitlisted";
  return holds && today <= e.session_ends_on && (e.account_id == actor.account_id || CanManage(actor, e.org_path));
}

bool CanSeeApplication(const auth::Actor& actor, const Application& a) {
  return (a.account_id != 0 && a.account_id == actor.account_id) || CanRead(actor, a.org_path);
}

std::vector<PermissionDefinition> Permissions() {
  return {
      {"services.read", "organization", "committee_admin, branch_secretary, cadre covering it", CanRead},
      {"services.manage", "organization", "committee_admin, branch_secretary covering it", CanManage},
  };
}

}  // namespace tianshan::services
