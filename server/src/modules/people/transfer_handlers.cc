#include "http/pagination.h"
#include "modules/people/accept_transfer.h"
#include "modules/people/cancel_transfer.h"
#include "modules/people/handler_support.h"
#include "modules/people/handlers.h"
#include "modules/people/list_transfers.h"
#include "modules/people/reject_transfer.h"
#include "modules/people/release_transfer.h"
#include "modules/people/start_transfer.h"

namespace tianshan::people {
namespace {

Result<StartTransferInput> ParseStart(std::string_view body) {
  TS_ASSIGN_OR_RETURN(auto doc, ParseJsonObject(body));
  ObjectReader in(doc);
  StartTransferInput out;
  out.person_id = in.Int("person_id", false, 1);
  out.identity_number = in.String("identity_number", false, 20);
  if (out.identity_number) out.identity_number = NormalizeIdentityNumber(*out.identity_number);
  out.name = in.String("name", false, kMaxName);
  out.to_organization_id = in.Int("to_organization_id", true, 1).value_or(0);
  out.note = in.String("note", false, kMaxReason);
  TS_RETURN_IF_ERROR(in.Finish());
  return out;
}

http::HttpResponse ViewResponse(const AppContext& ctx, const http::HttpRequest& req, const Result<TransferView>& v,
                                int status = 200) {
  if (!v.ok()) return Problem(req, v.status());
  return http::HttpResponse::Json(TransferJson(*v, ctx.clock.NowMillis()), status);
}

Result<ListTransfersInput> ParseList(const http::HttpRequest& req) {
  ListTransfersInput in;
  TS_ASSIGN_OR_RETURN(in.organization_id, req.PathId("id"));
  TS_ASSIGN_OR_RETURN(auto page, http::ParsePageRequest(req, 50, 200));
  in.limit = page.limit;
  TS_ASSIGN_OR_RETURN(in.after_id, http::ParseIdCursor(page.cursor));
  auto direction = req.Query("direction");
  if (!direction) return Status::Invalid("direction", "field.required");
  if (*direction != "incoming" && *direction != "outgoing") {
    return Status::Invalid("direction", "field.not_one_of", "incoming, outgoing");
  }
  in.incoming = *direction == "incoming";
  std::vector<std::string> statuses = TransferStatuses();
  statuses.push_back("all");
  TS_ASSIGN_OR_RETURN(in.status, ParseStatusQuery(req, statuses, "pending"));
  return in;
}

}  // namespace

void RegisterTransferRoutes(http::Router& r, AppContext& ctx) {
  r.Add("POST", "/api/v1/transfers", http::Access::kSession, [&ctx](http::HttpRequest& req) {
    auto in = ParseStart(req.body);
    if (!in.ok()) return Problem(req, in.status());
    return ViewResponse(ctx, req, StartTransfer(ctx, CallerOf(req), *in), 201);
  });
  r.Add("POST", "/api/v1/transfers/{id}/release", http::Access::kSession, [&ctx](http::HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    auto doc = ParseOptionalBody(req.body);
    if (!doc.ok()) return Problem(req, doc.status());
    ObjectReader in(*doc);
    if (Status s = in.Finish(); !s.ok()) return Problem(req, s);
    return ViewResponse(ctx, req, ReleaseTransfer(ctx, CallerOf(req), *id));
  });
  r.Add("POST", "/api/v1/transfers/{id}/accept", http::Access::kSession, [&ctx](http::HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    auto doc = ParseJsonObject(req.body);
    if (!doc.ok()) return Problem(req, doc.status());
    ObjectReader in(*doc);
    auto branch = in.Int("branch_id", true, 1);
    if (Status s = in.Finish(); !s.ok()) return Problem(req, s);
    return ViewResponse(ctx, req, AcceptTransfer(ctx, CallerOf(req), *id, *branch));
  });
  r.Add("POST", "/api/v1/transfers/{id}/reject", http::Access::kSession, [&ctx](http::HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    auto doc = ParseJsonObject(req.body);
    if (!doc.ok()) return Problem(req, doc.status());
    ObjectReader in(*doc);
    auto reason = in.String("reason", true, kMaxReason);
    if (Status s = in.Finish(); !s.ok()) return Problem(req, s);
    return ViewResponse(ctx, req, RejectTransfer(ctx, CallerOf(req), *id, *reason));
  });
  r.Add("POST", "/api/v1/transfers/{id}/cancel", http::Access::kSession, [&ctx](http::HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    auto doc = ParseOptionalBody(req.body);
    if (!doc.ok()) return Problem(req, doc.status());
    ObjectReader in(*doc);
    if (Status s = in.Finish(); !s.ok()) return Problem(req, s);
    return ViewResponse(ctx, req, CancelTransfer(ctx, CallerOf(req), *id));
  });
  r.Add("GET", "/api/v1/organizations/{id}/transfers", http::Access::kSession, [&ctx](http::HttpRequest& req) {
    auto in = ParseList(req);
    if (!in.ok()) return Problem(req, in.status());
    auto page = ListOrganizationTransfers(ctx, *req.actor, *in);
    if (!page.ok()) return Problem(req, page.status());
    const int64_t now = ctx.clock.NowMillis();
    JsonOut out;
    out.StartObject().Key("items").StartArray();
    for (const auto& v : page->items) WriteTransfer(out, v, now);
    out.EndArray().Field("next_cursor", http::IdCursorText(page->next_cursor));
    out.EndObject();
    return http::HttpResponse::Json(out.Take());
  });
}

}  // namespace tianshan::people
