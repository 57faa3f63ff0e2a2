#include "modules/cadres/contacts/handlers.h"

#include "http/gate.h"
#include "modules/cadres/cadre_support.h"
#include "modules/cadres/cadres_json.h"
#include "modules/cadres/contacts/contacts_json.h"
#include "modules/cadres/contacts/requests.h"

namespace tianshan::cadres {
namespace {

using http::Access;
using http::HttpRequest;
using http::HttpResponse;

HttpResponse ContactAnswer(const ContactView& v, int status = 200) {
  JsonOut out;
  WriteContact(out, v);
  return http::Json(out, status);
}

HttpResponse InvitationAnswer(const HttpRequest& req, const InvitationView& v, int status = 200) {
  JsonOut out;
  WriteInvitation(out, v, http::BaseUrl(req));
  return http::Json(out, status);
}

HttpResponse OfferAnswer(const HttpRequest& req, const InvitationOffer& o) {
  JsonOut out;
  WriteOffer(out, o, req.lang);
  return http::Json(out);
}

HttpResponse HelpAnswer(const AppContext& ctx, const HelpRequest& h, bool can_update, int status = 200) {
  JsonOut out;
  WriteHelp(out, h, Today(ctx), can_update);
  return http::Json(out, status);
}

// ?limit=&cursor= of a newest-first page.
struct PageQuery {
  int limit = 50;
  std::optional<int64_t> before_id;
};
PageQuery ReadPage(http::QueryReader& query) { return {query.Limit(50, 200), query.IdCursor()}; }

void RegisterWorkspaceRoutes(http::Router& router, const AppContext& ctx) {
  http::Gated(router, http::kGateSelf).Get("/api/v1/cadres/me", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    TS_ASSIGN_OR_RETURN(auto w, GetWorkspace(ctx, *req.actor));
    JsonOut out;
    WriteWorkspace(out, w);
    return http::Json(out);
  });
  http::Gated(router, http::kGateSelf)
      .Get("/api/v1/cadres/me/contacts", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(auto query, ParseContactList(req));
        TS_ASSIGN_OR_RETURN(auto page, ListContacts(ctx, *req.actor, query));
        JsonOut out;
        out.StartObject().Key("items").StartArray();
        for (const auto& v : page.items) WriteContact(out, v);
        out.EndArray().Field("next_cursor", http::IdCursorText(page.next_cursor)).Key("period");
        WritePeriod(out, page.period);
        out.EndObject();
        return http::Json(out);
      });
  http::Gated(router, http::kGateSelf)
      .Get("/api/v1/cadres/me/invitations", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(auto list, ListInvitations(ctx, *req.actor));
        JsonOut out;
        out.StartObject().Key("items").StartArray();
        for (const auto& v : list) WriteInvitation(out, v, http::BaseUrl(req));
        out.EndArray().EndObject();
        return http::Json(out);
      });
  http::Gated(router, http::kGateSelf)
      .Post("/api/v1/cadres/me/invitations", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(auto input, ParseCreateInvitation(req));
        TS_ASSIGN_OR_RETURN(auto created, CreateInvitation(ctx, http::CallerOf(req), input));
        return InvitationAnswer(req, created, 201);
      });
  http::Gated(router, http::kGateSelf)
      .Post("/api/v1/cadres/me/invitations/{id}/revoke", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_RETURN_IF_ERROR(http::NoBody(req));
        TS_ASSIGN_OR_RETURN(auto revoked, RevokeInvitation(ctx, http::CallerOf(req), id));
        return InvitationAnswer(req, revoked);
      });
  http::Gated(router, http::kGateSelf)
      .Get("/api/v1/cadres/me/interactions", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        http::QueryReader query(req);
        const PageQuery page = ReadPage(query);
        const auto contact_id = query.Id("contact_id");
        TS_RETURN_IF_ERROR(query.Finish());
        TS_ASSIGN_OR_RETURN(auto list, ListInteractions(ctx, *req.actor, contact_id, page.before_id, page.limit));
        JsonOut out;
        out.StartObject().Key("items").StartArray();
        for (const auto& i : list.items) WriteInteraction(out, i);
        out.EndArray().Field("next_cursor", http::IdCursorText(list.next_cursor)).EndObject();
        return http::Json(out);
      });
  http::Gated(router, http::kGateSelf)
      .Post("/api/v1/cadres/me/interactions", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(auto input, ParseLogInteraction(req));
        TS_ASSIGN_OR_RETURN(auto logged, LogInteraction(ctx, http::CallerOf(req), input));
        JsonOut out;
        WriteInteraction(out, logged);
        return http::Json(out, 201);
      });
  http::Gated(router, http::kGateSelf)
      .Get("/api/v1/cadres/me/help-requests", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        http::QueryReader query(req);
        const PageQuery page = ReadPage(query);
        const bool open_only = query.Bool("open").value_or(false);
        TS_RETURN_IF_ERROR(query.Finish());
        TS_ASSIGN_OR_RETURN(auto list, ListHelpRequests(ctx, *req.actor, open_only, page.before_id, page.limit));
        const std::string today = Today(ctx);
        JsonOut out;
        out.StartObject().Key("items").StartArray();
        for (const auto& h : list.items) {
          auto name = list.names.find(h.contact_id);
          WriteHelp(out, h, today, true, name == list.names.end() ? std::nullopt : std::optional(name->second));
        }
        out.EndArray().Field("next_cursor", http::IdCursorText(list.next_cursor)).EndObject();
        return http::Json(out);
      });
}

