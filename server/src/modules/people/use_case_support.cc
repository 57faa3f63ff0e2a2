#include "modules/people/use_case_support.h"

#include "core/json.h"
#include "core/masking.h"
#include "modules/organizations/public/lookup.h"
#include "modules/people/person_repository.h"

namespace tianshan::people {

Result<std::optional<auth::OrganizationRef>> FindOrganizationRef(storage::Transaction& tx, const AppContext& ctx,
                                                                 int64_t id) {
  if (ctx.organizations == nullptr) return std::optional<auth::OrganizationRef>();
  return ctx.organizations->Find(tx, id);
}

Result<std::string> CurrentPath(storage::Transaction& tx, const AppContext& ctx, int64_t id,
                                const std::string& fallback) {
  TS_ASSIGN_OR_RETURN(auto ref, FindOrganizationRef(tx, ctx, id));
  return ref ? ref->path : fallback;
}

Result<organizations::Organization> LoadTargetOrganization(storage::Transaction& tx, const auth::Actor& actor,
                                                           int64_t id, const char* field) {
  auto org = organizations::LoadReadable(tx, actor, id);
  if (!org.ok()) {
    if (org.status().code() == StatusCode::kNotFound) return Status::Invalid(field, "people.organization_unknown");
    return org.status();
  }
  if (!org->active()) return Status::Invalid(field, "people.organization_archived");
  return std::move(org).value();
}

Result<organizations::Organization> LoadListedOrganization(storage::Transaction& tx, const auth::Actor& actor,
                                                           int64_t id) {
  return organizations::LoadReadable(tx, actor, id);
}

Result<VisiblePerson> LoadVisiblePerson(storage::Transaction& tx, const AppContext& ctx, const auth::Actor& actor,
                                        int64_t id, bool for_update) {
  TS_ASSIGN_OR_RETURN(auto person, FindPerson(tx, id, for_update));
  if (!person) return Status::NotFound("people.not_found");
  VisiblePerson out;
  out.person = std::move(*person);
  TS_ASSIGN_OR_RETURN(auto org, FindOrganizationRef(tx, ctx, out.person.organization_id));
  if (org) {
    out.person.org_path = org->path;
    out.organization_name = org->name;
  }
  out.paths.push_back(out.person.org_path);
  TS_ASSIGN_OR_RETURN(out.positions, ListPositions(tx, id));
  for (const auto& p : out.positions) {
    if (p.ended_on) continue;
    TS_ASSIGN_OR_RETURN(std::string path, CurrentPath(tx, ctx, p.organization_id, p.org_path));
    out.paths.push_back(std::move(path));
  }
  std::vector<std::string_view> views(out.paths.begin(), out.paths.end());
  out.view = PersonView(actor, views, IsSelf(actor, id));
  if (out.view == View::kNone) return Status::NotFound("people.not_found");
  return out;
}

std::string PersonAuditJson(const Person& p) {
  JsonOut out;
  const PersonFields& f = p.fields;
  out.StartObject()
      .Field("name", f.name)
      .Field("gender", f.gender)
      .Field("birth_date", f.birth_date)
      .Field("ethnicity", f.ethnicity)
      .Field("phone", f.phone ? std::optional<std::string>(MaskPhone(*f.phone)) : std::nullopt)
      .Field("identity_number",
             f.identity_number ? std::optional<std::string>(MaskIdentity(*f.identity_number)) : std::nullopt)
      .Field("education", f.education)
      .Field("occupation", f.occupation)
      .Field("employer", f.employer)
      .Field("organization_id", p.organization_id)
      .Field("is_member", p.is_member)
      .EndObject();
  return out.Take();
}

Status Audit(storage::Transaction& tx, const AppContext& ctx, const Caller& caller, std::string action,
             std::string entity_type, int64_t entity_id, std::string path, std::string before, std::string after) {
  return ctx.audit.Record(
      tx, caller,
      {std::move(action), std::move(entity_type), entity_id, std::move(path), std::move(before), std::move(after)});
}

}  // namespace tianshan::people
