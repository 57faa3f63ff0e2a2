#pragma once
// auth::OrganizationDirectory backed by organizations_organizations. Stateless and
// thread-safe; archived organizations are still found (grants on them keep working).

#include "auth/organization_directory.h"

namespace tianshan::organizations {

class OrganizationDirectoryImpl final : public auth::OrganizationDirectory {
 public:
  Result<std::optional<auth::OrganizationRef>> Find(storage::Transaction& tx, int64_t id) const override;
};

}  // namespace tianshan::organizations
