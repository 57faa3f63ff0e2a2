#include "modules/volunteering/person_lookup.h"

#include "modules/people/get_person.h"

namespace tianshan::volunteering {

Result<PersonBrief> FindPersonFor(storage::Transaction& tx, const AppContext& ctx, const auth::Actor& actor,
                                  int64_t person_id) {
  auto details = people::LoadPersonDetails(tx, ctx, actor, person_id);
  if (!details.ok()) {
    if (details.status().code() == StatusCode::kNotFound) return Status::NotFound("volunteer.person_unknown");
    return details.status();
  }
  const auto& p = details->visible.person;
  return PersonBrief{p.id, p.fields.name, p.fields.birth_date};
}

Result<PersonBrief> OwnPerson(storage::Transaction& tx, const AppContext& ctx, const auth::Actor& actor) {
  if (!actor.person_id) return Status::Forbidden("volunteer.needs_person");
  return FindPersonFor(tx, ctx, actor, *actor.person_id);
}

}  // namespace tianshan::volunteering
