#pragma once
// Public contract of the volunteering module: its signed check-in tokens (signups/checkin_token.h)
// for other modules' QR codes (a venue booking's check-in). The token has the same format and
// MAC as a shift's, on a key derived from volunteering's signing key and a scope of the caller's
// ("venues.booking"): a token of one scope never verifies in another, nor as a shift's.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "storage/database.h"

namespace tianshan {
struct AppContext;
}

namespace tianshan::volunteering {

// The signing key of `scope`, inside the caller's transaction (creates volunteering's key on
// first use, as a shift's check-in code does).
Result<std::string> ScopedCheckInKey(storage::Transaction& tx, const AppContext& ctx, std::string_view scope);

// A token for the object `id` of the scope, valid until `expires_at` (UTC milliseconds).
std::string MakeScopedCheckInToken(std::string_view scoped_key, int64_t id, int64_t expires_at);

// The id a token names, read without checking it (nullopt when it is not shaped like a token):
// the caller loads that object, then verifies the token against it.
std::optional<int64_t> CheckInTokenSubject(std::string_view token);

// Ok when `token` was made with `scoped_key` for `id` and has not expired at `now`; else
// kInvalid on field "token" with volunteer.token_forged or volunteer.token_expired.
Status VerifyScopedCheckInToken(std::string_view scoped_key, std::string_view token, int64_t id, int64_t now);

}  // namespace tianshan::volunteering
