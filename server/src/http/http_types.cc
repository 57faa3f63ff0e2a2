#include "http/http_types.h"

#include <arpa/inet.h>

#include <algorithm>
#include <charconv>

#include "core/json.h"
#include "core/log.h"

namespace tianshan::http {

std::string HttpRequest::RemoteIp() const {
  char text[INET6_ADDRSTRLEN] = {};
  if (inet_ntop(remote_v6 ? AF_INET6 : AF_INET, remote_address.data(), text, sizeof text) == nullptr) return {};
  return text;
}

std::string_view HttpRequest::Header(std::string_view lower_name) const {
  for (const auto& [k, v] : headers) {
    if (k == lower_name) return v;
  }
  return {};
}

std::optional<std::string> HttpRequest::Query(std::string_view name) const {
  for (const auto& [k, v] : query) {
    if (k == name) return v;
  }
  return std::nullopt;
}

std::string_view HttpRequest::PathParam(std::string_view name) const {
  for (const auto& [k, v] : path_params) {
    if (k == name) return v;
  }
  return {};
}

Result<int64_t> HttpRequest::PathId(std::string_view name) const {
  std::string_view s = PathParam(name);
  int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || v <= 0) {
    return Status(StatusCode::kBadRequest, "error.bad_request").WithField(std::string(name), "path.bad_id");
  }
  return v;
}

std::string_view HttpRequest::Cookie(std::string_view name) const {
  std::string_view all = Header("cookie");
  while (!all.empty()) {
    size_t semi = all.find(';');
    std::string_view part = all.substr(0, semi);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    size_t eq = part.find('=');
    if (eq != std::string_view::npos && part.substr(0, eq) == name) return part.substr(eq + 1);
    if (semi == std::string_view::npos) break;
    all.remove_prefix(semi + 1);
  }
  return {};
}

HttpResponse HttpResponse::Json(std::string body, int status) {
  HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

HttpResponse HttpResponse::NoContent() {
  HttpResponse r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

int HttpStatusFor(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return 200;
    case StatusCode::kBadRequest: return 400;
    case StatusCode::kInvalid: return 422;
    case StatusCode::kUnauthorized: return 401;
    case StatusCode::kForbidden: return 403;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kConflict: return 409;
    case StatusCode::kPayloadTooLarge: return 413;
    case StatusCode::kUnsupportedMediaType: return 415;
    case StatusCode::kTooManyRequests: return 429;
    case StatusCode::kRetry:
    case StatusCode::kUnavailable: return 503;
    case StatusCode::kInternal: return 500;
  }
  return 500;
}

namespace {
std::string_view TypeSlug(StatusCode code) {
  switch (code) {
    case StatusCode::kBadRequest: return "bad-request";
    case StatusCode::kInvalid: return "validation";
    case StatusCode::kUnauthorized: return "unauthorized";
    case StatusCode::kForbidden: return "forbidden";
    case StatusCode::kNotFound: return "not-found";
    case StatusCode::kConflict: return "conflict";
    case StatusCode::kPayloadTooLarge: return "payload-too-large";
    case StatusCode::kUnsupportedMediaType: return "unsupported-media-type";
    case StatusCode::kTooManyRequests: return "too-many-requests";
    case StatusCode::kRetry:
    case StatusCode::kUnavailable: return "unavailable";
    default: return "internal";
  }
}
std::string_view TitleKey(StatusCode code) {
  switch (code) {
    case StatusCode::kBadRequest: return "error.bad_request";
    case StatusCode::kInvalid: return "error.validation";
    case StatusCode::kUnauthorized: return "error.unauthorized";
    case StatusCode::kForbidden: return "error.forbidden";
    case StatusCode::kNotFound: return "error.not_found";
    case StatusCode::kConflict: return "error.conflict";
    case StatusCode::kPayloadTooLarge: return "error.payload_too_large";
    case StatusCode::kUnsupportedMediaType: return "error.unsupported_media_type";
    case StatusCode::kTooManyRequests: return "error.too_many_requests";
    case StatusCode::kRetry:
    case StatusCode::kUnavailable: return "error.unavailable";
    default: return "error.internal";
  }
}
// Every 503 (worker queue full, database unreachable, disk full, retries exhausted) is logged
// once with its cause, so that a run of 503s in the access log can be explained: one line with
// the problem type, the message key and the first line of the underlying error. Only that first
// line: PostgreSQL's DETAIL lines may quote row values, and nothing personal is logged. The
// instance is the request path (ids, never a query string).
void LogUnavailable(const Status& status, std::string_view instance) {
  std::string_view cause = status.detail();
  cause = cause.substr(0, std::min(cause.find('\n'), size_t{300}));
  AppLog().error("503 {} at {}: {} ({})", TypeSlug(status.code()), instance, status.message(),
                 cause.empty() ? "no further cause" : cause);
}

}  // namespace

HttpResponse ProblemResponse(const Status& status, Lang lang, std::string_view instance) {
  int http_status = HttpStatusFor(status.code());
  JsonOut out;
  out.StartObject();
  out.Field("type", "https://tianshan.dev/problems/" + std::string(TypeSlug(status.code())));
  out.Field("title", Translate(lang, TitleKey(status.code()), ""));
  out.Field("status", http_status);
  // Internal details (SQL errors) never reach the client.
  bool internal = http_status >= 500;
  out.Field("detail", internal ? Translate(lang, TitleKey(status.code())) : Translate(lang, status.message(), status.param()));
  if (!instance.empty()) out.Field("instance", instance);
  if (!status.field_errors().empty()) {
    out.Key("errors").StartArray();
    for (const auto& e : status.field_errors()) {
      out.StartObject().Field("field", e.field).Field("message", Translate(lang, e.message, e.param)).EndObject();
    }
    out.EndArray();
  }
  out.EndObject();
  HttpResponse r = HttpResponse::Json(out.Take(), http_status);
  r.content_type = "application/problem+json";
  if (http_status == 503) LogUnavailable(status, instance);
  return r;
}

}  // namespace tianshan::http
