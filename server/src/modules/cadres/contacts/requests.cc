#include "modules/cadres/contacts/requests.h"

#include "http/search_header.h"

namespace tianshan::cadres {

Result<CreateInvitationInput> ParseCreateInvitation(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req, /*empty_is_object=*/true));
  ObjectReader r(doc);
  CreateInvitationInput in;
  if (auto id = r.Int("person_id", false, 1)) in.person_id = *id;
  in.field = r.OneOf("field", false, Fields());
  TS_RETURN_IF_ERROR(r.Finish());
  return in;
}

Result<ConsentInput> ParseConsent(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  ConsentInput in;
  in.field = r.OneOf("field", true, Fields()).value_or("");
  in.consent_version = r.String("consent_version", true, 20).value_or("");
  TS_RETURN_IF_ERROR(r.Finish());
  return in;
}

Result<ContactListQuery> ParseContactList(const http::HttpRequest& req) {
  http::QueryReader query(req);
  ContactListQuery in;
  in.limit = query.Limit(50, 200);
  in.after_id = query.IdCursor();
  in.status = query.OneOf("status", {"requested", "active", "ended", "all"}, "active");
  if (auto field = req.Query("field"); field && !field->empty()) in.field = query.OneOf("field", Fields());
  if (auto due = req.Query("due"); due && !due->empty()) in.due = query.OneOf("due", {"activity", "talk"});
  // Part of a young person's name: a header, never ?q= (http/search_header.h).
  in.q = http::SearchHeader(req, query, "q", http::kSearchQueryHeader, 50);
  TS_RETURN_IF_ERROR(query.Finish());
  return in;
}

Result<LogInteractionInput> ParseLogInteraction(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  LogInteractionInput in;
  in.kind = r.OneOf("kind", true, InteractionKinds()).value_or("");
  in.occurred_on = r.Date("occurred_on", true).value_or("");
  auto ids = r.IdArray("contact_ids", true, kMaxContactsPerInteraction);
  if (ids && ids->empty()) r.AddError("contact_ids", "cadres.no_contacts");
  if (ids) in.contact_ids = std::move(*ids);
  in.summary = r.Text("summary", kMaxSummary);
  TS_RETURN_IF_ERROR(r.Finish());
  return in;
}

Result<RaiseHelpInput> ParseRaiseHelp(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  RaiseHelpInput in;
  in.category = r.OneOf("category", true, HelpCategories()).value_or("");
  in.description = r.Text("description", kMaxSummary);
  TS_RETURN_IF_ERROR(r.Finish());
  return in;
}

Result<UpdateHelpInput> ParseUpdateHelp(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  UpdateHelpInput in;
  in.status = r.OneOf("status", true, HelpStatuses()).value_or("");
  in.help_given = r.Text("help_given", kMaxSummary);
  TS_RETURN_IF_ERROR(r.Finish());
  return in;
}

Result<std::string> TokenOf(const http::HttpRequest& req) {
  std::string token(req.PathParam("token"));
  if (token.empty() || token.size() > 64 ||
      token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") !=
          std::string::npos) {
    return Status::BadRequest("cadres.bad_token").WithField("token", "cadres.bad_token");
  }
  return token;
}

}  // namespace tianshan::cadres
