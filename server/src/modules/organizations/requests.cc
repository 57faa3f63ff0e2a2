#include "modules/organizations/requests.h"

#include <algorithm>

namespace tianshan::organizations {

PageRequest ReadPage(http::QueryReader& query) {
  PageRequest page;
  page.limit = query.Limit(kDefaultLimit, kMaxLimit);
  page.cursor = query.Cursor();
  return page;
}

ListFilter ReadFilter(http::QueryReader& query) {
  ListFilter f;
  f.kind = query.OneOf("kind", Kinds());
  f.setting = query.OneOf("setting", Settings());
  f.status = query.OneOf("status", {"active", "archived"});
  return f;
}

CoverageListQuery ReadCoverageListQuery(http::QueryReader& query) {
  CoverageListQuery q;
  q.covered = query.Bool("covered");
  if (query.OneOf("scope", {"own", "subtree"}, "own") == "subtree") q.scope = CoverageScope::kSubtree;
  return q;
}

Result<CreateOrganizationInput> ParseCreateOrganization(const http::HttpRequest& req, int64_t now_millis) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  CreateOrganizationInput in;
  in.parent_id = r.NullableId("parent_id").value_or(std::nullopt);
  in.fields.name = r.String("name", true, kMaxName).value_or("");
  in.fields.short_name = r.Text("short_name", kMaxShortName);
  in.fields.kind = r.OneOf("kind", true, Kinds()).value_or("");
  in.fields.setting = r.OneOf("setting", true, Settings()).value_or("");
  in.fields.region_code = r.Text("region_code", 6);
  in.fields.address = r.Text("address", kMaxAddress);
  in.fields.contact_name = r.Text("contact_name", kMaxContactName);
  in.fields.contact_phone = r.Text("contact_phone", 20);
  in.fields.founded_on = r.Text("founded_on", 10);
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

Result<OrganizationPatch> ParseOrganizationPatch(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  OrganizationPatch p;
  if (r.Raw("name")) p.name = r.String("name", true, kMaxName);
  if (r.Raw("kind")) p.kind = r.OneOf("kind", true, Kinds());
  if (r.Raw("setting")) p.setting = r.OneOf("setting", true, Settings());
  p.short_name = r.NullableText("short_name", kMaxShortName);
  p.region_code = r.NullableText("region_code", 6);
  p.address = r.NullableText("address", kMaxAddress);
  p.contact_name = r.NullableText("contact_name", kMaxContactName);
  p.contact_phone = r.NullableText("contact_phone", 20);
  p.founded_on = r.NullableText("founded_on", 10);
  TS_RETURN_IF_ERROR(r.Finish());
  return p;
}

Result<std::optional<int64_t>> ParseMove(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  if (!r.Raw("new_parent_id")) r.AddError("new_parent_id", "field.required");
  auto id = r.NullableId("new_parent_id");
  TS_RETURN_IF_ERROR(r.Finish());
  return id.value_or(std::nullopt);
}

Result<CoverageUnitInput> ParseCoverageUnit(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  CoverageUnitInput in;
  in.name = r.String("name", true, kMaxUnitName).value_or("");
  in.kind = r.OneOf("kind", true, CoverageKinds()).value_or("");
  in.young_employees = r.Int("young_employees", false, 0, kMaxYoungEmployees).value_or(0);
  in.covered_by_organization_id = r.NullableId("covered_by_organization_id").value_or(std::nullopt);
  TS_RETURN_IF_ERROR(r.Finish());
  return in;
}

Result<CoverageUnitPatch> ParseCoverageUnitPatch(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  CoverageUnitPatch p;
  if (r.Raw("name")) p.name = r.String("name", true, kMaxUnitName);
  if (r.Raw("kind")) p.kind = r.OneOf("kind", true, CoverageKinds());
  if (r.Raw("young_employees")) p.young_employees = r.Int("young_employees", true, 0, kMaxYoungEmployees);
  p.covered_by_organization_id = r.NullableId("covered_by_organization_id");
  TS_RETURN_IF_ERROR(r.Finish());
  return p;
}

}  // namespace tianshan::organizations
