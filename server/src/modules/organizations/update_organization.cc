#include "modules/organizations/update_organization.h"

#include <vector>

#include "modules/organizations/counter_store.h"
#include "modules/organizations/organization_json.h"
#include "modules/organizations/permissions.h"

namespace tianshan::organizations {
namespace {

// Applies `patch` to `f` and lists the names of the fields it sets.
std::vector<std::string> Apply(const OrganizationPatch& p, OrganizationFields& f) {
  std::vector<std::string> touched;
  auto set = [&](const char* name, const auto& from, auto& to) {
    if (from) {
      to = *from;
      touched.emplace_back(name);
    }
  };
  set("name", p.name, f.name);
  set("kind", p.kind, f.kind);
  set("setting", p.setting, f.setting);
  set("short_name", p.short_name, f.short_name);
  set("region_code", p.region_code, f.region_code);
  set("address", p.address, f.address);
  set("contact_name", p.contact_name, f.contact_name);
  set("contact_phone", p.contact_phone, f.contact_phone);
  set("founded_on", p.founded_on, f.founded_on);
  return touched;
}

}  // namespace

Result<Organization> UpdateOrganization(const AppContext& ctx, const Caller& caller, int64_t id,
                                        const OrganizationPatch& patch) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<Organization> {
    TS_ASSIGN_OR_RETURN(Organization before, LoadReadable(tx, caller.actor, id, RowLock::kUpdate));
    Organization after = before;
    std::vector<std::string> touched = Apply(patch, after.fields);
    if (!CanUpdateAll(caller.actor, before.path)) {
      if (!CanUpdateDetails(caller.actor, before.path)) return Status::Forbidden();
      Status denied = Status::Forbidden("organization.fields_need_admin");
      for (const auto& field : touched) {
        if (!IsDetailField(field)) denied.WithField(field, "organization.field_needs_admin");
      }
      if (!denied.field_errors().empty()) return denied;
    }
    // A PATCH that sets nothing new changes nothing: no write, no updated_at, no audit entry.
    if (OrganizationAuditJson(after) == OrganizationAuditJson(before)) return before;
    int64_t now = ctx.clock.NowMillis();
    TS_RETURN_IF_ERROR(ValidateFields(after.fields, now));
    if (after.active() && after.fields.name != before.fields.name) {
      TS_ASSIGN_OR_RETURN(bool taken, SiblingNameTaken(tx, after.parent_id, after.fields.name, after.id));
      if (taken) return Status::Conflict("organization.duplicate_name").WithParam(after.fields.name);
    }
    after.updated_at = now;
    TS_RETURN_IF_ERROR(UpdateOrganizationFields(tx, id, after.fields, now));
    if (after.active() && after.fields.kind != before.fields.kind) {
      TS_RETURN_IF_ERROR(ApplyCounterDelta(tx, after.path, KindCounterKey(before.fields.kind), -1));
      TS_RETURN_IF_ERROR(ApplyCounterDelta(tx, after.path, KindCounterKey(after.fields.kind), 1));
    }
    TS_RETURN_IF_ERROR(ctx.audit.Record(tx, caller,
                                        {"organization.update", "organization", id, after.path,
                                         OrganizationAuditJson(before), OrganizationAuditJson(after)}));
    return after;
  });
}

}  // namespace tianshan::organizations
