#include "modules/__MODULE__/handlers.h"

#include "http/gate.h"
#include "modules/__MODULE__/requests.h"

namespace tianshan::__MODULE__ {
namespace {

using http::Access;
using http::HttpRequest;
using http::HttpResponse;

void Write__Entity__(JsonOut& out, const __Entity__View& v) {
  const __Entity__& e = v.entity;
  out.StartObject()
      .Field("id", e.id)
      .Field("organization_id", e.organization_id)
      .Field("name", e.name)
      .Field("note", e.note)
      .Field("created_at", FormatUtc(e.created_at))
      .Field("updated_at", FormatUtc(e.updated_at));
  WriteCan(out, {{"edit", v.can_edit}});
  out.EndObject();
}

HttpResponse One(const __Entity__View& v, int status = 200) {
  JsonOut out;
  Write__Entity__(out, v);
  return http::Json(out, status);
}

}  // namespace

// Each session route names its gate (http/gate.h): the manifest permission deciding it, which the
// permission matrix test (server/tests/api/permission_matrix_test.cc) checks for every role.
void RegisterRoutes(http::Router& router, const AppContext& ctx) {
  http::Gated(router, "__MODULE__.read").Get("/api/v1/organizations/{id}/__MODULE__",
             [&ctx](HttpRequest& req) -> Result<HttpResponse> {
               TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
               http::QueryReader query(req);
               const int limit = query.Limit(50, 200);
               const auto after = query.IdCursor();
               const auto q = query.Text("q", kMaxName);
               TS_RETURN_IF_ERROR(query.Finish());
               TS_ASSIGN_OR_RETURN(auto page, List__Entities__(ctx, *req.actor, id, q, after, limit));
               JsonOut out;
               out.StartObject().Key("items").StartArray();
               for (const auto& v : page.items) Write__Entity__(out, v);
               out.EndArray().Field("next_cursor", http::IdCursorText(page.next_cursor)).EndObject();
               return http::Json(out);
             });
  http::Gated(router, "__MODULE__.manage").Post("/api/v1/organizations/{id}/__MODULE__",
              [&ctx](HttpRequest& req) -> Result<HttpResponse> {
                TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
                TS_ASSIGN_OR_RETURN(auto input, ParseCreate__Entity__(req));
                TS_ASSIGN_OR_RETURN(auto created, Create__Entity__(ctx, http::CallerOf(req), id, input));
                return One(created, 201);
              });
  http::Gated(router, "__MODULE__.read").Get("/api/v1/__MODULE__/{id}", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
    TS_ASSIGN_OR_RETURN(auto found, Get__Entity__(ctx, *req.actor, id));
    return One(found);
  });
}

}  // namespace tianshan::__MODULE__
