#include "http/pagination.h"
#include "modules/people/decide_correction.h"
#include "modules/people/handler_support.h"
#include "modules/people/handlers.h"
#include "modules/people/list_corrections.h"
#include "modules/people/request_correction.h"

namespace tianshan::people {
namespace {

Result<RequestCorrectionInput> ParseRequest(std::string_view body) {
  TS_ASSIGN_OR_RETURN(auto doc, ParseJsonObject(body));
  ObjectReader in(doc);
  RequestCorrectionInput out;
  out.name = in.String("name", false, kMaxName);
  out.identity_number = in.String("identity_number", false, 20);
  if (out.identity_number) out.identity_number = NormalizeIdentityNumber(*out.identity_number);
  out.reason = in.String("reason", true, kMaxReason).value_or("");
  TS_RETURN_IF_ERROR(in.Finish());
  return out;
}

http::HttpResponse ViewResponse(const http::HttpRequest& req, const Result<CorrectionView>& v, int status = 200) {
  if (!v.ok()) return Problem(req, v.status());
  return http::HttpResponse::Json(CorrectionJson(*v), status);
}

}  // namespace

void RegisterCorrectionRoutes(http::Router& r, AppContext& ctx) {
  r.Add("POST", "/api/v1/people/{id}/corrections", http::Access::kSession, [&ctx](http::HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    auto in = ParseRequest(req.body);
    if (!in.ok()) return Problem(req, in.status());
    return ViewResponse(req, RequestCorrection(ctx, CallerOf(req), *id, *in), 201);
  });
  r.Add("POST", "/api/v1/corrections/{id}/approve", http::Access::kSession, [&ctx](http::HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    auto doc = ParseOptionalBody(req.body);
    if (!doc.ok()) return Problem(req, doc.status());
    ObjectReader in(*doc);
    if (Status s = in.Finish(); !s.ok()) return Problem(req, s);
    return ViewResponse(req, ApproveCorrection(ctx, CallerOf(req), *id));
  });
  r.Add("POST", "/api/v1/corrections/{id}/reject", http::Access::kSession, [&ctx](http::HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    auto doc = ParseJsonObject(req.body);
    if (!doc.ok()) return Problem(req, doc.status());
    ObjectReader in(*doc);
    auto reason = in.String("reason", true, kMaxReason);
    if (Status s = in.Finish(); !s.ok()) return Problem(req, s);
    return ViewResponse(req, RejectCorrection(ctx, CallerOf(req), *id, *reason));
  });
  r.Add("GET", "/api/v1/organizations/{id}/corrections", http::Access::kSession, [&ctx](http::HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    auto page_req = http::ParsePageRequest(req, 50, 200);
    if (!page_req.ok()) return Problem(req, page_req.status());
    auto after = http::ParseIdCursor(page_req->cursor);
    if (!after.ok()) return Problem(req, after.status());
    auto status = ParseStatusQuery(req, CorrectionStatuses(), "pending");
    if (!status.ok()) return Problem(req, status.status());
    auto page = ListOrganizationCorrections(ctx, *req.actor, *id, *status, *after, page_req->limit);
    if (!page.ok()) return Problem(req, page.status());
    JsonOut out;
    out.StartObject().Key("items").StartArray();
    for (const auto& c : page->items) WriteCorrection(out, c.correction, c.view);
    out.EndArray().Field("next_cursor", http::IdCursorText(page->next_cursor));
    out.EndObject();
    return http::HttpResponse::Json(out.Take());
  });
}

}  // namespace tianshan::people
