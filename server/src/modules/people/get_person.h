#pragma once
// Use case: one person with their current membership and positions, masked for the reader,
// and what the reader may do with them (permissions.h). 404 when the person does not exist or
// the reader may not see them.

#include <map>

#include "modules/people/use_case_support.h"

namespace tianshan::people {

struct PersonDetails {
  VisiblePerson visible;
  std::optional<Membership> membership;
  std::vector<Position> positions;
  std::map<int64_t, std::string> organization_names;  // of every organization mentioned
  PersonActions can;                                  // what the reader may do with the person now
};

Result<PersonDetails> GetPerson(const AppContext& ctx, const auth::Actor& actor, int64_t id);

// The same read inside the caller's transaction (for the answer of a write).
Result<PersonDetails> LoadPersonDetails(storage::Transaction& tx, const AppContext& ctx, const auth::Actor& actor,
                                        int64_t id);

}  // namespace tianshan::people
