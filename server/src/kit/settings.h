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
  // The address people open the web app at ("https://tianshan.example"), for links in mail.
  std::string public_url;
  // The SMTP relay for the notification outbox ("smtp://mail.example:25", "smtps://…"); empty:
  // mail stays in the outbox, shown to admins, until one is configured.
  std::string smtp_url;
  std::string smtp_user;
  std::string smtp_password;
  std::string mail_from = "tianshan@localhost";
};

}  // namespace tianshan
