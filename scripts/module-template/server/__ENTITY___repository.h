#pragma once
// SQL of __MODULE_____ENTITIES__ (bound parameters only), inside the caller's transaction.

#include <optional>
#include <string>
#include <vector>

#include "modules/__MODULE__/__ENTITY__.h"
#include "storage/database.h"

namespace tianshan::__MODULE__ {

Result<int64_t> Insert__Entity__(storage::Transaction& tx, const __Entity__& e);
Result<std::optional<__Entity__>> Find__Entity__(storage::Transaction& tx, int64_t id);
Result<bool> NameTaken(storage::Transaction& tx, int64_t organization_id, const std::string& name);
// The organization's rows by id after `after_id`, `limit` + 1 when there are more; `q`: name
// contains (a scan of the organization's rows, bounded by the limit).
Result<std::vector<__Entity__>> Select__Entities__(storage::Transaction& tx, int64_t organization_id,
                                                   const std::optional<std::string>& q,
                                                 std::optional<int64_t> after_id, int limit);

}  // namespace tianshan::__MODULE__
