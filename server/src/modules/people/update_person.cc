#include "modules/people/update_person.h"

#include "modules/people/person_repository.h"

namespace tianshan::people {

Result<PersonDetails> UpdatePerson(const AppContext& ctx, const Caller& caller, int64_t id, const PersonPatch& patch) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<PersonDetails> {
    TS_ASSIGN_OR_RETURN(VisiblePerson vp, LoadVisiblePerson(tx, ctx, caller.actor, id, /*for_update=*/true));
    if (!CanManagePeople(caller.actor, vp.person.org_path)) return Status::Forbidden();
    PersonFields f = vp.person.fields;
    if (patch.gender) f.gender = *patch.gender;
    if (patch.birth_date) f.birth_date = *patch.birth_date;
    if (patch.ethnicity) f.ethnicity = *patch.ethnicity;
    if (patch.phone) f.phone = *patch.phone;
    if (patch.education) f.education = *patch.education;
    if (patch.occupation) f.occupation = *patch.occupation;
    if (patch.employer) f.employer = *patch.employer;
    std::vector<FieldError> errors;
    CollectPersonErrors(f, ctx.clock.NowMillis(), errors);
    if (!errors.empty()) return Status::Invalid(std::move(errors));
    const std::string before = PersonAuditJson(vp.person);
    Person after = vp.person;
    after.fields = f;
    // A PATCH that sets nothing new changes nothing: no write, no updated_at, no audit entry.
    if (PersonAuditJson(after) == before) return LoadPersonDetails(tx, ctx, caller.actor, id);
    TS_RETURN_IF_ERROR(UpdatePersonFields(tx, id, f, ctx.clock.NowMillis()));
    TS_RETURN_IF_ERROR(
        Audit(tx, ctx, caller, "person.update", "person", id, vp.person.org_path, before, PersonAuditJson(after)));
    return LoadPersonDetails(tx, ctx, caller.actor, id);
  });
}

}  // namespace tianshan::people
