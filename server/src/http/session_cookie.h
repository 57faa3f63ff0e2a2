#pragma once
// The session cookie's two names (ASVS 3.4.4). Over https (Secure cookies) the session lives in
// "__Host-<name>": the browser then keeps it only when it was set Secure, with Path=/ and no
// Domain, so no sibling subdomain or plain-http page can plant or overwrite it. Over plain http
// (`make run` on localhost) such a cookie would be refused, so it is "<name>".

#include <string>
#include <string_view>

#include "http/http_types.h"

namespace tianshan::http {

inline constexpr std::string_view kHostCookiePrefix = "__Host-";

// The name the session cookie is set under.
inline std::string SessionCookieName(std::string_view name, bool secure) {
  return secure ? std::string(kHostCookiePrefix) + std::string(name) : std::string(name);
}

// The session token a request carries: the "__Host-" cookie when there is one, else the plain one.
inline std::string_view SessionCookieValue(const HttpRequest& req, std::string_view name) {
  if (req.Header("cookie").find(kHostCookiePrefix) != std::string_view::npos) {
    std::string_view host = req.Cookie(std::string(kHostCookiePrefix) + std::string(name));
    if (!host.empty()) return host;
  }
  return req.Cookie(name);
}

}  // namespace tianshan::http
