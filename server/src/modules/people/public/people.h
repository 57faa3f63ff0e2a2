#pragma once
// Public contract of the people module for other modules: who a person is, as a caller may see
// them, read inside the other module's transaction. Other modules never read people's tables.

#include <cstdint>
#include <string>

#include "auth/actor.h"
#include "core/result.h"
#include "kit/module.h"
#include "storage/database.h"

namespace tianshan::people {

struct PersonBrief {
  int64_t id = 0;
  std::string name;
  std::string birth_date;  // "YYYY-MM-DD"
  int64_t organization_id = 0;  // where the person is attached
  bool is_member = false;
};

// The person `id` when `actor` may see them (their own person, or one their grants cover);
// NotFound ("people.not_found") otherwise, so unseen ids reveal nothing.
Result<PersonBrief> FindVisiblePerson(storage::Transaction& tx, const AppContext& ctx, const auth::Actor& actor,
                                      int64_t id);

}  // namespace tianshan::people
