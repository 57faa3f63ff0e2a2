#include "http/gate.h"
#include "modules/people/end_position.h"
#include "modules/people/get_person.h"
#include "modules/people/handlers.h"
#include "modules/people/person_json.h"
#include "modules/people/requests.h"

namespace tianshan::people {
namespace {

using http::Access;
using http::HttpRequest;
using http::HttpResponse;

HttpResponse PageJson(const PeoplePage& page) {
  JsonOut out;
  out.StartObject().Key("items").StartArray();
  for (const auto& item : page.items) {
    out.StartObject();
    WritePersonFields(out, item.person, item.view, item.organization_name);
    out.Field("masked", item.view != View::kFull);
    out.Field("member_since", item.member_since).Field("member_number", item.member_number);
    if (item.position) {
      out.Key("position");
      WritePosition(out, *item.position, item.position_organization_name);
    }
    out.EndObject();
  }
  out.EndArray().Field("next_cursor", page.next_cursor).EndObject();
  return http::Json(out);
}

HttpResponse PositionJson(const Position& p, int status = 200) {
  JsonOut out;
  WritePosition(out, p, "");
  return http::Json(out, status);
}

}  // namespace

void RegisterPersonRoutes(http::Router& r, AppContext& ctx) {
  http::Gated(r, "people.create").Post("/api/v1/people", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    TS_ASSIGN_OR_RETURN(auto input, ParseCreatePerson(req));
    TS_ASSIGN_OR_RETURN(auto person, CreatePerson(ctx, http::CallerOf(req), input));
    return http::Json(PersonDetailsJson(person), 201);
  });
  http::Gated(r, "people.read").Get("/api/v1/people/{id}", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
    TS_ASSIGN_OR_RETURN(auto person, GetPerson(ctx, *req.actor, id));
    return http::Json(PersonDetailsJson(person));
  });
  http::Gated(r, "people.update").Patch("/api/v1/people/{id}", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
    TS_ASSIGN_OR_RETURN(auto patch, ParsePersonPatch(req));
    TS_ASSIGN_OR_RETURN(auto person, UpdatePerson(ctx, http::CallerOf(req), id, patch));
    return http::Json(PersonDetailsJson(person));
  });
  http::Gated(r, "people.list")
      .Get("/api/v1/organizations/{id}/people", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(auto input, ParseListPeople(req));
        TS_ASSIGN_OR_RETURN(auto page, ListPeople(ctx, *req.actor, input));
        return PageJson(page);
      });
  http::Gated(r, "people.appoint_position")
      .Post("/api/v1/people/{id}/positions", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto input, ParseAppointPosition(req));
        TS_ASSIGN_OR_RETURN(auto position, AppointPosition(ctx, http::CallerOf(req), id, input));
        return PositionJson(position, 201);
      });
  http::Gated(r, "people.manage_positions")
      .Post("/api/v1/positions/{id}/end", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto ended_on, ParseEndPosition(req));
        TS_ASSIGN_OR_RETURN(auto position, EndPosition(ctx, http::CallerOf(req), id, ended_on));
        return PositionJson(position);
      });
}

}  // namespace tianshan::people
