#include "modules/organizations/get_organization.h"

#include "modules/organizations/permissions.h"

namespace tianshan::organizations {

Result<OrganizationView> GetOrganization(const AppContext& ctx, const auth::Actor& actor, int64_t id) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<OrganizationView> {
    TS_ASSIGN_OR_RETURN(Organization org, LoadReadable(tx, actor, id));
    bool full = CanSeeContactPhone(actor, org.path);
    std::vector<int64_t> ids = PathIds(org.path);
    if (!ids.empty()) ids.pop_back();  // the organization itself
    TS_ASSIGN_OR_RETURN(auto names, FindOrganizationNames(tx, ids));
    std::vector<AncestorRef> ancestors;
    std::string path = "/";
    for (int64_t a : ids) {
      path += std::to_string(a) + "/";
      ancestors.push_back({a, names[a], CanRead(actor, path)});
    }
    return OrganizationView{std::move(org), full, std::move(ancestors)};
  });
}

}  // namespace tianshan::organizations
