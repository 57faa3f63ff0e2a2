#include "core/json.h"
#include "modules/__MODULE__/__ENTITY___repository.h"
#include "modules/__MODULE__/permissions.h"
#include "modules/__MODULE__/use_cases.h"
#include "modules/organizations/public/lookup.h"

namespace tianshan::__MODULE__ {
namespace {

std::string AuditJson(const __Entity__& e) {
  JsonOut out;
  out.StartObject().Field("name", e.name).Field("note", e.note).Field("organization_id", e.organization_id).EndObject();
  return out.Take();
}

Status Validate(const Create__Entity__Input& in) {
  std::vector<FieldError> errors;
  if (in.name.find_first_not_of(" \t\r\n") == std::string::npos) errors.push_back({"name", "field.empty", ""});
  if (!errors.empty()) return Status::Invalid(std::move(errors));
  return Status::Ok();
}

}  // namespace

Result<__Entity__View> Create__Entity__(const AppContext& ctx, const auth::Caller& caller, int64_t organization_id,
                                        const Create__Entity__Input& input) {
  TS_RETURN_IF_ERROR(Validate(input));
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<__Entity__View> {
    TS_ASSIGN_OR_RETURN(auto org, organizations::LoadReadable(tx, caller.actor, organization_id));
    if (!CanManage(caller.actor, org.path)) return Status::Forbidden();
    if (!org.active()) return Status::Conflict("organization.archived");
    TS_ASSIGN_OR_RETURN(bool taken, NameTaken(tx, org.id, input.name));
    if (taken) return Status::Conflict("__MODULE__.name_taken");
    __Entity__ e;
    e.organization_id = org.id;
    e.org_path = org.path;
    e.name = input.name;
    e.note = input.note;
    e.created_by = caller.actor.account_id;
    e.created_at = e.updated_at = ctx.clock.NowMillis();
    TS_ASSIGN_OR_RETURN(e.id, Insert__Entity__(tx, e));
    TS_RETURN_IF_ERROR(ctx.audit.Record(tx, caller, {"__ENTITY__.create", "__ENTITY__", e.id, e.org_path, "", AuditJson(e)}));
    return __Entity__View{e, true};
  });
}

}  // namespace tianshan::__MODULE__
