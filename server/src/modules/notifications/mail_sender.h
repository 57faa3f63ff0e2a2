#pragma once
// Mail out of the notification outbox, through the configured SMTP relay (libcurl's SMTP).
// Never called inside a request: the recurring job `notifications.send_mail` sends what is due.
// With no relay configured the job sends nothing and the outbox keeps every message (admins see
// it); a relay that refuses leaves the message pending with the relay's answer as its error and
// a back-off (1, 2, 4 … minutes, at most a day), so nothing is lost and nothing blocks.

#include <string>

#include "kit/module.h"

namespace tianshan::notifications {

// One message, text/plain UTF-8 (subject and body MIME-encoded). Unavailable with the relay's
// answer when it fails.
Status SendMail(const PlatformSettings& settings, const std::string& to, const std::string& subject,
                const std::string& body);

// The job: sends up to 50 due outbox messages; Ok even when some failed (they wait and retry).
Status SendDueMail(const AppContext& ctx, const JobRun& run);

}  // namespace tianshan::notifications
