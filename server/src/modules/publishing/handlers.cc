#include "modules/publishing/handlers.h"

#include "http/gate.h"
#include "modules/publishing/article_json.h"
#include "modules/publishing/html_sanitizer.h"
#include "modules/publishing/public/files.h"
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
  http::Gated(router, "publishing.read")
      .Get("/api/v1/organizations/{id}/publishing/columns", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto columns, ListColumns(ctx, *req.actor, id));
        JsonOut out;
        out.StartObject().Key("items").StartArray();
        for (const auto& c : columns) WriteColumn(out, c);
        out.EndArray().EndObject();
        return http::Json(out);
      });
  http::Gated(router, "publishing.columns")
      .Post("/api/v1/organizations/{id}/publishing/columns", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto input, ParseColumn(req));
        TS_ASSIGN_OR_RETURN(auto created, CreateColumn(ctx, http::CallerOf(req), id, input));
        return OneColumn(created, 201);
      });
  http::Gated(router, "publishing.columns")
      .Put("/api/v1/publishing/columns/{id}", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto input, ParseColumn(req));
        TS_ASSIGN_OR_RETURN(auto updated, UpdateColumn(ctx, http::CallerOf(req), id, input));
        return OneColumn(updated);
      });
}

void RegisterArticleRoutes(http::Router& router, const AppContext& ctx) {
  http::Gated(router, "publishing.read")
      .Get("/api/v1/organizations/{id}/publishing/articles", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto filter, ParseArticleFilter(req));
        TS_ASSIGN_OR_RETURN(auto page, ListArticles(ctx, *req.actor, id, filter));
        JsonOut out;
        out.StartObject().Key("items").StartArray();
        for (const auto& v : page.items) WriteArticle(out, v);
        out.EndArray().Field("next_cursor", http::IdCursorText(page.next_cursor)).EndObject();
        return http::Json(out);
      });
  http::Gated(router, "publishing.write")
      .Post("/api/v1/publishing/columns/{id}/articles", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto input, ParseArticle(req, false));
        TS_ASSIGN_OR_RETURN(auto created, CreateArticle(ctx, http::CallerOf(req), id, input.fields));
        return OneArticle(created, 201);
      });
  http::Gated(router, "publishing.write")
      .Post("/api/v1/publishing/columns/{id}/imports", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto text, ParseText(req, "text", kMaxBodyBytes));
        TS_ASSIGN_OR_RETURN(auto created, ImportArticle(ctx, http::CallerOf(req), id, text));
        return OneArticle(created, 201);
      });
  http::Gated(router, "publishing.read")
      .Get("/api/v1/publishing/articles/{id}", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto found, GetArticle(ctx, *req.actor, id));
        return OneArticle(found);
      });
  http::Gated(router, "publishing.write")
      .Put("/api/v1/publishing/articles/{id}", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto input, ParseArticle(req, true));
        TS_ASSIGN_OR_RETURN(auto updated, UpdateArticle(ctx, http::CallerOf(req), id, input.revision, input.fields));
        return OneArticle(updated);
      });
}

void RegisterReviewRoutes(http::Router& router, const AppContext& ctx) {
  http::Gated(router, "publishing.write")
      .Post("/api/v1/publishing/articles/{id}/submit", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_RETURN_IF_ERROR(http::NoBody(req));
        TS_ASSIGN_OR_RETURN(auto v, SubmitArticle(ctx, http::CallerOf(req), id));
        return OneArticle(v);
      });
  http::Gated(router, "publishing.review")
      .Post("/api/v1/publishing/articles/{id}/approve", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto note, ParseOptionalText(req, "note", kMaxReason));
        TS_ASSIGN_OR_RETURN(auto v, ApproveArticle(ctx, http::CallerOf(req), id, note));
        return OneArticle(v);
      });
  http::Gated(router, "publishing.review")
      .Post("/api/v1/publishing/articles/{id}/reject", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto note, ParseText(req, "note", kMaxReason));
        TS_ASSIGN_OR_RETURN(auto v, RejectArticle(ctx, http::CallerOf(req), id, note));
        return OneArticle(v);
      });
  http::Gated(router, "publishing.review")
      .Post("/api/v1/publishing/articles/{id}/publish", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto at, ParsePublish(req));
        TS_ASSIGN_OR_RETURN(auto v, PublishArticle(ctx, http::CallerOf(req), id, at));
        return OneArticle(v);
      });
  http::Gated(router, "publishing.review")
      .Post("/api/v1/publishing/articles/{id}/withdraw", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto reason, ParseText(req, "reason", kMaxReason));
        TS_ASSIGN_OR_RETURN(auto v, WithdrawArticle(ctx, http::CallerOf(req), id, reason));
        return OneArticle(v);
      });
  http::Gated(router, "publishing.read")
      .Get("/api/v1/publishing/articles/{id}/revisions", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto revisions, ListRevisions(ctx, *req.actor, id));
        JsonOut out;
        out.StartObject().Key("items").StartArray();
        for (const auto& r : revisions) WriteRevision(out, r, false);
        out.EndArray().EndObject();
        return http::Json(out);
      });
  http::Gated(router, "publishing.read")
      .Get("/api/v1/publishing/articles/{id}/revisions/{revision}", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(int64_t revision, req.PathId("revision"));
        TS_ASSIGN_OR_RETURN(auto found, GetRevision(ctx, *req.actor, id, static_cast<int>(revision)));
        JsonOut out;
        WriteRevision(out, found, true);
        return http::Json(out);
      });
}

void RegisterUploadRoutes(http::Router& router, const AppContext& ctx) {
  http::Gated(router, "publishing.write")
      .Post("/api/v1/organizations/{id}/publishing/uploads",
            [&ctx](HttpRequest& req) -> Result<HttpResponse> {
              TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
              TS_ASSIGN_OR_RETURN(auto name, RequiredQueryText(req, "name", 200));
              TS_ASSIGN_OR_RETURN(auto upload, UploadFile(ctx, http::CallerOf(req), id, name, req.body));
              JsonOut out;
              WriteUpload(out, upload);
              return http::Json(out, 201);
            })
      .upload_limit = kMaxUploadBytes;
  // What the server will keep of a body, for the editor's preview; stores nothing.
  http::Gated(router, http::kGateSignedIn)
      .Post("/api/v1/publishing/preview", [](HttpRequest& req) -> Result<HttpResponse> {
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
