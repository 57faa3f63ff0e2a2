#include "modules/people/public/person.h"

#include "core/calendar.h"
#include "core/json.h"
#include "modules/people/code_lists.h"

namespace tianshan::people {
namespace {

void CheckText(const std::optional<std::string>& v, const char* field, size_t max, std::vector<FieldError>& errors) {
  if (v && Utf8Length(*v) > max) errors.push_back({field, "field.too_long", std::to_string(max)});
}

}  // namespace

bool IsValidDate(std::string_view d) { return tianshan::IsValidDate(d) && d.substr(0, 4) >= "1900"; }

char IdentityCheckChar(std::string_view first17) {
  static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr char kCheck[] = "10X98765432";
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
  return kCheck[sum % 11];
}

bool IsValidIdentityNumber(std::string_view id) {
  if (id.size() != 18 || !AllDigits(id.substr(0, 17))) return false;
  char last = id[17];
  if (!((last >= '0' && last <= '9') || last == 'X')) return false;
  if (!IsValidDate(IdentityBirthDate(id))) return false;
  return IdentityCheckChar(id.substr(0, 17)) == last;
}

std::string NormalizeIdentityNumber(std::string_view id) {
  while (!id.empty() && id.front() == ' ') id.remove_prefix(1);
  while (!id.empty() && id.back() == ' ') id.remove_suffix(1);
  std::string out(id);
  if (!out.empty() && out.back() == 'x') out.back() = 'X';
  return out;
}

std::string IdentityBirthDate(std::string_view id) {
  if (id.size() < 14) return {};
  return std::string(id.substr(6, 4)) + "-" + std::string(id.substr(10, 2)) + "-" + std::string(id.substr(12, 2));
}

std::string IdentityGender(std::string_view id) {
  if (id.size() < 17) return {};
  return (id[16] - '0') % 2 == 1 ? "male" : "female";
}

void CollectPersonErrors(const PersonFields& f, int64_t now_millis, std::vector<FieldError>& errors) {
  if (f.name.find_first_not_of(" \t\r\n") == std::string::npos) {
    errors.push_back({"name", "field.empty", {}});
  } else if (Utf8Length(f.name) > kMaxName) {
    errors.push_back({"name", "field.too_long", std::to_string(kMaxName)});
  }
  if (f.gender != "male" && f.gender != "female") errors.push_back({"gender", "field.not_one_of", "male, female"});
  bool birth_ok = false;
  if (!IsValidDate(f.birth_date)) {
    errors.push_back({"birth_date", "people.bad_date", {}});
  } else if (f.birth_date > TodayInChina(now_millis)) {
    errors.push_back({"birth_date", "people.date_in_future", {}});
  } else {
    birth_ok = true;
  }
  if (f.phone && !IsValidMobile(*f.phone)) errors.push_back({"phone", "people.bad_phone", {}});
  if (f.identity_number) {
    if (!IsValidIdentityNumber(*f.identity_number)) {
      errors.push_back({"identity_number", "people.bad_identity_number", {}});
    } else {
      if (birth_ok && IdentityBirthDate(*f.identity_number) != f.birth_date) {
        errors.push_back({"birth_date", "people.birth_date_mismatch", {}});
      }
      if ((f.gender == "male" || f.gender == "female") && IdentityGender(*f.identity_number) != f.gender) {
        errors.push_back({"gender", "people.gender_mismatch", {}});
      }
    }
  }
  if (f.ethnicity && !IsEthnicityCode(*f.ethnicity)) errors.push_back({"ethnicity", "people.unknown_ethnicity", {}});
  if (f.education && !IsEducationCode(*f.education)) errors.push_back({"education", "people.unknown_education", {}});
  CheckText(f.occupation, "occupation", kMaxText, errors);
  CheckText(f.employer, "employer", kMaxText, errors);
}

}  // namespace tianshan::people
