#pragma once
// Who the caller is to this module, inside a use case's transaction.
//
// A cadre is a person with an open cadre position (people module) and an account: the account's
// person. Their register row is created on the first change they make (or a committee plans
// for them), at the organization of their first open position (full-time first) with that
// organization's target; afterwards it stays there (known limit: README).

#include <optional>

#include "auth/actor.h"
#include "kit/module.h"
#include "modules/cadres/cadres.h"
#include "modules/people/public/facts.h"

namespace tianshan::cadres {

struct CallerCadre {
  Cadre cadre;          // id 0 while not in the register yet (reads only)
  bool active = false;  // holds an open cadre position now
  std::optional<people::OpenPosition> position;
};

// The caller as a cadre: their register row, or (when `enroll`) a new one. Forbidden
// "cadres.not_a_cadre" when the account has no person, or the person is neither in the register
// nor holds an open position; with `require_position`, also when the position has ended.
Result<CallerCadre> FindCallerCadre(storage::Transaction& tx, const AppContext& ctx, const auth::Actor& actor,
                                    bool enroll, bool require_position);

// The register row of the person `person_id` holding an open position, created when missing
// (a committee planning a posting for a cadre). Invalid on `field` "cadres.not_a_cadre" when the
// person holds no open position.
Result<Cadre> EnrollPerson(storage::Transaction& tx, const AppContext& ctx, int64_t person_id,
                           const std::string& field);

// Today in China, from the context's clock.
std::string Today(const AppContext& ctx);

}  // namespace tianshan::cadres
