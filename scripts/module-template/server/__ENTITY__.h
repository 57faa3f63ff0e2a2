#pragma once
// A __ENTITY_WORDS__ and its invariants. No I/O.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace tianshan::__MODULE__ {

inline constexpr size_t kMaxName = 100;
inline constexpr size_t kMaxNote = 500;

struct __Entity__ {
  int64_t id = 0;
  int64_t organization_id = 0;
  std::string org_path;
  std::string name;
  std::optional<std::string> note;
  int64_t created_by = 0;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

}  // namespace tianshan::__MODULE__
