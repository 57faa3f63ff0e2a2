#include "modules/organizations/public/organization.h"

#include <charconv>

#include "core/calendar.h"
#include "core/json.h"

namespace tianshan::organizations {
namespace {

void CheckText(const std::optional<std::string>& value, const char* field, size_t max,
               std::vector<FieldError>& errors) {
  if (!value) return;
  if (Utf8Length(*value) > max) errors.push_back({field, "field.too_long", std::to_string(max)});
}

}  // namespace

bool IsValidPhone(std::string_view p) {
  if (IsValidMobile(p)) return true;
  // Landline: 0 + 2 or 3 more area-code digits, a hyphen, 7 or 8 digits.
  size_t dash = p.find('-');
  if (dash == std::string_view::npos) return false;
  std::string_view area = p.substr(0, dash), local = p.substr(dash + 1);
  return area.size() >= 3 && area.size() <= 4 && area[0] == '0' && AllDigits(area) && local.size() >= 7 &&
         local.size() <= 8 && AllDigits(local);
}

bool IsValidRegionCode(std::string_view code) { return code.size() == 6 && AllDigits(code); }

void CollectFieldErrors(const OrganizationFields& f, int64_t now_millis, std::vector<FieldError>& errors) {
  if (f.name.find_first_not_of(" \t\r\n") == std::string::npos) {
    errors.push_back({"name", "field.empty", {}});
  } else if (Utf8Length(f.name) > kMaxName) {
    errors.push_back({"name", "field.too_long", std::to_string(kMaxName)});
  }
  CheckText(f.short_name, "short_name", kMaxShortName, errors);
  CheckText(f.address, "address", kMaxAddress, errors);
  CheckText(f.contact_name, "contact_name", kMaxContactName, errors);
  auto one_of = [&](const std::string& v, const std::vector<std::string>& allowed, const char* field) {
    for (const auto& a : allowed) {
      if (a == v) return;
    }
    std::string list;
    for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
    errors.push_back({field, "field.not_one_of", list});
  };
  one_of(f.kind, Kinds(), "kind");
  one_of(f.setting, Settings(), "setting");
  if (f.region_code && !IsValidRegionCode(*f.region_code)) {
    errors.push_back({"region_code", "organization.bad_region_code", {}});
  }
  if (f.contact_phone && !IsValidPhone(*f.contact_phone)) {
    errors.push_back({"contact_phone", "organization.bad_phone", {}});
  }
  if (f.founded_on) {
    if (!IsValidDate(*f.founded_on)) {
      errors.push_back({"founded_on", "organization.bad_date", {}});
    } else if (*f.founded_on > TodayInChina(now_millis)) {
      errors.push_back({"founded_on", "organization.date_in_future", {}});
    }
  }
}

Status ValidateFields(const OrganizationFields& fields, int64_t now_millis) {
  std::vector<FieldError> errors;
  CollectFieldErrors(fields, now_millis, errors);
  return errors.empty() ? Status::Ok() : Status::Invalid(std::move(errors));
}

std::string ChildPath(std::string_view parent_path, int64_t id) {
  std::string out(parent_path.empty() ? "/" : parent_path);
  out += std::to_string(id);
  out += '/';
  return out;
}

std::vector<int64_t> PathIds(std::string_view path) {
  std::vector<int64_t> ids;
  if (!IsValidPath(path)) return ids;
  size_t i = 1;
  while (i < path.size()) {
    size_t j = path.find('/', i);
    int64_t v = 0;
    std::from_chars(path.data() + i, path.data() + j, v);
    ids.push_back(v);
    i = j + 1;
  }
  return ids;
}

bool IsValidPath(std::string_view path) {
  if (path.size() < 3 || path.front() != '/' || path.back() != '/') return false;
  size_t i = 1;
  while (i < path.size()) {
    size_t j = path.find('/', i);
    std::string_view part = path.substr(i, j - i);
    if (part.empty() || part.size() > 18 || !AllDigits(part) || part[0] == '0') return false;
    i = j + 1;
  }
  return true;
}

}  // namespace tianshan::organizations
