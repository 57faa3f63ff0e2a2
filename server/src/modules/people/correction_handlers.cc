#include "http/gate.h"
#include "modules/people/decide_correction.h"
#include "modules/people/handlers.h"
#include "modules/people/requests.h"

namespace tianshan::people {

using http::Access;
using http::HttpRequest;
using http::HttpResponse;

void RegisterCorrectionRoutes(http::Router& r, AppContext& ctx) {
  http::Gated(r, "people.request_correction")
      .Post("/api/v1/people/{id}/corrections", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto input, ParseRequestCorrection(req));
        TS_ASSIGN_OR_RETURN(auto view, RequestCorrection(ctx, http::CallerOf(req), id, input));
        return http::Json(CorrectionJson(view), 201);
      });
  http::Gated(r, "people.decide_correction")
      .Post("/api/v1/corrections/{id}/approve", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_RETURN_IF_ERROR(http::NoBody(req));
        TS_ASSIGN_OR_RETURN(auto view, ApproveCorrection(ctx, http::CallerOf(req), id));
        return http::Json(CorrectionJson(view));
      });
  http::Gated(r, "people.decide_correction")
      .Post("/api/v1/corrections/{id}/reject", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto reason, ParseReason(req));
        TS_ASSIGN_OR_RETURN(auto view, RejectCorrection(ctx, http::CallerOf(req), id, reason));
        return http::Json(CorrectionJson(view));
      });
  http::Gated(r, "people.corrections")
      .Get("/api/v1/organizations/{id}/corrections", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(auto input, ParseListCorrections(req));
        TS_ASSIGN_OR_RETURN(auto page, ListOrganizationCorrections(ctx, *req.actor, input));
        JsonOut out;
        out.StartObject().Key("items").StartArray();
        for (const auto& c : page.items) WriteCorrection(out, c.correction, c.view, c.can_decide);
        out.EndArray().Field("next_cursor", http::IdCursorText(page.next_cursor)).EndObject();
        return http::Json(out);
      });
}

}  // namespace tianshan::people
