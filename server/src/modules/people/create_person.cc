#include "modules/people/create_person.h"

#include "modules/organizations/public/counters.h"
#include "modules/people/person_repository.h"

namespace tianshan::people {

void CollectCreateErrors(const CreatePersonInput& in, int64_t now_millis, std::vector<FieldError>& errors) {
  CollectPersonErrors(in.fields, now_millis, errors);
  if (!in.organization_id && !in.membership) errors.push_back({"organization_id", "field.required", {}});
  if (in.organization_id && in.membership && *in.organization_id != in.membership->organization_id) {
    errors.push_back({"organization_id", "people.organization_conflict", {}});
  }
  if (in.membership) {
    const auto& m = *in.membership;
    if (!IsValidDate(m.member_since)) {
      errors.push_back({"membership.member_since", "people.bad_date", {}});
    } else if (m.member_since > TodayInChina(now_millis)) {
      errors.push_back({"membership.member_since", "people.date_in_future", {}});
    } else if (IsValidDate(in.fields.birth_date) && m.member_since < in.fields.birth_date) {
      errors.push_back({"membership.member_since", "people.before_birth", {}});
    }
    if (!in.fields.identity_number) errors.push_back({"identity_number", "people.identity_required", {}});
  }
}

Status DuplicateIdentity(storage::Transaction& tx, const AppContext& ctx, const auth::Actor& actor,
                         const Person& holder) {
  TS_ASSIGN_OR_RETURN(auto org, FindOrganizationRef(tx, ctx, holder.organization_id));
  if (org && CanReadOrganization(actor, org->path)) {
    return Status::Conflict("people.duplicate_identity_at")
        .WithParam(org->name)
        .WithField("identity_number", "people.identity_taken");
  }
  return Status::Conflict("people.duplicate_identity_elsewhere").WithField("identity_number", "people.identity_taken");
}

Result<int64_t> InsertPersonUnchecked(storage::Transaction& tx, const AppContext& ctx, const CreatePersonInput& input,
                                      const std::string& path, bool adjust_counters) {
  const int64_t now = ctx.clock.NowMillis();
  Person p;
  p.fields = input.fields;
  p.organization_id = input.membership ? input.membership->organization_id : *input.organization_id;
  p.org_path = path;
  p.is_member = input.membership.has_value();
  p.created_at = p.updated_at = now;
  TS_ASSIGN_OR_RETURN(p.id, InsertPerson(tx, p));
  if (input.membership) {
    Membership m;
    m.person_id = p.id;
    m.organization_id = p.organization_id;
    m.org_path = path;
    m.member_since = input.membership->member_since;
    m.member_number = input.membership->member_number;
    m.started_at = now;
    TS_RETURN_IF_ERROR(InsertMembership(tx, m));
  }
  if (adjust_counters) {
    TS_RETURN_IF_ERROR(organizations::AdjustCounter(
        tx, p.organization_id, p.is_member ? organizations::counter::kMembers : organizations::counter::kYouth, 1));
  }
  return p.id;
}

Result<PersonDetails> CreatePerson(const AppContext& ctx, const Caller& caller, const CreatePersonInput& input) {
  std::vector<FieldError> errors;
  CollectCreateErrors(input, ctx.clock.NowMillis(), errors);
  if (!errors.empty()) return Status::Invalid(std::move(errors));
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<PersonDetails> {
    const bool member = input.membership.has_value();
    const int64_t org_id = member ? input.membership->organization_id : *input.organization_id;
    TS_ASSIGN_OR_RETURN(auto org, LoadTargetOrganization(tx, caller.actor, org_id,
                                                         member ? "membership.organization_id" : "organization_id"));
    if (!CanManagePeople(caller.actor, org.path)) return Status::Forbidden();
    if (input.fields.identity_number) {
      TS_ASSIGN_OR_RETURN(auto holder, FindPersonByIdentity(tx, *input.fields.identity_number));
      if (holder) return DuplicateIdentity(tx, ctx, caller.actor, *holder);
    }
    TS_ASSIGN_OR_RETURN(int64_t id, InsertPersonUnchecked(tx, ctx, input, org.path, true));
    TS_ASSIGN_OR_RETURN(auto created, FindPerson(tx, id));
    TS_RETURN_IF_ERROR(Audit(tx, ctx, caller, member ? "person.create_member" : "person.create_youth", "person", id,
                             org.path, "", PersonAuditJson(*created)));
    return LoadPersonDetails(tx, ctx, caller.actor, id);
  });
}

}  // namespace tianshan::people
