#include "core/masking.h"

namespace tianshan {

std::string MaskPhone(std::string_view phone) {
  if (phone.size() == 11) return std::string(phone.substr(0, 3)) + "****" + std::string(phone.substr(7));
  if (phone.size() <= 2) return std::string(phone.size(), '*');
  return std::string(phone.size() - 2, '*') + std::string(phone.substr(phone.size() - 2));
}

std::string MaskIdentity(std::string_view identity) {
  if (identity.size() < 8) return std::string(identity.size(), '*');
  return std::string(identity.substr(0, 4)) + std::string(identity.size() - 8, '*') +
         std::string(identity.substr(identity.size() - 4));
}

}  // namespace tianshan
