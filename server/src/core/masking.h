#pragma once
// Masking of personal identifiers for roles that do not need them (and for audit entries).

#include <string>
#include <string_view>

namespace tianshan {

// "13812345678" → "138****5678"; short or odd input keeps only its last 2 characters.
std::string MaskPhone(std::string_view phone);
// "650102199001011234" → "6501**********1234".
std::string MaskIdentity(std::string_view identity);

}  // namespace tianshan
