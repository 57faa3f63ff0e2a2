#include "modules/volunteering/signups/checkin_token.h"

#include <charconv>
#include <vector>

#include "core/crypto.h"

namespace tianshan::volunteering {
namespace {

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t pos = s.find(sep, start);
    parts.push_back(s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return parts;
}

bool ToInt(std::string_view s, int64_t& out) {
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return !s.empty() && ec == std::errc() && end == s.data() + s.size();
}

Status Bad(const char* key) { return Status::Invalid("token", key); }

}  // namespace

std::string MakeCheckInToken(std::string_view key, int64_t shift_id, Direction direction, int64_t expires_at) {
  std::string payload =
      std::to_string(shift_id) + (direction == Direction::kIn ? ".i." : ".o.") + std::to_string(expires_at);
  return payload + "." + MacBase64(key, "checkin:" + payload);
}

Status VerifyCheckInToken(std::string_view key, std::string_view token, int64_t shift_id, Direction direction,
                          int64_t now) {
  auto parts = Split(token, '.');
  int64_t token_shift = 0, expires_at = 0;
  if (parts.size() != 4 || !ToInt(parts[0], token_shift) || !ToInt(parts[2], expires_at) ||
      (parts[1] != "i" && parts[1] != "o")) {
    return Bad("volunteer.token_forged");
  }
  std::string payload(token.substr(0, token.size() - parts[3].size() - 1));
  if (!ConstantTimeEquals(MacBase64(key, "checkin:" + payload), parts[3])) return Bad("volunteer.token_forged");
  if (token_shift != shift_id) return Bad("volunteer.token_other_shift");
  if ((parts[1] == "i") != (direction == Direction::kIn)) return Bad("volunteer.token_wrong_direction");
  if (now >= expires_at) return Bad("volunteer.token_expired");
  return Status::Ok();
}

}  // namespace tianshan::volunteering
