#pragma once
// Short-lived signed check-in tokens, shown by the leader's screen as a QR code. No I/O.
//
// A token is "<shift_id>.<i|o>.<expires_at_millis>.<mac>" where mac = MacBase64(key, the
// first three parts). It is bound to one shift and to one direction (check-in or check-out),
// so it cannot be replayed for another shift or turned into a check-out; it expires after
// kTokenLifetimeMillis. Anyone may read a token; only the server can make one.

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace tianshan::volunteering {

inline constexpr int64_t kTokenLifetimeMillis = 3 * 60 * 1000;

enum class Direction { kIn, kOut };

std::string MakeCheckInToken(std::string_view key, int64_t shift_id, Direction direction, int64_t expires_at);

// Ok when `token` was made with `key` for `shift_id` and `direction` and has not expired at
// `now`. Failures are kInvalid on field "token" with message keys volunteer.token_forged,
// volunteer.token_other_shift, volunteer.token_wrong_direction or volunteer.token_expired.
Status VerifyCheckInToken(std::string_view key, std::string_view token, int64_t shift_id, Direction direction,
                          int64_t now);

}  // namespace tianshan::volunteering
