#include "modules/organizations/move_organization.h"

#include "modules/organizations/counter_store.h"
#include "modules/organizations/organization_json.h"
#include "modules/organizations/permissions.h"

namespace tianshan::organizations {
namespace {

std::string ParentPath(const std::string& path) {
  // "/1/7/31/" → "/1/7/"; a root's parent path is empty.
  size_t cut = path.rfind('/', path.size() - 2);
  return cut == 0 ? std::string() : path.substr(0, cut + 1);
}

}  // namespace

Result<Organization> MoveOrganization(const AppContext& ctx, const Caller& caller, int64_t id,
                                      std::optional<int64_t> new_parent_id) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<Organization> {
    TS_RETURN_IF_ERROR(LockTree(tx));
    TS_ASSIGN_OR_RETURN(Organization before, LoadReadable(tx, caller.actor, id, RowLock::kUpdate));
    std::optional<Organization> parent;
    if (new_parent_id) {
      TS_ASSIGN_OR_RETURN(parent,
                          LoadReadableParent(tx, caller.actor, *new_parent_id, "new_parent_id", RowLock::kShare));
    }
    std::string new_parent_path = parent ? parent->path : "";
    if (!CanMove(caller.actor, before.path, new_parent_path)) return Status::Forbidden();
    if (parent && parent->path.compare(0, before.path.size(), before.path) == 0) {
      return Status::Invalid("new_parent_id", "organization.move_cycle");
    }
    if (parent && !parent->active()) return Status::Invalid("new_parent_id", "organization.parent_archived");
    if (before.parent_id == new_parent_id) return before;
    if (before.active()) {
      TS_ASSIGN_OR_RETURN(bool taken, SiblingNameTaken(tx, new_parent_id, before.fields.name, id));
      if (taken) return Status::Conflict("organization.duplicate_name").WithParam(before.fields.name);
    }
    Organization after = before;
    after.parent_id = new_parent_id;
    after.path = ChildPath(new_parent_path, id);
    after.depth = parent ? parent->depth + 1 : 0;
    after.updated_at = ctx.clock.NowMillis();
    TS_RETURN_IF_ERROR(RewriteSubtreePaths(tx, before.path, after.path, after.depth - before.depth));
    for (const auto& moved : ctx.subtree_moved) TS_RETURN_IF_ERROR(moved(tx, before.path, after.path));
    TS_RETURN_IF_ERROR(SetParent(tx, id, new_parent_id, after.updated_at));
    TS_RETURN_IF_ERROR(ShiftSubtreeCounters(tx, id, ParentPath(before.path), new_parent_path));
    TS_RETURN_IF_ERROR(ctx.audit.Record(tx, caller,
                                        {"organization.move", "organization", id, after.path,
                                         OrganizationAuditJson(before), OrganizationAuditJson(after)}));
    return after;
  });
}

}  // namespace tianshan::organizations
