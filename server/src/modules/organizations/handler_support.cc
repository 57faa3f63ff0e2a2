#include "modules/organizations/handler_support.h"

#include <algorithm>
#include <charconv>

namespace tianshan::organizations {
namespace {

Status BadQuery(std::string field, std::string message, std::string param = {}) {
  return Status(StatusCode::kBadRequest, "error.bad_request").WithField(std::move(field), std::move(message),
                                                                         std::move(param));
}

Result<std::optional<std::string>> OneOfQuery(const http::HttpRequest& req, const char* name,
                                              const std::vector<std::string>& allowed) {
  auto v = req.Query(name);
  if (!v) return std::optional<std::string>();
  if (std::find(allowed.begin(), allowed.end(), *v) == allowed.end()) {
    std::string list;
    for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
    return BadQuery(name, "field.not_one_of", list);
  }
  return v;
}

// Reads an optional text field for PATCH: absent → nullopt, null → {nullopt}, text → {text}.
std::optional<std::optional<std::string>> Nullable(ObjectReader& r, const char* name, size_t max) {
  const auto* raw = r.Raw(name);
  if (raw == nullptr) return std::nullopt;
  if (raw->IsNull()) return std::optional<std::string>();
  auto s = r.String(name, false, max);
  if (!s) return std::nullopt;  // error recorded
  return std::optional<std::string>(s->empty() ? std::nullopt : s);
}

std::optional<std::string> OptionalText(ObjectReader& r, const char* name, size_t max) {
  auto s = r.String(name, false, max);
  if (s && s->empty()) return std::nullopt;
  return s;
}

std::optional<std::optional<int64_t>> NullableId(ObjectReader& r, const char* name) {
  const auto* raw = r.Raw(name);
  if (raw == nullptr) return std::nullopt;
  if (raw->IsNull()) return std::optional<int64_t>();
  auto v = r.Int(name, false, 1);
  if (!v) return std::nullopt;
  return std::optional<int64_t>(*v);
}

}  // namespace

Result<PageRequest> ParsePage(const http::HttpRequest& req) {
  PageRequest page;
  if (auto limit = req.Query("limit")) {
    int v = 0;
    auto [end, ec] = std::from_chars(limit->data(), limit->data() + limit->size(), v);
    if (ec != std::errc() || end != limit->data() + limit->size() || v < 1 || v > kMaxLimit) {
      return BadQuery("limit", "query.bad_limit", std::to_string(kMaxLimit));
    }
    page.limit = v;
  }
  page.cursor = req.Query("cursor");
  if (page.cursor && page.cursor->empty()) page.cursor.reset();
  return page;
}

Result<ListFilter> ParseFilter(const http::HttpRequest& req) {
  ListFilter f;
  TS_ASSIGN_OR_RETURN(f.kind, OneOfQuery(req, "kind", Kinds()));
  TS_ASSIGN_OR_RETURN(f.setting, OneOfQuery(req, "setting", Settings()));
  TS_ASSIGN_OR_RETURN(f.status, OneOfQuery(req, "status", {"active", "archived"}));
  return f;
}

Result<std::optional<bool>> ParseBoolQuery(const http::HttpRequest& req, std::string_view name) {
  auto v = req.Query(name);
  if (!v) return std::optional<bool>();
  if (*v == "true") return std::optional<bool>(true);
  if (*v == "false") return std::optional<bool>(false);
  return BadQuery(std::string(name), "field.must_be_boolean");
}

Result<CreateOrganizationInput> ParseCreateOrganization(std::string_view body, int64_t now_millis) {
  TS_ASSIGN_OR_RETURN(auto doc, ParseJsonObject(body));
  ObjectReader r(doc);
  CreateOrganizationInput in;
  if (const auto* parent = r.Raw("parent_id"); parent != nullptr && !parent->IsNull()) {
    in.parent_id = r.Int("parent_id", false, 1);
  }
  in.fields.name = r.String("name", true, kMaxName).value_or("");
  in.fields.short_name = OptionalText(r, "short_name", kMaxShortName);
  in.fields.kind = r.OneOf("kind", true, Kinds()).value_or("");
  in.fields.setting = r.OneOf("setting", true, Settings()).value_or("");
  in.fields.region_code = OptionalText(r, "region_code", 6);
  in.fields.address = OptionalText(r, "address", kMaxAddress);
  in.fields.contact_name = OptionalText(r, "contact_name", kMaxContactName);
  in.fields.contact_phone = OptionalText(r, "contact_phone", 20);
  in.fields.founded_on = OptionalText(r, "founded_on", 10);
  Status shape = r.Finish();
  // Add the domain errors of the fields that were well-typed, for one complete answer.
  std::vector<FieldError> errors = shape.field_errors();
  std::vector<FieldError> domain;
  CollectFieldErrors(in.fields, now_millis, domain);
  for (auto& e : domain) {
    bool seen = std::any_of(errors.begin(), errors.end(), [&](const FieldError& x) { return x.field == e.field; });
    if (!seen) errors.push_back(std::move(e));
  }
  if (!errors.empty()) return Status::Invalid(std::move(errors));
  return in;
}

Result<OrganizationPatch> ParseOrganizationPatch(std::string_view body) {
  TS_ASSIGN_OR_RETURN(auto doc, ParseJsonObject(body));
  ObjectReader r(doc);
  OrganizationPatch p;
  if (r.Raw("name")) p.name = r.String("name", true, kMaxName);
  if (r.Raw("kind")) p.kind = r.OneOf("kind", true, Kinds());
  if (r.Raw("setting")) p.setting = r.OneOf("setting", true, Settings());
  p.short_name = Nullable(r, "short_name", kMaxShortName);
  p.region_code = Nullable(r, "region_code", 6);
  p.address = Nullable(r, "address", kMaxAddress);
  p.contact_name = Nullable(r, "contact_name", kMaxContactName);
  p.contact_phone = Nullable(r, "contact_phone", 20);
  p.founded_on = Nullable(r, "founded_on", 10);
  TS_RETURN_IF_ERROR(r.Finish());
  return p;
}

Result<std::optional<int64_t>> ParseMove(std::string_view body) {
  TS_ASSIGN_OR_RETURN(auto doc, ParseJsonObject(body));
  ObjectReader r(doc);
  if (!r.Raw("new_parent_id")) r.AddError("new_parent_id", "field.required");
  auto id = NullableId(r, "new_parent_id");
  TS_RETURN_IF_ERROR(r.Finish());
  return id.value_or(std::nullopt);
}

Result<CoverageUnitInput> ParseCoverageUnit(std::string_view body) {
  TS_ASSIGN_OR_RETURN(auto doc, ParseJsonObject(body));
  ObjectReader r(doc);
  CoverageUnitInput in;
  in.name = r.String("name", true, kMaxUnitName).value_or("");
  in.kind = r.OneOf("kind", true, CoverageKinds()).value_or("");
  in.young_employees = r.Int("young_employees", false, 0, kMaxYoungEmployees).value_or(0);
  in.covered_by_organization_id = NullableId(r, "covered_by_organization_id").value_or(std::nullopt);
  TS_RETURN_IF_ERROR(r.Finish());
  return in;
}

Result<CoverageUnitPatch> ParseCoverageUnitPatch(std::string_view body) {
  TS_ASSIGN_OR_RETURN(auto doc, ParseJsonObject(body));
  ObjectReader r(doc);
  CoverageUnitPatch p;
  if (r.Raw("name")) p.name = r.String("name", true, kMaxUnitName);
  if (r.Raw("kind")) p.kind = r.OneOf("kind", true, CoverageKinds());
  if (r.Raw("young_employees")) p.young_employees = r.Int("young_employees", true, 0, kMaxYoungEmployees);
  p.covered_by_organization_id = NullableId(r, "covered_by_organization_id");
  TS_RETURN_IF_ERROR(r.Finish());
  return p;
}

http::HttpResponse Problem(const http::HttpRequest& req, const Status& status) {
  return http::ProblemResponse(status, req.lang, req.path);
}

}  // namespace tianshan::organizations
