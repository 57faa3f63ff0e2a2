#pragma once
// What the sign-up and check-in routes read from a request (see http/edge.h).

#include <string>

#include "http/edge.h"
#include "modules/volunteering/signups/check_in.h"
#include "modules/volunteering/signups/sign_up_for_shift.h"

namespace tianshan::volunteering {

// The Idempotency-Key header (at most 100 visible ASCII characters; a bad one is a 422 on
// "idempotency_key") and {"guardian_consent": {...}} (optional; an empty body signs up).
Result<SignUpInput> ParseSignUp(const http::HttpRequest& req);
// {"token": "..."}
Result<std::string> ParseToken(const http::HttpRequest& req);
// ?direction=in|out (default in).
Direction ReadDirection(http::QueryReader& query);
Result<AttendanceFix> ParseAttendanceFix(const http::HttpRequest& req);

}  // namespace tianshan::volunteering
