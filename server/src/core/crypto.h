#pragma once
// Random tokens and digests on libsodium. Call InitCrypto() once before any other use
// (main and the test main do); everything else is thread-safe.

#include <string>
#include <string_view>

namespace tianshan {

// Fails (returns false) only when libsodium cannot initialize.
bool InitCrypto();
// `bytes` random bytes encoded as URL-safe base64 without padding.
std::string RandomToken(size_t bytes = 32);
// Hex of BLAKE2b-256 of `data`: for storing bearer tokens so a database leak leaks no session.
std::string DigestHex(std::string_view data);
// Keyed MAC (BLAKE2b-256) in URL-safe base64; `key` any length (hashed to 32 bytes).
std::string MacBase64(std::string_view key, std::string_view data);
// Constant-time comparison of two strings.
bool ConstantTimeEquals(std::string_view a, std::string_view b);
// Standard base64 (RFC 4648, with padding), for MIME mail.
std::string Base64(std::string_view data);

}  // namespace tianshan
