// libFuzzer target for the signed tokens and the session cookie: the volunteering check-in
// token's verify (modules/volunteering/signups/checkin_token.h) and the cookie reader that
// takes the session token out of the Cookie header (http/http_types.h HttpRequest::Cookie; the
// token itself is random and looked up by digest, core/crypto.h DigestHex). Contract: no token
// verifies unless it is byte for byte the one MakeCheckInToken gives for that shift, direction
// and expiry; a refusal is a 422 on "token" with one of the four documented keys; a real token
// verifies before it expires and any change of one byte makes it "forged"; the cookie reader
// answers a piece of the header without ';' and finds the session cookie wherever it stands.
#include <charconv>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "core/crypto.h"
#include "fuzz/fuzz_check.h"
#include "http/http_types.h"
#include "modules/volunteering/signups/checkin_token.h"

using namespace tianshan;
using namespace tianshan::volunteering;

namespace {
constexpr const char* kTarget = "token_fuzz";
constexpr std::string_view kKey = "fuzz-check-in-key";

void CheckRefusal(const Status& s, std::string_view token) {
  static const std::set<std::string> kKeys{"volunteer.token_forged", "volunteer.token_other_shift",
                                           "volunteer.token_wrong_direction", "volunteer.token_expired"};
  FUZZ_CHECK(kTarget, s.code() == StatusCode::kInvalid, token);
  FUZZ_CHECK(kTarget, s.field_errors().size() == 1 && s.field_errors()[0].field == "token", token);
  FUZZ_CHECK(kTarget, kKeys.count(s.field_errors()[0].message) == 1, token);
}

int64_t Number(std::string_view s) {
  int64_t v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  if (!InitCrypto()) std::abort();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);

  // The input as a token, for the shift it names and for another: accepted only when it is the
  // token the server makes for that shift, direction and the expiry it names.
  int64_t named_shift = Number(in.substr(0, in.find('.')));
  for (int64_t shift : {named_shift, int64_t{1}}) {
    for (Direction d : {Direction::kIn, Direction::kOut}) {
      Status s = VerifyCheckInToken(kKey, in, shift, d, 0);
      if (!s.ok()) {
        CheckRefusal(s, in);
        continue;
      }
      size_t second = in.find('.', in.find('.') + 1), third = in.find('.', second + 1);
      int64_t expiry = Number(in.substr(second + 1, third - second - 1));
      FUZZ_CHECK(kTarget, MakeCheckInToken(kKey, shift, d, expiry) == in, in);
    }
  }

  // A real token from the input's numbers, then each one-byte change of it.
  if (size >= 9) {
    int64_t shift = 1 + (data[0] | (data[1] << 8));
    int64_t expires = 1 + (data[2] | (data[3] << 8) | (int64_t{data[4]} << 16));
    Direction d = data[5] & 1 ? Direction::kIn : Direction::kOut;
    std::string token = MakeCheckInToken(kKey, shift, d, expires);
    FUZZ_CHECK(kTarget, VerifyCheckInToken(kKey, token, shift, d, expires - 1).ok(), token);
    Status expired = VerifyCheckInToken(kKey, token, shift, d, expires);
    FUZZ_CHECK(kTarget, !expired.ok() && expired.field_errors()[0].message == "volunteer.token_expired", token);
    Status other = VerifyCheckInToken(kKey, token, shift + 1, d, 0);
    FUZZ_CHECK(kTarget, !other.ok() && other.field_errors()[0].message == "volunteer.token_other_shift", token);
    Status wrong = VerifyCheckInToken(kKey, token, shift, d == Direction::kIn ? Direction::kOut : Direction::kIn, 0);
    FUZZ_CHECK(kTarget, !wrong.ok() && wrong.field_errors()[0].message == "volunteer.token_wrong_direction", token);
    Status other_key = VerifyCheckInToken("another key", token, shift, d, 0);
    FUZZ_CHECK(kTarget, !other_key.ok() && other_key.field_errors()[0].message == "volunteer.token_forged", token);
    std::string changed = token;
    size_t at = data[6] % changed.size();
    changed[at] = static_cast<char>(changed[at] ^ (data[7] | 1));
    Status forged = VerifyCheckInToken(kKey, changed, shift, d, 0);
    FUZZ_CHECK(kTarget, !forged.ok(), changed);
    CheckRefusal(forged, changed);
  }

  // The input as a Cookie header.
  http::HttpRequest req;
  req.headers.emplace_back("cookie", std::string(in));
  std::string_view got = req.Cookie("tianshan_session");
  FUZZ_CHECK(kTarget, got.find(';') == std::string_view::npos, in);
  if (!got.empty()) {
    FUZZ_CHECK(kTarget,
               got.data() >= req.headers[0].second.data() &&
                   got.data() + got.size() <= req.headers[0].second.data() + req.headers[0].second.size(),
               in);
  }
  // Placed after the input's own cookies, the session cookie is found unless the input
  // already carries one.
  std::string value = "t" + DigestHex(in).substr(0, 20);
  http::HttpRequest placed;
  placed.headers.emplace_back("cookie", std::string(in) + "; tianshan_session=" + value);
  if (got.empty() && in.find("tianshan_session=") == std::string_view::npos) {
    FUZZ_CHECK(kTarget, placed.Cookie("tianshan_session") == value, in);
  }
  FUZZ_CHECK(kTarget, DigestHex(value).size() == 64, in);
  return 0;
}
