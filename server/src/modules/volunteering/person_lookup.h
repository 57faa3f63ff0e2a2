#pragma once
// The only place the volunteering module learns about people, through the people module's
// public contract (modules/people/public/people.h): a person's name (shown on rosters and
// certificates) and birth date (age checks). It never reads the people module's tables.
// Reads run inside the caller's transaction with the caller's own visibility: a volunteer
// sees themself; an organization manager sees the people of their subtree.

#include <cstdint>
#include <string>

#include "auth/actor.h"
#include "kit/module.h"

namespace tianshan::volunteering {

struct PersonBrief {
  int64_t id = 0;
  std::string name;
  std::string birth_date;       // "YYYY-MM-DD"
  int64_t organization_id = 0;  // where the person is attached
};

// The person `person_id` as `actor` may see them; NotFound ("volunteer.person_unknown")
// otherwise. `field` names the request field for the 422 when not a self lookup.
Result<PersonBrief> FindPersonFor(storage::Transaction& tx, const AppContext& ctx, const auth::Actor& actor,
                                  int64_t person_id);
// The actor's own person; 403 ("volunteer.needs_person") when the account has none.
Result<PersonBrief> OwnPerson(storage::Transaction& tx, const AppContext& ctx, const auth::Actor& actor);

}  // namespace tianshan::volunteering