void RegisterYouthRoutes(http::Router& router, const AppContext& ctx) {
  http::Gated(router, http::kGateSelf)
      .Get("/api/v1/cadres/invitations/{token}", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(auto token, TokenOf(req));
        TS_ASSIGN_OR_RETURN(auto offer, ViewInvitation(ctx, *req.actor, token));
        return OfferAnswer(req, offer);
      });
  http::Gated(router, http::kGateSelf)
      .Post("/api/v1/cadres/invitations/{token}/accept", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(auto token, TokenOf(req));
        TS_ASSIGN_OR_RETURN(auto input, ParseConsent(req));
        TS_ASSIGN_OR_RETURN(auto contact, AcceptInvitation(ctx, http::CallerOf(req), token, input));
        return ContactAnswer(contact, 201);
      });
  http::Gated(router, http::kGateSelf)
      .Post("/api/v1/cadres/invitations/{token}/decline", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(auto token, TokenOf(req));
        TS_RETURN_IF_ERROR(http::NoBody(req));
        TS_ASSIGN_OR_RETURN(auto offer, DeclineInvitation(ctx, http::CallerOf(req), token));
        return OfferAnswer(req, offer);
      });
  http::Gated(router, http::kGateSignedIn)
      .Get("/api/v1/cadres/cards/{id}", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto card, GetCadreCard(ctx, *req.actor, id));
        JsonOut out;
        WriteCardView(out, card, req.lang);
        return http::Json(out);
      });
  http::Gated(router, http::kGateSelf)
      .Post("/api/v1/cadres/cards/{id}/requests", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto input, ParseConsent(req));
        TS_ASSIGN_OR_RETURN(auto contact, RequestContact(ctx, http::CallerOf(req), id, input));
        return ContactAnswer(contact, 201);
      });
  http::Gated(router, http::kGateSelf).Get("/api/v1/cadres/mine", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    TS_ASSIGN_OR_RETURN(auto mine, GetMyCadres(ctx, *req.actor));
    JsonOut out;
    WriteMyCadres(out, mine, Today(ctx), req.lang);
    return http::Json(out);
  });
  http::Gated(router, http::kGateSelf)
      .Get("/api/v1/cadres/mine/interactions", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        http::QueryReader query(req);
        const PageQuery page = ReadPage(query);
        TS_RETURN_IF_ERROR(query.Finish());
        TS_ASSIGN_OR_RETURN(auto list, ListMyInteractions(ctx, *req.actor, page.before_id, page.limit));
        JsonOut out;
        out.StartObject().Key("items").StartArray();
        for (const auto& [i, contact_id] : list.items) WriteInteraction(out, i, contact_id);
        out.EndArray().Field("next_cursor", http::IdCursorText(list.next_cursor)).EndObject();
        return http::Json(out);
      });
}

void RegisterPartyRoutes(http::Router& router, const AppContext& ctx) {
  http::Gated(router, http::kGateSelf)
      .Get("/api/v1/cadres/contacts/{id}", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto details, GetContact(ctx, *req.actor, id));
        JsonOut out;
        WriteContactDetails(out, details, Today(ctx));
        return http::Json(out);
      });
  for (const char* action : {"accept", "decline", "end"}) {
    const std::string verb = action;
    http::Gated(router, http::kGateSelf)
        .Post("/api/v1/cadres/contacts/{id}/" + verb, [&ctx, verb](HttpRequest& req) -> Result<HttpResponse> {
          TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
          TS_RETURN_IF_ERROR(http::NoBody(req));
          const auth::Caller caller = http::CallerOf(req);
          TS_ASSIGN_OR_RETURN(auto contact, verb == "end" ? EndContact(ctx, caller, id)
                                                          : DecideRequest(ctx, caller, id, verb == "accept"));
          return ContactAnswer(contact);
        });
  }
  http::Gated(router, http::kGateSelf)
      .Post("/api/v1/cadres/contacts/{id}/help-requests", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto input, ParseRaiseHelp(req));
        TS_ASSIGN_OR_RETURN(auto help, RaiseHelpRequest(ctx, http::CallerOf(req), id, input));
        return HelpAnswer(ctx, help, help.raised_by == "cadre", 201);
      });
  http::Gated(router, http::kGateSelf)
      .Patch("/api/v1/cadres/help-requests/{id}", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto input, ParseUpdateHelp(req));
        TS_ASSIGN_OR_RETURN(auto help, UpdateHelpRequest(ctx, http::CallerOf(req), id, input));
        return HelpAnswer(ctx, help, true);
      });
}

}  // namespace

void RegisterContactRoutes(http::Router& router, const AppContext& ctx) {
  RegisterWorkspaceRoutes(router, ctx);
  RegisterYouthRoutes(router, ctx);
  RegisterPartyRoutes(router, ctx);
}

}  // namespace tianshan::cadres
