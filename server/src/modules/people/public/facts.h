#pragma once
// Public contract of the people module: facts about people and their cadre positions, for
// modules that decide visibility themselves (the cadres module shows a young person's name only
// to the cadre they agreed to be in contact with, who may not otherwise see them). Nothing here
// checks the caller: the calling use case must. Read inside the caller's transaction.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/result.h"
#include "modules/people/public/people.h"
#include "storage/database.h"

namespace tianshan::people {

struct OpenPosition {
  int64_t id = 0;
  int64_t person_id = 0;
  int64_t organization_id = 0;
  std::string title;       // secretary, deputy_secretary, committee_member
  std::string employment;  // full_time, part_time
  std::string started_on;
};

// The person's open cadre positions, full-time first, then oldest first.
Result<std::vector<OpenPosition>> OpenPositionsOf(storage::Transaction& tx, int64_t person_id);
// The open positions held at the organization, oldest first.
Result<std::vector<OpenPosition>> OpenPositionsAt(storage::Transaction& tx, int64_t organization_id);
// The people of `ids` that exist, by id (name, birth date, attachment); at most 1,000 ids.
Result<std::map<int64_t, PersonBrief>> PeopleByIds(storage::Transaction& tx, const std::vector<int64_t>& ids);

}  // namespace tianshan::people
