#include "modules/organizations/organization_directory.h"

namespace tianshan::organizations {

Result<std::optional<auth::OrganizationRef>> OrganizationDirectoryImpl::Find(storage::Transaction& tx,
                                                                             int64_t id) const {
  TS_ASSIGN_OR_RETURN(auto row,
                      tx.QueryOne("SELECT id, path, name FROM organizations_organizations WHERE id = ?", {id}));
  if (!row) return std::optional<auth::OrganizationRef>();
  return std::optional<auth::OrganizationRef>(
      auth::OrganizationRef{row->Int("id"), row->Text("path"), row->Text("name")});
}

}  // namespace tianshan::organizations
