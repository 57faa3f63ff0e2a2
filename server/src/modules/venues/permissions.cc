#include "modules/venues/permissions.h"

namespace tianshan::venues {

using auth::Role;

bool CanRead(const auth::Actor& actor, std::string_view organization_path) {
  return actor.Covers(organization_path, {Role::kCommitteeAdmin, Role::kBranchSecretary, Role::kCadre});
}

bool CanManage(const auth::Actor& actor, std::string_view organization_path) {
  return actor.Covers(organization_path, {Role::kCommitteeAdmin, Role::kBranchSecretary});
}

BookingCan BookingActions(const auth::Actor& actor, const Booking& b, int64_t now) {
  const bool manager = CanManage(actor, b.org_path);
  const bool own = b.account_id == actor.account_id;
  BookingCan can;
  can.approve = manager && b.status == "pending" && now < b.starts_at;
  can.reject = manager && b.status == "pending";
  can.cancel = (manager || own) && (b.status == "pending" || b.status == "approved") && now < b.starts_at;
  can.no_show = manager && b.status == "approved" && now >= b.starts_at && !b.checked_in_at;
  can.show_code = own && b.status == "approved" && !b.checked_in_at && now < b.ends_at;
  return can;
}

std::vector<PermissionDefinition> Permissions() {
  return {
      {"venues.read", "organization", "committee_admin, branch_secretary, cadre covering it", CanRead},
      {"venues.manage", "organization", "committee_admin, branch_secretary covering it", CanManage},
  };
}

}  // namespace tianshan::venues
