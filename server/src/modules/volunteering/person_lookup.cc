#include "modules/volunteering/person_lookup.h"

#include "modules/people/public/people.h"

namespace tianshan::volunteering {

Result<PersonBrief> FindPersonFor(storage::Transaction& tx, const AppContext& ctx, const auth::Actor& actor,
                                  int64_t person_id) {
  auto found = people::FindVisiblePerson(tx, ctx, actor, person_id);
  if (!found.ok()) {
    if (found.status().code() == StatusCode::kNotFound) return Status::NotFound("volunteer.person_unknown");
    return found.status();
  }
  return PersonBrief{found->id, found->name, found->birth_date, found->organization_id};
}

Result<PersonBrief> OwnPerson(storage::Transaction& tx, const AppContext& ctx, const auth::Actor& actor) {
  if (!actor.person_id) return Status::Forbidden("volunteer.needs_person");
  return FindPersonFor(tx, ctx, actor, *actor.person_id);
}

}  // namespace tianshan::volunteering
