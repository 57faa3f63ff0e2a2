// The public facade of check-in tokens (public/checkin_token.h) over signups/checkin_token.h.

#include <charconv>

#include "core/crypto.h"
#include "kit/module.h"
#include "modules/volunteering/public/checkin_token.h"
#include "modules/volunteering/signups/checkin_token.h"
#include "modules/volunteering/use_case_support.h"

namespace tianshan::volunteering {

Result<std::string> ScopedCheckInKey(storage::Transaction& tx, const AppContext& ctx, std::string_view scope) {
  TS_ASSIGN_OR_RETURN(auto key, SigningKey(tx, ctx));
  return MacBase64(key, "scope:" + std::string(scope));
}

std::string MakeScopedCheckInToken(std::string_view scoped_key, int64_t id, int64_t expires_at) {
  return MakeCheckInToken(scoped_key, id, Direction::kIn, expires_at);
}

std::optional<int64_t> CheckInTokenSubject(std::string_view token) {
  const auto dot = token.find('.');
  if (dot == std::string_view::npos || dot == 0) return std::nullopt;
  int64_t id = 0;
  auto [end, ec] = std::from_chars(token.data(), token.data() + dot, id);
  if (ec != std::errc() || end != token.data() + dot || id <= 0) return std::nullopt;
  return id;
}

Status VerifyScopedCheckInToken(std::string_view scoped_key, std::string_view token, int64_t id, int64_t now) {
  return VerifyCheckInToken(scoped_key, token, id, Direction::kIn, now);
}

}  // namespace tianshan::volunteering
