#include "modules/volunteering/projects/requests.h"

#include "modules/volunteering/requests.h"

namespace tianshan::volunteering {

ProjectFilter ReadProjectFilter(http::QueryReader& query) {
  ProjectFilter f;
  f.organization_id = query.Id("organization_id");
  f.team_id = query.Id("team_id");
  f.status = query.OneOf("status", ProjectStatuses());
  f.manage = query.Bool("manage").value_or(false);
  return f;
}

Result<CreateProjectInput> ParseCreateProject(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  CreateProjectInput in;
  in.organization_id = r.Int("organization_id", false, 1);
  in.team_id = r.Int("team_id", false, 1);
  if (!r.Has("organization_id") && !r.Has("team_id")) r.AddError("organization_id", "field.required");
  ProjectFields& f = in.fields;
  f.title = r.String("title", true, kMaxTitle, 1).value_or("");
  f.description = r.Text("description", kMaxText);
  f.category = r.OneOf("category", false, Categories()).value_or("community");
  f.brand = r.Text("brand", kMaxTitle);
  f.location = r.Text("location", kMaxShort);
  f.venue_id = r.Int("venue_id", false, 1);
  f.contact = r.Text("contact", kMaxShort);
  f.visibility = r.OneOf("visibility", false, Visibilities()).value_or("public");
  TS_RETURN_IF_ERROR(r.Finish());
  return in;
}

Result<ProjectPatch> ParseProjectPatch(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  ProjectPatch p;
  if (r.Raw("title")) p.title = r.String("title", true, kMaxTitle, 1);
  p.description = r.NullableText("description", kMaxText);
  p.brand = r.NullableText("brand", kMaxTitle);
  p.location = r.NullableText("location", kMaxShort);
  p.contact = r.NullableText("contact", kMaxShort);
  p.category = r.OneOf("category", false, Categories());
  p.visibility = r.OneOf("visibility", false, Visibilities());
  p.venue_id = r.NullableId("venue_id");
  TS_RETURN_IF_ERROR(r.Finish());
  return p;
}

Result<std::string> ParseProjectStatus(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  auto status = r.OneOf("status", true, ProjectStatuses());
  TS_RETURN_IF_ERROR(r.Finish());
  return *status;
}

Result<CreateShiftInput> ParseCreateShift(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  CreateShiftInput in;
  in.starts_at = ReadTime(r, "starts_at", true).value_or(0);
  in.ends_at = ReadTime(r, "ends_at", true).value_or(0);
  in.capacity = static_cast<int>(r.Int("capacity", true, 1, kMaxCapacity).value_or(0));
  in.role = r.Text("role", kMaxTitle);
  in.requirements = r.Text("requirements", kMaxShort);
  if (auto age = r.Int("min_age", false, 0, 100)) in.min_age = static_cast<int>(*age);
  TS_RETURN_IF_ERROR(r.Finish());
  return in;
}

Result<ShiftPatch> ParseShiftPatch(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  ShiftPatch p;
  if (r.Raw("starts_at")) p.starts_at = ReadTime(r, "starts_at", true);
  if (r.Raw("ends_at")) p.ends_at = ReadTime(r, "ends_at", true);
  if (r.Raw("capacity")) {
    if (auto c = r.Int("capacity", true, 1, kMaxCapacity)) p.capacity = static_cast<int>(*c);
  }
  p.role = r.NullableText("role", kMaxTitle);
  p.requirements = r.NullableText("requirements", kMaxShort);
  if (const auto* age = r.Raw("min_age")) {
    if (age->IsNull()) {
      p.min_age = std::optional<int64_t>();
    } else if (auto v = r.Int("min_age", true, 0, 100)) {
      p.min_age = std::optional<int64_t>(*v);
    }
  }
  TS_RETURN_IF_ERROR(r.Finish());
  return p;
}

}  // namespace tianshan::volunteering
