#include "http/pagination.h"
#include "modules/people/appoint_position.h"
#include "modules/people/create_person.h"
#include "modules/people/end_position.h"
#include "modules/people/get_person.h"
#include "modules/people/handler_support.h"
#include "modules/people/handlers.h"
#include "modules/people/list_people.h"
#include "modules/people/person_json.h"
#include "modules/people/update_person.h"

namespace tianshan::people {
namespace {

std::optional<std::string> Identity(ObjectReader& in) {
  auto raw = in.String("identity_number", false, 20);
  if (!raw) return std::nullopt;
  return NormalizeIdentityNumber(*raw);
}

Result<CreatePersonInput> ParseCreate(std::string_view body) {
  TS_ASSIGN_OR_RETURN(auto doc, ParseJsonObject(body));
  ObjectReader in(doc);
  CreatePersonInput out;
  PersonFields& f = out.fields;
  f.name = in.String("name", true, kMaxName).value_or("");
  f.gender = in.OneOf("gender", true, Genders()).value_or("");
  f.birth_date = in.String("birth_date", true, 10).value_or("");
  f.ethnicity = in.String("ethnicity", false, kMaxText);
  f.phone = in.String("phone", false, 20);
  f.identity_number = Identity(in);
  f.education = in.String("education", false, kMaxText);
  f.occupation = in.String("occupation", false, kMaxText);
  f.employer = in.String("employer", false, kMaxText);
  out.organization_id = in.Int("organization_id", false, 1);
  if (const auto* m = in.Raw("membership"); m != nullptr && !m->IsNull()) {
    if (!m->IsObject()) {
      in.AddError("membership", "field.must_be_object");
    } else {
      ObjectReader mr(*m, "membership.");
      NewMembership nm;
      nm.organization_id = mr.Int("organization_id", true, 1).value_or(0);
      nm.member_since = mr.String("member_since", true, 10).value_or("");
      nm.member_number = mr.String("member_number", false, kMaxMemberNumber);
      MergeErrors(in, mr.Finish());
      out.membership = std::move(nm);
    }
  }
  TS_RETURN_IF_ERROR(in.Finish());
  return out;
}

// A nullable text field of a PATCH: absent → nullopt; null or "" → clear.
std::optional<std::optional<std::string>> Nullable(ObjectReader& in, const char* name, size_t max) {
  const auto* v = in.Raw(name);
  if (v == nullptr) return std::nullopt;
  if (v->IsNull()) return std::optional<std::string>();
  auto s = in.String(name, false, max);
  if (!s || s->empty()) return std::optional<std::string>();
  return s;
}

Result<PersonPatch> ParsePatch(std::string_view body) {
  TS_ASSIGN_OR_RETURN(auto doc, ParseJsonObject(body));
  ObjectReader in(doc);
  PersonPatch p;
  for (const char* locked : {"name", "identity_number"}) {
    if (in.Raw(locked) != nullptr) in.AddError(locked, "people.use_correction");
  }
  if (in.Has("gender")) p.gender = in.OneOf("gender", true, Genders());
  if (in.Has("birth_date")) p.birth_date = in.String("birth_date", true, 10);
  p.ethnicity = Nullable(in, "ethnicity", kMaxText);
  p.phone = Nullable(in, "phone", 20);
  p.education = Nullable(in, "education", kMaxText);
  p.occupation = Nullable(in, "occupation", kMaxText);
  p.employer = Nullable(in, "employer", kMaxText);
  in.Raw("gender");
  in.Raw("birth_date");
  TS_RETURN_IF_ERROR(in.Finish());
  return p;
}

Result<ListPeopleInput> ParseList(const http::HttpRequest& req) {
  ListPeopleInput in;
  TS_ASSIGN_OR_RETURN(in.organization_id, req.PathId("id"));
  TS_ASSIGN_OR_RETURN(auto page, http::ParsePageRequest(req, 50, 200));
  in.limit = page.limit;
  in.cursor = page.cursor;
  auto scope = req.Query("scope").value_or("self");
  if (scope != "self" && scope != "subtree") return Status::Invalid("scope", "field.not_one_of", "self, subtree");
  in.subtree = scope == "subtree";
  if (auto kind = req.Query("kind"); kind && !kind->empty()) {
    if (*kind != "member" && *kind != "youth" && *kind != "cadre") {
      return Status::Invalid("kind", "field.not_one_of", "member, youth, cadre");
    }
    in.kind = *kind;
  }
  if (auto q = req.Query("q"); q && !q->empty()) {
    if (Utf8Length(*q) > kMaxName) return Status::Invalid("q", "field.too_long", std::to_string(kMaxName));
    in.q = *q;
  }
  return in;
}

std::string PageJson(const PeoplePage& page) {
  JsonOut out;
  out.StartObject().Key("items").StartArray();
  for (const auto& item : page.items) {
    out.StartObject();
    WritePersonFields(out, item.person, item.view, item.organization_name);
    out.Field("masked", item.view != View::kFull);
    if (item.position) {
      out.Key("position");
      WritePosition(out, *item.position, item.position_organization_name);
    }
    out.EndObject();
  }
  out.EndArray().Field("next_cursor", page.next_cursor).EndObject();
  return out.Take();
}

Result<AppointPositionInput> ParseAppoint(std::string_view body) {
  TS_ASSIGN_OR_RETURN(auto doc, ParseJsonObject(body));
  ObjectReader in(doc);
  AppointPositionInput out;
  out.organization_id = in.Int("organization_id", true, 1).value_or(0);
  out.title = in.OneOf("title", true, PositionTitles()).value_or("");
  out.employment = in.OneOf("employment", true, Employments()).value_or("");
  out.started_on = in.String("started_on", true, 10).value_or("");
  TS_RETURN_IF_ERROR(in.Finish());
  return out;
}

std::string PositionJson(const Position& p) {
  JsonOut out;
  WritePosition(out, p, "");
  return out.Take();
}

}  // namespace

void RegisterPersonRoutes(http::Router& r, AppContext& ctx) {
  r.Add("POST", "/api/v1/people", http::Access::kSession, [&ctx](http::HttpRequest& req) {
    auto in = ParseCreate(req.body);
    if (!in.ok()) return Problem(req, in.status());
    auto d = CreatePerson(ctx, CallerOf(req), *in);
    if (!d.ok()) return Problem(req, d.status());
    return http::HttpResponse::Json(PersonDetailsJson(*d), 201);
  });
  r.Add("GET", "/api/v1/people/{id}", http::Access::kSession, [&ctx](http::HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    auto d = GetPerson(ctx, *req.actor, *id);
    if (!d.ok()) return Problem(req, d.status());
    return http::HttpResponse::Json(PersonDetailsJson(*d));
  });
  r.Add("PATCH", "/api/v1/people/{id}", http::Access::kSession, [&ctx](http::HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    auto patch = ParsePatch(req.body);
    if (!patch.ok()) return Problem(req, patch.status());
    auto d = UpdatePerson(ctx, CallerOf(req), *id, *patch);
    if (!d.ok()) return Problem(req, d.status());
    return http::HttpResponse::Json(PersonDetailsJson(*d));
  });
  r.Add("GET", "/api/v1/organizations/{id}/people", http::Access::kSession, [&ctx](http::HttpRequest& req) {
    auto in = ParseList(req);
    if (!in.ok()) return Problem(req, in.status());
    auto page = ListPeople(ctx, *req.actor, *in);
    if (!page.ok()) return Problem(req, page.status());
    return http::HttpResponse::Json(PageJson(*page));
  });
  r.Add("POST", "/api/v1/people/{id}/positions", http::Access::kSession, [&ctx](http::HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    auto in = ParseAppoint(req.body);
    if (!in.ok()) return Problem(req, in.status());
    auto p = AppointPosition(ctx, CallerOf(req), *id, *in);
    if (!p.ok()) return Problem(req, p.status());
    return http::HttpResponse::Json(PositionJson(*p), 201);
  });
  r.Add("POST", "/api/v1/positions/{id}/end", http::Access::kSession, [&ctx](http::HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    auto doc = ParseOptionalBody(req.body);
    if (!doc.ok()) return Problem(req, doc.status());
    ObjectReader in(*doc);
    auto ended_on = in.String("ended_on", false, 10);
    if (Status s = in.Finish(); !s.ok()) return Problem(req, s);
    auto p = EndPosition(ctx, CallerOf(req), *id, ended_on);
    if (!p.ok()) return Problem(req, p.status());
    return http::HttpResponse::Json(PositionJson(*p));
  });
}

}  // namespace tianshan::people
