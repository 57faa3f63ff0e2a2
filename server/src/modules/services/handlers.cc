#include "modules/services/handlers.h"

#include "http/dispatch.h"
#include "http/gate.h"
#include "modules/services/catalog_cache.h"
#include "modules/services/figures.h"
#include "modules/services/requests.h"

namespace tianshan::services {
namespace {

using http::Access;
using http::HttpRequest;
using http::HttpResponse;

void OptInt(JsonOut& out, const char* name, const std::optional<int>& v) {
  out.Field(name, v ? std::optional<int64_t>(*v) : std::nullopt);
}

void WriteSession(JsonOut& out, const Session& s) {
  out.StartObject()
      .Field("id", s.id)
      .Field("service_id", s.service_id)
      .Field("name", s.name)
      .Field("starts_on", s.starts_on)
      .Field("ends_on", s.ends_on)
      .Field("capacity", s.capacity)
      .Field("enrolled", s.enrolled)
      .Field("waitlisted", s.waitlisted)
      .EndObject();
}

void WriteService(JsonOut& out, const ServiceView& v, bool with_sessions) {
  const Service& s = v.service;
  out.StartObject()
      .Field("id", s.id)
      .Field("organization_id", s.organization_id)
      .Field("organization_name", v.organization_name)
      .Field("name", s.f.name)
      .Field("category", s.f.category)
      .Field("description", s.f.description);
  OptInt(out, "min_age", s.f.min_age);
  OptInt(out, "max_age", s.f.max_age);
  out.Field("area_limited", s.area_path.has_value())
      .Field("delivery", s.f.delivery)
      .Field("kind", s.f.kind)
      .Field("response_days", s.f.response_days)
      .Key("questions");
  WriteQuestions(out, s.f.questions);
  if (with_sessions) {
    out.Key("sessions").StartArray();
    for (const auto& session : v.sessions) WriteSession(out, session);
    out.EndArray();
  }
  WriteCan(out, {{"manage", v.can_manage}, {"apply", v.can_apply}, {"enroll", v.can_enroll}});
  out.EndObject();
}

void WriteEnrollment(JsonOut& out, const EnrollmentView& v) {
  const Enrollment& e = v.enrollment;
  out.StartObject()
      .Field("id", e.id)
      .Field("session_id", e.session_id)
      .Field("session_name", e.session_name)
      .Field("service_id", e.service_id)
      .Field("service_name", e.service_name)
      .Field("participant_name", e.participant_name)
      .Field("participant_birth_date", e.participant_birth_date)
      .Field("guardian_consent", e.guardian_consent)
      .Field("status", e.status)
      .Field("waitlist_position", e.waitlist_position)
      .Field("created_at", FormatUtc(e.created_at));
  WriteCan(out, {{"withdraw", v.can_withdraw}});
  out.EndObject();
}

HttpResponse EnrollmentJson(const EnrollmentView& v, int status = 200) {
  JsonOut out;
  WriteEnrollment(out, v);
  return http::Json(out, status);
}

void WriteFile(JsonOut& out, const publishing::StoredFile& f) {
  out.StartObject()
      .Field("key", f.key)
      .Field("file_name", f.file_name)
      .Field("media_type", f.media_type)
      .Field("size", f.size)
      .EndObject();
}

void WriteApplication(JsonOut& out, const ApplicationView& v) {
  const Application& a = v.application;
  out.StartObject()
      .Field("id", a.id)
      .Field("service_id", a.service_id)
      .Field("service_name", v.service_name)
      .Field("organization_id", a.organization_id)
      .Field("applicant_name", a.applicant_name)
      .Field("status", a.status)
      .Field("reason", a.reason)
      .Field("created_at", FormatUtc(a.created_at))
      .Field("updated_at", FormatUtc(a.updated_at))
      .Key("questions");
  WriteQuestions(out, v.questions);
  out.Key("answers");
  WriteAnswers(out, a.answers);
  out.Key("steps").StartArray();
  for (const auto& s : v.steps) {
    out.StartObject().Field("status", s.status).Field("note", s.note).Field("at", FormatUtc(s.at)).EndObject();
  }
  out.EndArray();
  out.Key("messages").StartArray();
  for (const auto& m : v.messages) {
    out.StartObject()
        .Field("id", m.id)
        .Field("side", m.side)
        .Field("author_name", m.author_name)
        .Field("body", m.body)
        .Field("at", FormatUtc(m.at))
        .EndObject();
  }
  out.EndArray();
  out.Key("files").StartArray();
  for (const auto& f : v.files) WriteFile(out, f);
  out.EndArray();
  out.Key("rating");
  if (a.rating) {
    out.StartObject()
        .Field("score", static_cast<int64_t>(*a.rating))
        .Field("comment", a.rating_comment)
        .Field("at", FormatUtc(a.rated_at.value_or(0)))
        .EndObject();
  } else {
    out.Null();
  }
  WriteCan(out, {{"accept", v.can.accept},
                 {"reject", v.can.reject},
                 {"start", v.can.start},
                 {"complete", v.can.complete},
                 {"withdraw", v.can.withdraw},
                 {"message", v.can.message},
                 {"rate", v.can.rate}});
  out.EndObject();
}

HttpResponse ServiceJson(const ServiceView& v, int status = 200) {
  JsonOut out;
  WriteService(out, v, true);
  return http::Json(out, status);
}

HttpResponse ServicePageJson(const ServicePage& page) {
  JsonOut out;
  out.StartObject().Key("items").StartArray();
  for (const auto& v : page.items) WriteService(out, v, false);
  out.EndArray().Field("next_cursor", http::IdCursorText(page.next_cursor)).EndObject();
  return http::Json(out);
}

HttpResponse ApplicationJson(const ApplicationView& v, int status = 200) {
  JsonOut out;
  WriteApplication(out, v);
  return http::Json(out, status);
}

HttpResponse ApplicationPageJson(const ApplicationPage& page) {
  JsonOut out;
  out.StartObject().Key("items").StartArray();
  for (const auto& v : page.items) WriteApplication(out, v);
  out.EndArray().Field("next_cursor", http::IdCursorText(page.next_cursor)).EndObject();
  return http::Json(out);
}

HttpResponse EnrollmentsJson(const std::vector<EnrollmentView>& items) {
  JsonOut out;
  out.StartObject().Key("items").StartArray();
  for (const auto& v : items) WriteEnrollment(out, v);
  out.EndArray().EndObject();
  return http::Json(out);
}

void RegisterStep(http::Router& router, const AppContext& ctx, const std::string& verb, ApplicationAction action) {
  http::Gated(router, verb == "withdraw" ? http::kGateSelf : "services.manage")
      .Post("/api/v1/applications/{id}/" + verb, [&ctx, action](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto note, ParseNote(req));
        TS_ASSIGN_OR_RETURN(auto view, DecideApplication(ctx, http::CallerOf(req), id, action, note));
        return ApplicationJson(view);
      });
}

void OptDouble(JsonOut& out, const char* name, const std::optional<double>& v) {
  out.Key(name);
  if (v) {
    out.Double(*v);
  } else {
    out.Null();
  }
}

void WriteSatisfaction(JsonOut& out, const Satisfaction& s, const ResponseFigures& r) {
  out.StartObject().Field("count", s.Count());
  OptDouble(out, "average", s.Average());
  out.Key("distribution").StartArray();
  for (int64_t v : s.distribution) out.Int(v);
  out.EndArray();
  out.Field("applications", r.applications)
      .Field("completed", r.completed)
      .Field("closed", r.closed)
      .Field("answered", r.answered);
  OptDouble(out, "completion_rate", r.CompletionRate());
  OptDouble(out, "median_first_response_hours",
            r.median_response_ms ? std::optional<double>(static_cast<double>(*r.median_response_ms) / 3600000.0)
                                 : std::nullopt);
  out.EndObject();
}

const auth::Actor* ActorOf(const HttpRequest& req) { return req.actor ? &*req.actor : nullptr; }

}  // namespace

