#include "modules/organizations/create_organization.h"

#include "modules/organizations/counter_store.h"
#include "modules/organizations/organization_json.h"
#include "modules/organizations/permissions.h"
#include "modules/organizations/public/counters.h"

namespace tianshan::organizations {
namespace {

// Steps after authorization, shared by both entry points.
Result<Organization> Insert(storage::Transaction& tx, const AppContext& ctx, std::optional<int64_t> actor_account_id,
                            const Organization* parent, const OrganizationFields& fields,
                            const std::string& request_id) {
  if (parent && !parent->active()) return Status::Invalid("parent_id", "organization.parent_archived");
  TS_ASSIGN_OR_RETURN(bool taken,
                      SiblingNameTaken(tx, parent ? std::optional(parent->id) : std::nullopt, fields.name, 0));
  if (taken) return Status::Conflict("organization.duplicate_name").WithParam(fields.name);
  TS_ASSIGN_OR_RETURN(Organization org, InsertOrganization(tx, parent, fields, ctx.clock.NowMillis()));
  TS_RETURN_IF_ERROR(ApplyCounterDelta(tx, org.path, counter::kOrganizations, 1));
  TS_RETURN_IF_ERROR(ApplyCounterDelta(tx, org.path, KindCounterKey(fields.kind), 1));
  TS_RETURN_IF_ERROR(ctx.audit.Record(tx, {.actor_account_id = actor_account_id,
                                           .action = "organization.create",
                                           .entity_type = "organization",
                                           .entity_id = std::to_string(org.id),
                                           .organization_path = org.path,
                                           .after_json = OrganizationAuditJson(org),
                                           .request_id = request_id}));
  return org;
}

}  // namespace

Result<Organization> CreateOrganization(const AppContext& ctx, const Caller& caller,
                                        const CreateOrganizationInput& input) {
  TS_RETURN_IF_ERROR(ValidateFields(input.fields, ctx.clock.NowMillis()));
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<Organization> {
    TS_RETURN_IF_ERROR(ShareTree(tx));
    std::optional<Organization> parent;
    if (input.parent_id) {
      TS_ASSIGN_OR_RETURN(parent, LoadReadableParent(tx, caller.actor, *input.parent_id, "parent_id", RowLock::kShare));
      if (!CanCreateChild(caller.actor, parent->path)) return Status::Forbidden();
    } else if (!CanCreateRoot(caller.actor)) {
      return Status::Forbidden("organization.root_needs_root_admin");
    }
    return Insert(tx, ctx, caller.actor.account_id, parent ? &*parent : nullptr, input.fields, caller.request_id);
  });
}

Result<Organization> CreateOrganizationUnchecked(storage::Transaction& tx, const AppContext& ctx,
                                                 std::optional<int64_t> actor_account_id,
                                                 const CreateOrganizationInput& input, const std::string& request_id) {
  TS_RETURN_IF_ERROR(ValidateFields(input.fields, ctx.clock.NowMillis()));
  TS_RETURN_IF_ERROR(ShareTree(tx));
  std::optional<Organization> parent;
  if (input.parent_id) {
    TS_ASSIGN_OR_RETURN(parent, FindOrganization(tx, *input.parent_id, RowLock::kShare));
    if (!parent) return Status::Invalid("parent_id", "organization.parent_unknown");
  }
  return Insert(tx, ctx, actor_account_id, parent ? &*parent : nullptr, input.fields, request_id);
}

}  // namespace tianshan::organizations
