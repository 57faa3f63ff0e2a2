#include "http/http_app.h"

#include <algorithm>
#include <chrono>
#include <random>

#include "core/crypto.h"
#include "core/log.h"
#include "http/dispatch.h"
#include "http/session_cookie.h"

namespace tianshan::http {
namespace {

constexpr const char* kCsp =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'";

bool IsSafeMethod(std::string_view m) { return m == "GET" || m == "HEAD" || m == "OPTIONS"; }

int64_t SteadyMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

HttpResponse TooManyRequests(const HttpRequest& req, int64_t seconds) {
  HttpResponse r = ProblemResponse(Status(StatusCode::kTooManyRequests, "error.too_many_requests"), req.lang, req.path);
  r.Header("Retry-After", std::to_string(seconds));
  return r;
}

bool IsSaneRequestId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  }
  return true;
}

// Request ids need uniqueness, not secrecy: a per-thread generator seeded from the OS avoids a
// getrandom() system call per request.
std::string NewRequestId() {
  thread_local std::mt19937_64 gen = [] {
    std::string seed = RandomToken(16);
    std::seed_seq seq(seed.begin(), seed.end());
    return std::mt19937_64(seq);
  }();
  static constexpr char kAlphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  std::string id(16, '0');
  uint64_t a = gen(), b = gen();
  for (int i = 0; i < 8; ++i) {
    id[i] = kAlphabet[a % 62];
    a /= 62;
    id[8 + i] = kAlphabet[b % 62];
    b /= 62;
  }
  return id;
}

}  // namespace

HttpApp::HttpApp(const Router& router, Metrics& metrics, const StaticFiles& static_files, SessionResolver resolver,
                 HttpAppOptions options, CachedSessionResolver cached_resolver)
    : routes_(router),
      metrics_(metrics),
      static_files_(static_files),
      resolver_(std::move(resolver)),
      cached_resolver_(std::move(cached_resolver)),
      options_(std::move(options)),
      workers_(std::make_unique<WorkerPool>(options_.workers, options_.worker_queue)),
      readers_(options_.readers > 0 ? std::make_unique<WorkerPool>(options_.readers, options_.worker_queue) : nullptr),
      limiter_(std::make_unique<RateLimiter>(options_.rate_limits)) {}

HttpApp::~HttpApp() { StopWorkers(); }

void HttpApp::StopWorkers() {
  workers_->Stop();
  if (readers_) readers_->Stop();
}

void HttpApp::Finish(const HttpRequest& req, HttpResponse& resp, double seconds) const {
  auto& h = resp.headers;
  h.reserve(h.size() + 10);  // the headers below, without moving the vector four times
  h.emplace_back("X-Request-Id", req.request_id);
  // A route may answer with its own, stricter policy (the public site allows no script at all).
  const bool own_csp =
      std::any_of(h.begin(), h.end(), [](const auto& kv) { return kv.first == "Content-Security-Policy"; });
  if (!own_csp) h.emplace_back("Content-Security-Policy", kCsp);
  h.emplace_back("X-Content-Type-Options", "nosniff");
  h.emplace_back("Referrer-Policy", "strict-origin-when-cross-origin");
  h.emplace_back("X-Frame-Options", "DENY");
  h.emplace_back("Cross-Origin-Opener-Policy", "same-origin");
  h.emplace_back("Permissions-Policy", "camera=(self), microphone=(), geolocation=()");
  bool api = req.path.rfind("/api/", 0) == 0;
  if (api) h.emplace_back("Cache-Control", "no-store");
  // A JSON answer opened as a page (a link, a typed URL) downloads as a file instead of being
  // rendered (ASVS 14.4.2, reflected file download 12.3.4); fetch() ignores the header. Answers
  // with a disposition of their own (exports, certificates, inline images) keep it.
  if (api && resp.content_type.rfind("application/", 0) == 0 && resp.content_type.find("json") != std::string::npos &&
      std::none_of(h.begin(), h.end(), [](const auto& kv) { return kv.first == "Content-Disposition"; })) {
    h.emplace_back("Content-Disposition", "attachment; filename=\"api.json\"");
  }
  if (api && resp.content_type.rfind("application/", 0) == 0)
    h.emplace_back("Content-Language", std::string(LangTag(req.lang)));
  std::string_view route = req.route_pattern.empty() ? (api ? "unmatched" : "static") : req.route_pattern;
  metrics_.Record(req.method, route, resp.status, seconds);
  AccessLog().info("{} {} {} {:.3f}ms id={}", req.method, route, resp.status, seconds * 1000.0, req.request_id);
}