void RegisterRoutes(http::Router& router, const AppContext& ctx) {
  RegisterAttendanceRoutes(router, ctx);
  http::Gated(router, "services.read")
      .Get("/api/v1/organizations/{id}/services", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        http::QueryReader query(req);
        const int limit = query.Limit(50, 200);
        const auto after = query.IdCursor();
        TS_RETURN_IF_ERROR(query.Finish());
        TS_ASSIGN_OR_RETURN(auto page, ListServices(ctx, *req.actor, id, after, limit));
        return ServicePageJson(page);
      });
  http::Gated(router, "services.manage")
      .Post("/api/v1/organizations/{id}/services", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto input, ParseService(req));
        TS_ASSIGN_OR_RETURN(auto created, CreateService(ctx, http::CallerOf(req), id, input));
        return ServiceJson(created, 201);
      });
  // The catalog: a guest's page from memory while nothing was written (catalog_cache.h).
  auto catalog = std::make_shared<CatalogCache>();
  auto catalog_key = [](const HttpRequest& req) { return std::string(LangTag(req.lang)) + "?" + req.raw_query; };
  http::AnswerFromCache(router.Get("/api/v1/services", Access::kPublic,
                                   [&ctx, catalog, catalog_key](HttpRequest& req) -> Result<HttpResponse> {
                                     const uint64_t generation = ctx.db.write_generation();
                                     http::QueryReader query(req);
                                     const int limit = query.Limit(50, 200);
                                     const auto after = query.IdCursor();
                                     const auto category = query.OneOf("category", Categories());
                                     const auto area = query.Id("area");
                                     const auto q = query.Text("q", kMaxName);
                                     TS_RETURN_IF_ERROR(query.Finish());
                                     TS_ASSIGN_OR_RETURN(
                                         auto page, ListCatalog(ctx, ActorOf(req), area, category, q, after, limit));
                                     HttpResponse answer = ServicePageJson(page);
                                     if (!req.actor) catalog->Put(catalog_key(req), generation, answer.body);
                                     return answer;
                                   }),
                        [&ctx, catalog, catalog_key](HttpRequest& req) -> std::optional<HttpResponse> {
                          if (req.actor) return std::nullopt;
                          auto hit = catalog->Find(catalog_key(req), ctx.db.write_generation());
                          if (!hit) return std::nullopt;
                          return http::Json(std::move(*hit));
                        });
  router.Get("/api/v1/services/{id}", Access::kPublic, [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
    TS_ASSIGN_OR_RETURN(auto found, GetService(ctx, ActorOf(req), id));
    return ServiceJson(found);
  });
  http::Gated(router, "services.manage")
      .Put("/api/v1/services/{id}/questions", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto questions, ParseQuestions(req));
        TS_ASSIGN_OR_RETURN(auto view, ReplaceQuestions(ctx, http::CallerOf(req), id, questions));
        return ServiceJson(view);
      });
  http::Gated(router, "services.manage")
      .Post("/api/v1/services/{id}/sessions", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto input, ParseSession(req));
        TS_ASSIGN_OR_RETURN(auto session, CreateSession(ctx, http::CallerOf(req), id, input));
        JsonOut out;
        WriteSession(out, session);
        return http::Json(out, 201);
      });
  http::Gated(router, http::kGateSignedIn)
      .Post("/api/v1/sessions/{id}/enrollments", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto input, ParseEnroll(req));
        TS_ASSIGN_OR_RETURN(auto view, Enroll(ctx, http::CallerOf(req), id, input));
        return EnrollmentJson(view, 201);
      });
  http::Gated(router, http::kGateSelf)
      .Post("/api/v1/enrollments/{id}/withdraw", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_RETURN_IF_ERROR(http::NoBody(req));
        TS_ASSIGN_OR_RETURN(auto view, WithdrawEnrollment(ctx, http::CallerOf(req), id));
        return EnrollmentJson(view);
      });
  http::Gated(router, "services.read")
      .Get("/api/v1/sessions/{id}/enrollments", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto items, ListRoster(ctx, *req.actor, id));
        return EnrollmentsJson(items);
      });
  http::Gated(router, http::kGateSelf).Get("/api/v1/my/enrollments", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    TS_ASSIGN_OR_RETURN(auto items, ListMyEnrollments(ctx, *req.actor));
    return EnrollmentsJson(items);
  });
  http::Gated(router, http::kGateSignedIn)
      .Post("/api/v1/services/{id}/applications", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto answers, ParseAnswers(req));
        TS_ASSIGN_OR_RETURN(auto view, SubmitApplication(ctx, http::CallerOf(req), id, answers));
        return ApplicationJson(view, 201);
      });
  http::Gated(router, "services.read")
      .Get("/api/v1/applications/{id}", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto view, GetApplication(ctx, *req.actor, id));
        return ApplicationJson(view);
      });
  http::Gated(router, http::kGateSignedIn)
      .Post("/api/v1/services/{id}/answer-files",
            [&ctx](HttpRequest& req) -> Result<HttpResponse> {
              TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
              http::QueryReader query(req);
              auto question = query.Text("question", 30);
              auto name = query.Text("name", 100);
              if (!question) query.AddError("question", "field.required");
              if (!name) query.AddError("name", "field.required");
              TS_RETURN_IF_ERROR(query.Finish());
              TS_ASSIGN_OR_RETURN(auto file,
                                  UploadAnswerFile(ctx, http::CallerOf(req), id, *question, *name, req.body));
              JsonOut out;
              WriteFile(out, file);
              return http::Json(out, 201);
            })
      .upload_limit = static_cast<size_t>(kMaxFileKb) * 1024;
  http::Gated(router, "services.read")
      .Get("/api/v1/applications/{id}/files", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto key, publishing::RequiredQueryText(req, "key", 40));
        TS_ASSIGN_OR_RETURN(auto found, DownloadAnswerFile(ctx, *req.actor, id, key));
        return publishing::FileDownload(found.first, std::move(found.second));
      });
  http::Gated(router, "services.read")
      .Get("/api/v1/organizations/{id}/applications", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        http::QueryReader query(req);
        const int limit = query.Limit(50, 200);
        const auto before = query.IdCursor();
        const auto status = query.OneOf("status", ApplicationStatuses());
        TS_RETURN_IF_ERROR(query.Finish());
        TS_ASSIGN_OR_RETURN(auto page, ListApplications(ctx, *req.actor, id, status, before, limit));
        return ApplicationPageJson(page);
      });
  http::Gated(router, http::kGateSelf).Get("/api/v1/my/applications", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    http::QueryReader query(req);
    const int limit = query.Limit(50, 200);
    const auto before = query.IdCursor();
    TS_RETURN_IF_ERROR(query.Finish());
    TS_ASSIGN_OR_RETURN(auto page, ListMyApplications(ctx, *req.actor, before, limit));
    return ApplicationPageJson(page);
  });
  http::Gated(router, http::kGateSelf)
      .Post("/api/v1/applications/{id}/messages", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto body, ParseMessage(req));
        TS_ASSIGN_OR_RETURN(auto view, PostMessage(ctx, http::CallerOf(req), id, body));
        return ApplicationJson(view, 201);
      });
  http::Gated(router, http::kGateSelf)
      .Post("/api/v1/applications/{id}/rating", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto input, ParseRating(req));
        TS_ASSIGN_OR_RETURN(auto view, RateApplication(ctx, http::CallerOf(req), id, input.score, input.comment));
        return ApplicationJson(view);
      });
  http::Gated(router, "services.read")
      .Get("/api/v1/services/{id}/satisfaction", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto figures, GetServiceSatisfaction(ctx, *req.actor, id));
        TS_ASSIGN_OR_RETURN(auto responses, GetServiceResponses(ctx, *req.actor, id));
        JsonOut out;
        WriteSatisfaction(out, figures, responses);
        return http::Json(out);
      });
  http::Gated(router, "services.read")
      .Get("/api/v1/organizations/{id}/satisfaction", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto figures, GetSubtreeSatisfaction(ctx, *req.actor, id));
        TS_ASSIGN_OR_RETURN(auto responses, GetSubtreeResponses(ctx, *req.actor, id));
        JsonOut out;
        out.StartObject().Key("total");
        WriteSatisfaction(out, figures.total, responses.total);
        out.Key("services").StartArray();
        for (const auto& [service, s] : figures.services) {
          out.StartObject().Field("service_id", service.id).Field("name", service.f.name).Key("figures");
          auto it = responses.by_service.find(service.id);
          WriteSatisfaction(out, s, it == responses.by_service.end() ? ResponseFigures{} : it->second);
          out.EndObject();
        }
        out.EndArray().EndObject();
        return http::Json(out);
      });
  RegisterStep(router, ctx, "accept", ApplicationAction::kAccept);
  RegisterStep(router, ctx, "reject", ApplicationAction::kReject);
  RegisterStep(router, ctx, "start", ApplicationAction::kStart);
  RegisterStep(router, ctx, "complete", ApplicationAction::kComplete);
  RegisterStep(router, ctx, "withdraw", ApplicationAction::kWithdraw);
}

}  // namespace tianshan::services
