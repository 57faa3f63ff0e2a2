#include "modules/publishing/handlers.h"

#include "modules/publishing/article_json.h"
#include "modules/publishing/html_sanitizer.h"
#include "modules/publishing/requests.h"

namespace tianshan::publishing {
namespace {

using http::Access;
using http::HttpRequest;
using http::HttpResponse;

HttpResponse OneArticle(const ArticleView& v, int status = 200) {
  JsonOut out;
  WriteArticle(out, v);
  return http::Json(out, status);
}

HttpResponse OneColumn(const ColumnView& v, int status = 200) {
  JsonOut out;
  WriteColumn(out, v);
  return http::Json(out, status);
}

void RegisterColumnRoutes(http::Router& router, const AppContext& ctx) {
  router.Get("/api/v1/organizations/{id}/publishing/columns", Access::kSession,
             [&ctx](HttpRequest& req) -> Result<HttpResponse> {
               TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
               TS_ASSIGN_OR_RETURN(auto columns, ListColumns(ctx, *req.actor, id));
               JsonOut out;
               out.StartObject().Key("items").StartArray();
               for (const auto& c : columns) WriteColumn(out, c);
               out.EndArray().EndObject();
               return http::Json(out);
             });
  router.Post("/api/v1/organizations/{id}/publishing/columns", Access::kSession,
              [&ctx](HttpRequest& req) -> Result<HttpResponse> {
                TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
                TS_ASSIGN_OR_RETURN(auto input, ParseColumn(req));
                TS_ASSIGN_OR_RETURN(auto created, CreateColumn(ctx, http::CallerOf(req), id, input));
                return OneColumn(created, 201);
              });
  router.Put("/api/v1/publishing/columns/{id}", Access::kSession, [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
    TS_ASSIGN_OR_RETURN(auto input, ParseColumn(req));
    TS_ASSIGN_OR_RETURN(auto updated, UpdateColumn(ctx, http::CallerOf(req), id, input));
    return OneColumn(updated);
  });
}

void RegisterArticleRoutes(http::Router& router, const AppContext& ctx) {
  router.Get("/api/v1/organizations/{id}/publishing/articles", Access::kSession,
             [&ctx](HttpRequest& req) -> Result<HttpResponse> {
               TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
               TS_ASSIGN_OR_RETURN(auto filter, ParseArticleFilter(req));
               TS_ASSIGN_OR_RETURN(auto page, ListArticles(ctx, *req.actor, id, filter));
               JsonOut out;
               out.StartObject().Key("items").StartArray();
               for (const auto& v : page.items) WriteArticle(out, v);
               out.EndArray().Field("next_cursor", http::IdCursorText(page.next_cursor)).EndObject();
               return http::Json(out);
             });
  router.Post("/api/v1/publishing/columns/{id}/articles", Access::kSession,
              [&ctx](HttpRequest& req) -> Result<HttpResponse> {
                TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
                TS_ASSIGN_OR_RETURN(auto input, ParseArticle(req, false));
                TS_ASSIGN_OR_RETURN(auto created, CreateArticle(ctx, http::CallerOf(req), id, input.fields));
                return OneArticle(created, 201);
              });
  router.Post("/api/v1/publishing/columns/{id}/imports", Access::kSession,
              [&ctx](HttpRequest& req) -> Result<HttpResponse> {
                TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
                TS_ASSIGN_OR_RETURN(auto text, ParseText(req, "text", kMaxBodyBytes));
                TS_ASSIGN_OR_RETURN(auto created, ImportArticle(ctx, http::CallerOf(req), id, text));
                return OneArticle(created, 201);
              });
  router.Get("/api/v1/publishing/articles/{id}", Access::kSession, [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
    TS_ASSIGN_OR_RETURN(auto found, GetArticle(ctx, *req.actor, id));
    return OneArticle(found);
  });
  router.Put("/api/v1/publishing/articles/{id}", Access::kSession, [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
    TS_ASSIGN_OR_RETURN(auto input, ParseArticle(req, true));
    TS_ASSIGN_OR_RETURN(auto updated, UpdateArticle(ctx, http::CallerOf(req), id, input.revision, input.fields));
    return OneArticle(updated);
  });
}

void RegisterReviewRoutes(http::Router& router, const AppContext& ctx) {
  router.Post("/api/v1/publishing/articles/{id}/submit", Access::kSession,
              [&ctx](HttpRequest& req) -> Result<HttpResponse> {
                TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
                TS_RETURN_IF_ERROR(http::NoBody(req));
                TS_ASSIGN_OR_RETURN(auto v, SubmitArticle(ctx, http::CallerOf(req), id));
                return OneArticle(v);
              });
  router.Post("/api/v1/publishing/articles/{id}/approve", Access::kSession,
              [&ctx](HttpRequest& req) -> Result<HttpResponse> {
                TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
                TS_ASSIGN_OR_RETURN(auto note, ParseOptionalText(req, "note", kMaxReason));
                TS_ASSIGN_OR_RETURN(auto v, ApproveArticle(ctx, http::CallerOf(req), id, note));
                return OneArticle(v);
              });
  router.Post("/api/v1/publishing/articles/{id}/reject", Access::kSession,
              [&ctx](HttpRequest& req) -> Result<HttpResponse> {
                TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
                TS_ASSIGN_OR_RETURN(auto note, ParseText(req, "note", kMaxReason));
                TS_ASSIGN_OR_RETURN(auto v, RejectArticle(ctx, http::CallerOf(req), id, note));
                return OneArticle(v);
              });
  router.Post("/api/v1/publishing/articles/{id}/publish", Access::kSession,
              [&ctx](HttpRequest& req) -> Result<HttpResponse> {
                TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
                TS_ASSIGN_OR_RETURN(auto at, ParsePublish(req));
                TS_ASSIGN_OR_RETURN(auto v, PublishArticle(ctx, http::CallerOf(req), id, at));
                return OneArticle(v);
              });
  router.Post("/api/v1/publishing/articles/{id}/withdraw", Access::kSession,
              [&ctx](HttpRequest& req) -> Result<HttpResponse> {
                TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
                TS_ASSIGN_OR_RETURN(auto reason, ParseText(req, "reason", kMaxReason));
                TS_ASSIGN_OR_RETURN(auto v, WithdrawArticle(ctx, http::CallerOf(req), id, reason));
                return OneArticle(v);
              });
  router.Get("/api/v1/publishing/articles/{id}/revisions", Access::kSession,
             [&ctx](HttpRequest& req) -> Result<HttpResponse> {
               TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
               TS_ASSIGN_OR_RETURN(auto revisions, ListRevisions(ctx, *req.actor, id));
               JsonOut out;
               out.StartObject().Key("items").StartArray();
               for (const auto& r : revisions) WriteRevision(out, r, false);
               out.EndArray().EndObject();
               return http::Json(out);
             });
  router.Get("/api/v1/publishing/articles/{id}/revisions/{revision}", Access::kSession,
             [&ctx](HttpRequest& req) -> Result<HttpResponse> {
               TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
               TS_ASSIGN_OR_RETURN(int64_t revision, req.PathId("revision"));
               TS_ASSIGN_OR_RETURN(auto found, GetRevision(ctx, *req.actor, id, static_cast<int>(revision)));
               JsonOut out;
               WriteRevision(out, found, true);
               return http::Json(out);
             });
}

void RegisterUploadRoutes(http::Router& router, const AppContext& ctx) {
  router
      .Post("/api/v1/organizations/{id}/publishing/uploads", Access::kSession,
            [&ctx](HttpRequest& req) -> Result<HttpResponse> {
              TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
              http::QueryReader query(req);
              auto name = query.Text("name", 200);
              if (!name) query.AddError("name", "field.required");
              TS_RETURN_IF_ERROR(query.Finish());
              TS_ASSIGN_OR_RETURN(auto upload, UploadFile(ctx, http::CallerOf(req), id, *name, req.body));
              JsonOut out;
              WriteUpload(out, upload);
              return http::Json(out, 201);
            })
      .upload_limit = kMaxUploadBytes;
  // What the server will keep of a body, for the editor's preview; stores nothing.
  router.Post("/api/v1/publishing/preview", Access::kSession, [](HttpRequest& req) -> Result<HttpResponse> {
    TS_ASSIGN_OR_RETURN(auto body, ParseText(req, "body_html", kMaxBodyBytes));
    TS_ASSIGN_OR_RETURN(auto clean, SanitizeHtml(body, SanitizeLimits{kMaxBodyBytes, 48}, "body_html"));
    JsonOut out;
    out.StartObject().Field("body_html", clean.html).Key("foreign_images").StartArray();
    for (const auto& src : clean.foreign_images) out.String(src);
    out.EndArray().EndObject();
    return http::Json(out);
  });
}

}  // namespace

void RegisterRoutes(http::Router& router, const AppContext& ctx) {
  RegisterColumnRoutes(router, ctx);
  RegisterArticleRoutes(router, ctx);
  RegisterReviewRoutes(router, ctx);
  RegisterUploadRoutes(router, ctx);
}

}  // namespace tianshan::publishing