void HttpApp::Handle(std::shared_ptr<HttpRequest> req, Reply reply) const {
  auto start = std::chrono::steady_clock::now();
  options_.trusted_proxies.ResolveClient(*req);
  std::string_view incoming_id = req->Header("x-request-id");
  req->request_id = IsSaneRequestId(incoming_id) ? std::string(incoming_id) : NewRequestId();
  req->lang = ParseAcceptLanguage(req->Header("accept-language"));

  auto done = [this, req, reply = std::move(reply), start](HttpResponse resp) {
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    Finish(*req, resp, seconds);
    reply(std::move(resp));
  };
  auto fail = [&](const Status& s) { done(ProblemResponse(s, req->lang, req->path)); };

  RouteMatch match = routes_.Match(req->method, req->path);
  if (match.route == nullptr) {
    bool api = req->path.rfind("/api/", 0) == 0;
    if (!api && (req->method == "GET" || req->method == "HEAD")) {
      if (auto resp = static_files_.Serve(req->path, req->Header("if-none-match"), req->Header("accept-encoding"))) {
        if (req->method == "HEAD") resp->body.clear();
        return done(std::move(*resp));
      }
    }
    if (match.path_known) {
      HttpResponse r =
          ProblemResponse(Status(StatusCode::kBadRequest, "error.method_not_allowed"), req->lang, req->path);
      r.status = 405;
      return done(std::move(r));
    }
    return fail(Status(StatusCode::kNotFound, "error.route_not_found"));
  }
  const Route& route = *match.route;
  req->route_pattern = route.pattern;
  req->path_params = std::move(match.params);
  if (!IsSafeMethod(req->method)) {
    if (int64_t wait = limiter_->TakeForAddress(*req, SteadyMillis()); wait > 0) {
      return done(TooManyRequests(*req, wait));
    }
  }

  const size_t limit = route.upload_limit > 0 ? route.upload_limit : options_.max_body_bytes;
  if (req->body.size() > limit) {
    return fail(Status(StatusCode::kPayloadTooLarge, "error.payload_too_large").WithParam(std::to_string(limit)));
  }
  if (!req->body.empty() && route.upload_limit == 0) {
    std::string_view ct = req->Header("content-type");
    if (ct.rfind("application/json", 0) != 0) {
      return fail(Status(StatusCode::kUnsupportedMediaType, "error.unsupported_media_type"));
    }
  }

  // The session from memory when it can be: then a cached answer never touches the pool.
  std::string_view token = SessionCookieValue(*req, options_.session_cookie);
  bool session_needs_db = false;
  if (!token.empty() && resolver_) {
    std::optional<std::optional<auth::Actor>> cached;
    if (cached_resolver_) cached = cached_resolver_(token);
    if (cached.has_value()) {
      if (cached->has_value()) req->actor = std::move(**cached);
    } else {
      session_needs_db = true;
    }
  }
  if (!session_needs_db) {
    // Everything known without the database is answered here: refusals, inline routes, hits.
    if (Status admitted = Admit(*req, route); !admitted.ok()) return fail(admitted);
    if (auto limited = LimitAccount(*req)) return done(std::move(*limited));
    const DispatchingHandler* marks = DispatchOf(route);
    if (marks != nullptr && marks->run_inline) return Run(*req, route, done);
    if (marks != nullptr && marks->from_cache && IsSafeMethod(req->method)) {
      std::optional<HttpResponse> hit;
      try {
        hit = marks->from_cache(*req);
      } catch (const std::exception& e) {
        AppLog().error("cache of {} {} threw: {} id={}", req->method, route.pattern, e.what(), req->request_id);
      }
      if (hit) return done(std::move(*hit));
    }
  }
  WorkerPool& pool = readers_ && IsSafeMethod(req->method) ? *readers_ : *workers_;
  const bool queued = pool.Submit([this, req, &route, done, session_needs_db] {
    if (session_needs_db) {
      auto actor = resolver_(SessionCookieValue(*req, options_.session_cookie));
      if (!actor.ok()) return done(ProblemResponse(actor.status(), req->lang, req->path));
      if (actor->has_value()) req->actor = std::move(**actor);
      if (Status admitted = Admit(*req, route); !admitted.ok()) {
        return done(ProblemResponse(admitted, req->lang, req->path));
      }
      if (auto limited = LimitAccount(*req)) return done(std::move(*limited));
    }
    Run(*req, route, done);
  });
  if (!queued) {
    HttpResponse busy = ProblemResponse(
        Status::Unavailable("error.overloaded")
            .WithDetail("worker queue full (" + std::to_string(pool.in_flight()) + " requests in flight)"),
        req->lang, req->path);
    busy.Header("Retry-After", std::to_string(options_.retry_after_seconds));
    done(std::move(busy));
  }
}

Status HttpApp::Admit(const HttpRequest& req, const Route& route) const {
  if (route.access == Access::kSession && !req.actor) return Status::Unauthorized();
  if (!IsSafeMethod(req.method) && !route.csrf_exempt) {
    std::string_view sent = req.Header("x-csrf-token");
    if (!req.actor || sent.empty() || !ConstantTimeEquals(sent, req.actor->csrf_token)) {
      return Status::Forbidden("error.csrf");
    }
  }
  return Status::Ok();
}

std::optional<HttpResponse> HttpApp::LimitAccount(const HttpRequest& req) const {
  if (!req.actor || IsSafeMethod(req.method)) return std::nullopt;
  if (int64_t wait = limiter_->TakeForAccount(req.actor->account_id, SteadyMillis()); wait > 0) {
    return TooManyRequests(req, wait);
  }
  return std::nullopt;
}

void HttpApp::Run(HttpRequest& req, const Route& route, const Reply& done) const {
  auto fail = [&](const Status& s) { done(ProblemResponse(s, req.lang, req.path)); };
  try {
    route.handler(req, done);
  } catch (const std::exception& e) {
    AppLog().error("handler {} {} threw: {} id={}", req.method, route.pattern, e.what(), req.request_id);
    fail(Status::Internal("error.internal"));
  }
}

}  // namespace tianshan::http
