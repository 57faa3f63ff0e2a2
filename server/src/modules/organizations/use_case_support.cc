#include "modules/organizations/use_case_support.h"

#include "modules/organizations/permissions.h"

namespace tianshan::organizations {

Result<Organization> LoadReadable(storage::Transaction& tx, const auth::Actor& actor, int64_t id, RowLock lock) {
  TS_ASSIGN_OR_RETURN(auto org, FindOrganization(tx, id, lock));
  if (!org || !CanRead(actor, org->path)) return Status::NotFound("organization.not_found");
  return std::move(*org);
}

Result<Organization> LoadReadableParent(storage::Transaction& tx, const auth::Actor& actor, int64_t id,
                                        const char* field, RowLock lock) {
  TS_ASSIGN_OR_RETURN(auto org, FindOrganization(tx, id, lock));
  if (!org || !CanRead(actor, org->path)) return Status::Invalid(field, "organization.parent_unknown");
  return std::move(*org);
}

audit::AuditEntry AuditFor(std::optional<int64_t> actor_account_id, std::string action, std::string entity_type,
                           int64_t entity_id, std::string organization_path, std::string before,
                           std::string after, std::string request_id) {
  audit::AuditEntry e;
  e.actor_account_id = actor_account_id;
  e.action = std::move(action);
  e.entity_type = std::move(entity_type);
  e.entity_id = std::to_string(entity_id);
  e.organization_path = std::move(organization_path);
  e.before_json = std::move(before);
  e.after_json = std::move(after);
  e.request_id = std::move(request_id);
  return e;
}

std::string KindCounterKey(std::string_view kind) { return "kind." + std::string(kind); }

}  // namespace tianshan::organizations
