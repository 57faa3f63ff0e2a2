#include "modules/volunteering/teams/requests.h"

namespace tianshan::volunteering {

Result<CreateTeamInput> ParseCreateTeam(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  CreateTeamInput in;
  in.organization_id = r.Int("organization_id", true, 1).value_or(0);
  in.name = r.String("name", true, kMaxTitle, 1).value_or("");
  in.description = r.Text("description", kMaxText);
  in.partner_name = r.Text("partner_name", kMaxTitle);
  in.leader_person_ids = r.IdArray("leader_person_ids", false).value_or(std::vector<int64_t>{});
  TS_RETURN_IF_ERROR(r.Finish());
  return in;
}

Result<std::optional<std::string>> ParseApplication(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req, /*empty_is_object=*/true));
  ObjectReader r(doc);
  auto message = r.Text("message", kMaxShort);
  TS_RETURN_IF_ERROR(r.Finish());
  return message;
}

Result<int64_t> ParsePersonId(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  auto id = r.Int("person_id", true, 1);
  TS_RETURN_IF_ERROR(r.Finish());
  return *id;
}

Result<TeamPatch> ParseTeamPatch(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  TeamPatch p;
  if (r.Raw("name")) p.name = r.String("name", true, kMaxTitle, 1);
  p.description = r.NullableText("description", kMaxText);
  p.partner_name = r.NullableText("partner_name", kMaxTitle);
  p.status = r.OneOf("status", false, {"active", "archived"});
  TS_RETURN_IF_ERROR(r.Finish());
  return p;
}

std::optional<std::string> ReadMemberStatus(http::QueryReader& query) {
  return query.OneOf("status", {"pending", "active", "rejected", "left"});
}

}  // namespace tianshan::volunteering
