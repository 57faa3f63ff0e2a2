#include "modules/publishing/site_handlers.h"

#include <sodium.h>

#include <functional>

#include "core/clock.h"
#include "core/crypto.h"
#include "core/json.h"
#include "core/qr_code.h"
#include "http/dispatch.h"
#include "http/edge.h"
#include "modules/publishing/article_repository.h"
#include "modules/publishing/media_type.h"
#include "modules/publishing/site_pages.h"

namespace tianshan::publishing {
namespace {

using http::Access;
using http::HttpRequest;
using http::HttpResponse;

// No script, no frames, no plugins: the site is text, images and one stylesheet of its own.
constexpr const char* kSiteCsp =
    "default-src 'none'; img-src 'self'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors "
    "'none'";
constexpr const char* kMediaCsp = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

std::string BaseOf(const AppContext& ctx, const HttpRequest& req) {
  if (!ctx.settings.public_url.empty()) {
    std::string base = ctx.settings.public_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    return base;
  }
  std::string base = http::BaseUrl(req);
  return base.empty() ? "http://localhost" : base;
}

std::shared_ptr<const CachedPage> Cached(SitePage page, int64_t article_id) {
  auto out = std::make_shared<CachedPage>();
  out->status = page.status;
  out->content_type = std::move(page.content_type);
  out->etag = "\"" + DigestHex(page.body).substr(0, 24) + "\"";
  out->body = std::move(page.body);
  out->last_modified = page.last_modified > 0 ? HttpDate(page.last_modified) : "";
  out->article_id = article_id;
  return out;
}

HttpResponse Answer(const HttpRequest& req, const CachedPage& p, const char* csp,
                    const char* cache_control = "public, no-cache") {
  HttpResponse r;
  r.Header("Content-Security-Policy", csp);
  r.Header("Cache-Control", cache_control);
  r.Header("ETag", p.etag);
  if (!p.last_modified.empty()) r.Header("Last-Modified", p.last_modified);
  const std::string_view inm = req.Header("if-none-match");
  const std::string_view ims = req.Header("if-modified-since");
  const bool fresh = !inm.empty() ? inm == p.etag : (!ims.empty() && ims == p.last_modified);
  if (p.status == 200 && fresh) {
    r.status = 304;
    r.content_type.clear();
    return r;
  }
  r.status = p.status;
  r.content_type = p.content_type;
  r.body = p.body;
  return r;
}

// Set while a page route runs as its own cached answer (http::AnswerFromCache) on an I/O thread: Serve answers
// only from the page cache and, on a miss, records it and renders nothing.
thread_local bool t_cache_only = false;
thread_local bool t_cache_missed = false;

SiteService& Site(const AppContext& ctx) { return *FindService<SiteService>(ctx, "publishing.site"); }

// Serves `key` from the cache, or renders it (a failed render is a 404 page or a problem).
Result<HttpResponse> Serve(const AppContext& ctx, const HttpRequest& req, const std::string& key, const char* csp,
                           const std::function<Result<std::shared_ptr<const CachedPage>>()>& render) {
  SiteService& site = Site(ctx);
  const uint64_t generation = ctx.db.write_generation();
  const int64_t now = ctx.clock.NowMillis();
  auto page = site.pages.Find(key, generation, now);
  if (!page && t_cache_only) {
    t_cache_missed = true;
    return HttpResponse{};  // discarded by AnswerFromPageCache; not a problem answer (those log a 503)
  }
  if (!page) {
    auto rendered = render();
    if (!rendered.ok()) {
      if (rendered.status().code() != StatusCode::kNotFound) return rendered.status();
      rendered = Cached(RenderNotFound(), 0);
    }
    page = *rendered;
    site.pages.Put(key, page, generation, now);
  }
  if (page->article_id != 0 && page->status == 200) site.views.Add(page->article_id);
  return Answer(req, *page, csp);
}

struct ListParams {
  int page = 1;
  std::optional<std::string> q;
};

Result<ListParams> ReadList(const HttpRequest& req, bool search) {
  http::QueryReader query(req);
  ListParams p;
  p.page = static_cast<int>(query.Int("page", 1, 1000).value_or(1));
  if (search) p.q = query.Text("q", 50);
  TS_RETURN_IF_ERROR(query.Finish());
  return p;
}

std::string Key(const std::string& kind, const HttpRequest& req, const std::string& base, const ListParams& p) {
  return kind + "|" + req.path + "|" + std::to_string(p.page) + "|" + p.q.value_or("") + "|" + base;
}

// The page route's own handler as its cached answer: parsing and a page-cache hit happen on
// the I/O thread; a miss goes on to the worker pool, where the page is rendered.
void AnswerFromPageCache(http::Route& route) {
  http::AnswerFromCache(route, [handler = route.handler](HttpRequest& req) -> std::optional<HttpResponse> {
    std::optional<HttpResponse> out;
    struct CacheOnly {
      CacheOnly() { t_cache_only = true, t_cache_missed = false; }
      ~CacheOnly() { t_cache_only = false; }
    } cache_only;
    handler(req, [&out](HttpResponse r) { out = std::move(r); });
    if (t_cache_missed) return std::nullopt;
    return out;
  });
}

}  // namespace

void RegisterSiteRoutes(http::Router& router, const AppContext& ctx) {
  // The newest public articles of the whole network as JSON (the web app's front page).
  router.Get("/api/v1/publishing/latest", Access::kPublic, [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    http::QueryReader query(req);
    const int limit = query.Limit(5, 20);
    TS_RETURN_IF_ERROR(query.Finish());
    TS_ASSIGN_OR_RETURN(auto headlines, LoadLatestHeadlines(ctx, limit));
    JsonOut out;
    out.StartObject().Key("items").StartArray();
    for (const auto& h : headlines) {
      const Article& a = h.article;
      out.StartObject()
          .Field("id", a.id)
          .Field("title", a.fields.title)
          .Field("summary", a.fields.summary)
          .Field("organization_id", a.organization_id)
          .Field("organization_name", h.organization_name)
          .Field("published_at", FormatUtc(a.published_at.value_or(0)))
          .Field("public_url", "/site/" + std::to_string(a.organization_id) + "/articles/" + std::to_string(a.id))
          .EndObject();
    }
    out.EndArray().EndObject();
    return http::Json(out);
  });
  AnswerFromPageCache(router.Get("/site/{org}", Access::kPublic, [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    TS_ASSIGN_OR_RETURN(int64_t org, req.PathId("org"));
    TS_ASSIGN_OR_RETURN(auto p, ReadList(req, false));
    const std::string base = BaseOf(ctx, req);
    return Serve(ctx, req, Key("home", req, base, p), kSiteCsp, [&]() -> Result<std::shared_ptr<const CachedPage>> {
      TS_ASSIGN_OR_RETURN(auto list, LoadSiteList(ctx, org, std::nullopt, std::nullopt, p.page, 20));
      return Cached(RenderHome(list, base), 0);
    });
  }));
  AnswerFromPageCache(
      router.Get("/site/{org}/columns/{column}", Access::kPublic, [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t org, req.PathId("org"));
        TS_ASSIGN_OR_RETURN(int64_t column, req.PathId("column"));
        TS_ASSIGN_OR_RETURN(auto p, ReadList(req, false));
        const std::string base = BaseOf(ctx, req);
        return Serve(ctx, req, Key("column", req, base, p), kSiteCsp,
                     [&]() -> Result<std::shared_ptr<const CachedPage>> {
                       TS_ASSIGN_OR_RETURN(auto list, LoadSiteList(ctx, org, column, std::nullopt, p.page, 20));
                       return Cached(RenderList(list, base), 0);
                     });
      }));
  AnswerFromPageCache(
      router.Get("/site/{org}/search", Access::kPublic, [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t org, req.PathId("org"));
        TS_ASSIGN_OR_RETURN(auto p, ReadList(req, true));
        const std::string base = BaseOf(ctx, req);
        return Serve(
            ctx, req, Key("search", req, base, p), kSiteCsp, [&]() -> Result<std::shared_ptr<const CachedPage>> {
              TS_ASSIGN_OR_RETURN(auto list, LoadSiteList(ctx, org, std::nullopt, p.q.value_or(""), p.page, 20));
              if (!p.q) list.articles.clear(), list.total = 0;
              return Cached(RenderList(list, base), 0);
            });
      }));
  AnswerFromPageCache(
      router.Get("/site/{org}/articles/{id}", Access::kPublic, [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t org, req.PathId("org"));
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        const std::string base = BaseOf(ctx, req);
        return Serve(ctx, req, "article|" + req.path + "|" + base, kSiteCsp,
                     [&]() -> Result<std::shared_ptr<const CachedPage>> {
                       TS_ASSIGN_OR_RETURN(auto article, LoadSiteArticle(ctx, org, id));
                       return Cached(RenderArticle(article, base), id);
                     });
      }));
  AnswerFromPageCache(
      router.Get("/site/{org}/articles/{id}/qr.svg", Access::kPublic, [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t org, req.PathId("org"));
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        const std::string base = BaseOf(ctx, req);
        return Serve(ctx, req, "qr|" + req.path + "|" + base, kMediaCsp,
                     [&]() -> Result<std::shared_ptr<const CachedPage>> {
                       TS_ASSIGN_OR_RETURN(auto article, LoadSiteArticle(ctx, org, id));
                       TS_ASSIGN_OR_RETURN(
                           auto svg, QrSvg(base + "/site/" + std::to_string(org) + "/articles/" + std::to_string(id)));
                       SitePage page{200, "image/svg+xml", std::move(svg), article.article.updated_at};
                       return Cached(std::move(page), 0);
                     });
      }));
  auto feed = [&ctx](HttpRequest& req, std::optional<int64_t> column) -> Result<HttpResponse> {
    TS_ASSIGN_OR_RETURN(int64_t org, req.PathId("org"));
    const std::string base = BaseOf(ctx, req);
    return Serve(ctx, req, "feed|" + req.path + "|" + base, kSiteCsp,
                 [&]() -> Result<std::shared_ptr<const CachedPage>> {
                   TS_ASSIGN_OR_RETURN(auto list, LoadSiteList(ctx, org, column, std::nullopt, 1, 20));
                   return Cached(RenderFeed(list, base), 0);
                 });
  };
  AnswerFromPageCache(router.Get("/site/{org}/feed.atom", Access::kPublic,
                                 [feed](HttpRequest& req) { return feed(req, std::nullopt); }));
  AnswerFromPageCache(router.Get("/site/{org}/columns/{column}/feed.atom", Access::kPublic,
                                 [feed](HttpRequest& req) -> Result<HttpResponse> {
                                   TS_ASSIGN_OR_RETURN(int64_t column, req.PathId("column"));
                                   return feed(req, column);
                                 }));
  router.Get("/site/static/site.css", Access::kPublic, [](HttpRequest& req) -> Result<HttpResponse> {
    static const CachedPage css = [] {
      CachedPage p;
      p.content_type = "text/css; charset=utf-8";
      p.body = SiteCss();
      p.etag = "\"" + DigestHex(p.body).substr(0, 24) + "\"";
      return p;
    }();
    return Answer(req, css, kSiteCsp, "public, max-age=3600");
  });
  router.Get("/media/{key}", Access::kPublic, [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    const std::string key(req.PathParam("key"));
    auto found = ctx.db.Read([&](storage::Transaction& tx) -> Result<std::pair<Upload, std::string>> {
      TS_ASSIGN_OR_RETURN(auto upload, FindUpload(tx, key));
      if (!upload) return Status::NotFound("publishing.upload_not_found");
      TS_ASSIGN_OR_RETURN(auto content, UploadContent(tx, key));
      return std::pair{std::move(*upload), content.value_or("")};
    });
    TS_RETURN_IF_ERROR(found.status());
    TS_ASSIGN_OR_RETURN(std::string bytes, DecodeStoredBase64(found->second));
    const Upload& u = found->first;
    CachedPage p;
    p.content_type = u.media_type;
    p.body = std::move(bytes);
    p.etag = "\"" + u.digest.substr(0, 24) + "\"";
    HttpResponse r = Answer(req, p, kMediaCsp, "public, max-age=31536000, immutable");
    r.Header("Content-Disposition", ContentDispositionOf(u.file_name, u.kind == "image"));
    return r;
  });
}

Status FlushViews(const AppContext& ctx, const JobRun&) {
  auto* site = FindService<SiteService>(ctx, "publishing.site");
  if (site == nullptr) return Status::Ok();
  auto counts = site->views.Take();
  if (counts.empty()) return Status::Ok();
  Status s = ctx.db.Write([&](storage::Transaction& tx) -> Status {
    for (const auto& [id, n] : counts) TS_RETURN_IF_ERROR(AddViews(tx, id, n));
    return Status::Ok();
  });
  if (!s.ok()) site->views.GiveBack(counts);
  return s;
}

}  // namespace tianshan::publishing
