// The organizations module's tree facade for other modules (public/tree.h).
#include "modules/organizations/organization_repository.h"
#include "modules/organizations/public/tree.h"

namespace tianshan::organizations {

Result<std::vector<Organization>> ActiveChildren(storage::Transaction& tx, int64_t parent_id, int limit) {
  TS_ASSIGN_OR_RETURN(auto page, ListChildren(tx, parent_id, std::nullopt, limit, std::string(kActive)));
  return std::move(page.items);
}

Result<std::map<int64_t, std::string>> NamesOf(storage::Transaction& tx, const std::vector<int64_t>& ids) {
  return FindOrganizationNames(tx, ids);
}

}  // namespace tianshan::organizations
