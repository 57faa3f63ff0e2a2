#include "modules/organizations/get_organization.h"

#include "modules/organizations/permissions.h"

namespace tianshan::organizations {

Result<OrganizationView> GetOrganization(const AppContext& ctx, const auth::Actor& actor, int64_t id) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<OrganizationView> {
    TS_ASSIGN_OR_RETURN(Organization org, LoadReadable(tx, actor, id));
    bool full = CanSeeContactPhone(actor, org.path);
    return OrganizationView{std::move(org), full};
  });
}

}  // namespace tianshan::organizations
