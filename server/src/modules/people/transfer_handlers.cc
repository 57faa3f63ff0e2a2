#include "http/gate.h"
#include "modules/people/accept_transfer.h"
#include "modules/people/cancel_transfer.h"
#include "modules/people/handlers.h"
#include "modules/people/reject_transfer.h"
#include "modules/people/release_transfer.h"
#include "modules/people/requests.h"

namespace tianshan::people {

using http::Access;
using http::HttpRequest;
using http::HttpResponse;

void RegisterTransferRoutes(http::Router& r, AppContext& ctx) {
  auto one = [&ctx](const TransferView& v, int status = 200) {
    return http::Json(TransferJson(v, ctx.clock.NowMillis()), status);
  };
  http::Gated(r, "people.transfer").Post("/api/v1/transfers", [&ctx, one](HttpRequest& req) -> Result<HttpResponse> {
    TS_ASSIGN_OR_RETURN(auto input, ParseStartTransfer(req));
    TS_ASSIGN_OR_RETURN(auto view, StartTransfer(ctx, http::CallerOf(req), input));
    return one(view, 201);
  });
  http::Gated(r, "people.transfers@from")
      .Post("/api/v1/transfers/{id}/release", [&ctx, one](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_RETURN_IF_ERROR(http::NoBody(req));
        TS_ASSIGN_OR_RETURN(auto view, ReleaseTransfer(ctx, http::CallerOf(req), id));
        return one(view);
      });
  http::Gated(r, "people.transfers@to")
      .Post("/api/v1/transfers/{id}/accept", [&ctx, one](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(int64_t branch_id, ParseAcceptTransfer(req));
        TS_ASSIGN_OR_RETURN(auto view, AcceptTransfer(ctx, http::CallerOf(req), id, branch_id));
        return one(view);
      });
  http::Gated(r, "people.transfers@awaited")
      .Post("/api/v1/transfers/{id}/reject", [&ctx, one](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto reason, ParseReason(req));
        TS_ASSIGN_OR_RETURN(auto view, RejectTransfer(ctx, http::CallerOf(req), id, reason));
        return one(view);
      });
  http::Gated(r, "people.transfers@from")
      .Post("/api/v1/transfers/{id}/cancel", [&ctx, one](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_RETURN_IF_ERROR(http::NoBody(req));
        TS_ASSIGN_OR_RETURN(auto view, CancelTransfer(ctx, http::CallerOf(req), id));
        return one(view);
      });
  http::Gated(r, "people.transfers")
      .Get("/api/v1/organizations/{id}/transfers", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(auto input, ParseListTransfers(req));
        TS_ASSIGN_OR_RETURN(auto page, ListOrganizationTransfers(ctx, *req.actor, input));
        const int64_t now = ctx.clock.NowMillis();
        JsonOut out;
        out.StartObject().Key("items").StartArray();
        for (const auto& v : page.items) WriteTransfer(out, v, now);
        out.EndArray().Field("next_cursor", http::IdCursorText(page.next_cursor)).EndObject();
        return http::Json(out);
      });
}

}  // namespace tianshan::people
