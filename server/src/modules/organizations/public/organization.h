#pragma once
// Domain types of the organizations module and their invariants. No I/O.
//
// An organization sits in a forest. Its materialized path lists the ids from its root down to
// itself with a trailing slash ("/1/7/31/"); depth is the number of ids minus one (a root has
// depth 0). Kinds and settings are closed lists; dates are "YYYY-MM-DD".

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.h"  // IsValidDate, TodayInChina
#include "core/result.h"

namespace tianshan::organizations {

inline const std::vector<std::string>& Kinds() {
  static const std::vector<std::string> k = {"committee", "working_committee", "general_branch", "branch"};
  return k;
}
inline const std::vector<std::string>& Settings() {
  static const std::vector<std::string> s = {"government",      "street",         "community",
                                             "school",          "non_public_enterprise",
                                             "industrial_park", "social_organization", "other"};
  return s;
}
inline constexpr std::string_view kActive = "active";
inline constexpr std::string_view kArchived = "archived";

// The fields a caller sets on create and may change on update.
struct OrganizationFields {
  std::string name;
  std::optional<std::string> short_name;
  std::string kind;
  std::string setting;
  std::optional<std::string> region_code;
  std::optional<std::string> address;
  std::optional<std::string> contact_name;
  std::optional<std::string> contact_phone;
  std::optional<std::string> founded_on;
};

struct Organization {
  int64_t id = 0;
  std::optional<int64_t> parent_id;
  std::string path;
  int depth = 0;
  OrganizationFields fields;
  std::string status{kActive};
  int64_t created_at = 0;
  int64_t updated_at = 0;

  bool active() const { return status == kActive; }
};

// Limits on text fields, in characters.
inline constexpr size_t kMaxName = 100;
inline constexpr size_t kMaxShortName = 30;
inline constexpr size_t kMaxAddress = 200;
inline constexpr size_t kMaxContactName = 50;

// Mainland mobile (1[3-9] and 9 more digits) or a landline with area code ("0990-6888888").
bool IsValidPhone(std::string_view phone);
// Six digits (GB/T 2260 administrative division code, "650203").
bool IsValidRegionCode(std::string_view code);

// Checks every field's shape and invariants (not JSON types, not uniqueness) and returns one
// kInvalid status listing every problem, or Ok. `now_millis` bounds founded_on.
Status ValidateFields(const OrganizationFields& fields, int64_t now_millis);
// Appends the field errors of ValidateFields to `errors`.
void CollectFieldErrors(const OrganizationFields& fields, int64_t now_millis, std::vector<FieldError>& errors);

// "/1/7/" + 31 → "/1/7/31/"; an empty parent path gives a root path "/31/".
std::string ChildPath(std::string_view parent_path, int64_t id);
// The ids in a path, root first ("/1/7/31/" → {1, 7, 31}); empty when malformed.
std::vector<int64_t> PathIds(std::string_view path);
// True when `path` is well formed ("/1/", "/1/7/31/").
bool IsValidPath(std::string_view path);

}  // namespace tianshan::organizations
