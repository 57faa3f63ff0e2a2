#pragma once
// The part of the server's configuration that modules may read, through AppContext::settings.
// The command line and environment fill it (app/config.h); modules never include app/.

#include <cstdint>
#include <string>

namespace tianshan {

struct PlatformSettings {
  // Session cookies carry Secure (also when a proxy says X-Forwarded-Proto: https).
  bool secure_cookies = false;
  int64_t session_idle_millis = 12LL * 3600 * 1000;
  int64_t session_max_millis = 7LL * 24 * 3600 * 1000;
  // Key for signing short-lived tokens (check-in QR codes); generated per start when empty.
  std::string secret;
};

}  // namespace tianshan
