#include "modules/organizations/use_case_support.h"

#include "modules/organizations/permissions.h"

namespace tianshan::organizations {

Result<Organization> LoadReadable(storage::Transaction& tx, const auth::Actor& actor, int64_t id, RowLock lock) {
  TS_ASSIGN_OR_RETURN(auto org, FindOrganization(tx, id, lock));
  if (!org || !CanRead(actor, org->path)) return Status::NotFound("organization.not_found");
  return std::move(*org);
}

Result<Organization> LoadReadable(storage::Transaction& tx, const auth::Actor& actor, int64_t id) {
  return LoadReadable(tx, actor, id, RowLock::kNone);
}

Result<Organization> LoadReadableParent(storage::Transaction& tx, const auth::Actor& actor, int64_t id,
                                        const char* field, RowLock lock) {
  TS_ASSIGN_OR_RETURN(auto org, FindOrganization(tx, id, lock));
  if (!org || !CanRead(actor, org->path)) return Status::Invalid(field, "organization.parent_unknown");
  return std::move(*org);
}

std::string KindCounterKey(std::string_view kind) { return "kind." + std::string(kind); }

}  // namespace tianshan::organizations
