#pragma once
// Public contract of the organizations module: the shape of the tree for another module's
// figures (a dashboard's bars per child organization, the organization names of a list).
// Organization names are not personal data; the caller decides who may read the figures.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/result.h"
#include "modules/organizations/public/organization.h"
#include "storage/database.h"

namespace tianshan::organizations {

// The active children of `parent_id`, by id, at most `limit`.
Result<std::vector<Organization>> ActiveChildren(storage::Transaction& tx, int64_t parent_id, int limit);
// The names of the organizations `ids` that exist, by id.
Result<std::map<int64_t, std::string>> NamesOf(storage::Transaction& tx, const std::vector<int64_t>& ids);

}  // namespace tianshan::organizations
