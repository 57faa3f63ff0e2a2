#include "kit/sheet.h"

#include <algorithm>

namespace tianshan {

std::string SheetTemplateHeader(const SheetColumn& c) {
  return (c.required ? "*" : "") + c.zh + (c.hint.empty() ? "" : "（" + c.hint + "）");
}

const tables::Cell& SheetRow::Get(std::string_view field) const {
  static const tables::Cell kEmpty;
  auto it = cells_.find(field);
  return it == cells_.end() ? kEmpty : it->second;
}

std::optional<std::string> SheetRowErrors::Take(std::string_view field,
                                                const tables::CellResult<std::optional<std::string>>& r) {
  if (const auto* p = std::get_if<tables::CellProblem>(&r)) {
    Add(field, p->message, p->param);
    return std::nullopt;
  }
  return std::get<std::optional<std::string>>(r);
}

void SheetRowErrors::Add(std::string_view field, std::string message, std::string param) {
  if (Failed(field)) return;
  errors_.push_back({std::string(field), std::move(message), std::move(param)});
}

bool SheetRowErrors::Failed(std::string_view field) const {
  return std::any_of(errors_.begin(), errors_.end(), [&](const SheetFieldError& e) { return e.field == field; });
}

void SheetRowErrors::Merge(const std::vector<FieldError>& errors,
                           const std::function<std::string(std::string_view)>& field_of) {
  for (const auto& e : errors) Add(field_of ? field_of(e.field) : e.field, e.message, e.param);
}

Result<SheetRowResult> SheetRowOutcome(const Result<int64_t>& created, std::string_view fallback_field,
                                       const std::function<std::string(std::string_view)>& field_of) {
  SheetRowResult out;
  if (created.ok()) {
    out.created_id = *created;
    return out;
  }
  const Status& s = created.status();
  switch (s.code()) {
    case StatusCode::kInvalid:
    case StatusCode::kConflict:
    case StatusCode::kForbidden:
    case StatusCode::kNotFound:
      break;
    default:
      return s;
  }
  SheetRowErrors errors;
  errors.Merge(s.field_errors(), field_of);
  if (errors.empty()) errors.Add(fallback_field, s.message(), s.param());
  out.errors = errors.Take();
  return out;
}

}  // namespace tianshan
