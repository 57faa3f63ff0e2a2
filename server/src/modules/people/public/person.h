#pragma once
// Domain types of the people module and their invariants. No I/O.
//
// A person is a league member (active membership) or a young person who is not a member
// (youth). Every person is attached to exactly one organization: a member to the branch of the
// membership, a young person to the organization that registered them. Dates are "YYYY-MM-DD".

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.h"  // IsValidMobile, TodayInChina
#include "core/result.h"

namespace tianshan::people {

inline const std::vector<std::string>& Genders() {
  static const std::vector<std::string> g = {"male", "female"};
  return g;
}
inline const std::vector<std::string>& PositionTitles() {
  static const std::vector<std::string> t = {"secretary", "deputy_secretary", "committee_member"};
  return t;
}
inline const std::vector<std::string>& Employments() {
  static const std::vector<std::string> e = {"full_time", "part_time"};
  return e;
}

inline constexpr size_t kMaxName = 50;
inline constexpr size_t kMaxText = 100;
inline constexpr size_t kMaxMemberNumber = 30;
inline constexpr size_t kMaxReason = 500;

// Fields set on create; all but name and identity_number may change by PATCH.
struct PersonFields {
  std::string name;
  std::string gender;
  std::string birth_date;
  std::optional<std::string> ethnicity;
  std::optional<std::string> phone;
  std::optional<std::string> identity_number;
  std::optional<std::string> education;
  std::optional<std::string> occupation;
  std::optional<std::string> employer;
};

struct Person {
  int64_t id = 0;
  PersonFields fields;
  int64_t organization_id = 0;
  std::string org_path;
  bool is_member = false;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

struct Membership {
  int64_t id = 0;
  int64_t person_id = 0;
  int64_t organization_id = 0;
  std::string org_path;
  std::string member_since;
  std::optional<std::string> member_number;
  std::string status;  // active, transferred_out, left
  int64_t started_at = 0;
  std::optional<int64_t> ended_at;
};

struct Position {
  int64_t id = 0;
  int64_t person_id = 0;
  int64_t organization_id = 0;
  std::string org_path;
  std::string title;
  std::string employment;
  std::string started_on;
  std::optional<std::string> ended_on;
};

// A real calendar date written "YYYY-MM-DD", from 1900 on (people's dates: birth, joining);
// hides tianshan::IsValidDate inside this module.
bool IsValidDate(std::string_view date);
// GB 11643: 17 digits (6 region, 8 birth date, 3 sequence) and a check character 0-9 or X.
// `id` must already be upper case.
bool IsValidIdentityNumber(std::string_view id);
// The check character for the first 17 digits of an identity number.
char IdentityCheckChar(std::string_view first17);
// Upper-cases a trailing x and trims spaces; does not validate.
std::string NormalizeIdentityNumber(std::string_view id);
// "YYYY-MM-DD" of the birth date inside a valid identity number.
std::string IdentityBirthDate(std::string_view id);
// "male" (odd 17th digit) or "female" (even) of an identity number of at least 17 characters.
std::string IdentityGender(std::string_view id);

// Appends an error for every field that breaks its invariant (shape, date not in the future,
// identity checksum, identity's birth date and gender equal to birth_date and gender, ethnicity
// and education from their closed lists, code_lists.h). JSON types are checked by
// the parser, uniqueness by the use case.
void CollectPersonErrors(const PersonFields& fields, int64_t now_millis, std::vector<FieldError>& errors);

}  // namespace tianshan::people
