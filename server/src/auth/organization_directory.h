#pragma once
// How auth and other cross-cutting code learn an organization's materialized path and name
// without reading the organizations module's tables. The organizations module provides the
// implementation (AppContext::organizations); when absent, grants cover nothing.

#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"
#include "storage/database.h"

namespace tianshan::auth {

struct OrganizationRef {
  int64_t id = 0;
  std::string path;  // "/1/7/31/": ancestor ids, root first, then its own id
  std::string name;
};

class OrganizationDirectory {
 public:
  virtual ~OrganizationDirectory() = default;
  // nullopt when there is no such organization.
  virtual Result<std::optional<OrganizationRef>> Find(storage::Transaction& tx, int64_t id) const = 0;
};

}  // namespace tianshan::auth
