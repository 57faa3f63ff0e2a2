#pragma once
// The request pipeline between the HTTP adapter and the handlers:
//   request id → language → route match (404/405) → body limits and media type → session →
//   CSRF → handler → security headers, metrics, access log.
// Non-API GET requests that match no route are served from the web app (StaticFiles).
// Handle() is thread-safe; `reply` is called exactly once, possibly on another thread.

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "http/metrics.h"
#include "http/router.h"
#include "http/static_files.h"

namespace tianshan::http {

// Resolves the session cookie's token to an actor; nullopt when no such live session.
using SessionResolver = std::function<Result<std::optional<auth::Actor>>(std::string_view token)>;

struct HttpAppOptions {
  size_t max_body_bytes = 1 << 20;
  std::string session_cookie = "tianshan_session";
};

class HttpApp {
 public:
  HttpApp(const Router& router, Metrics& metrics, const StaticFiles& static_files, SessionResolver resolver,
          HttpAppOptions options);

  void Handle(std::shared_ptr<HttpRequest> request, Reply reply) const;
  const HttpAppOptions& options() const { return options_; }

 private:
  void Finish(const HttpRequest& req, HttpResponse& resp, double seconds) const;

  const Router& router_;
  Metrics& metrics_;
  const StaticFiles& static_files_;
  SessionResolver resolver_;
  HttpAppOptions options_;
};

}  // namespace tianshan::http
