#pragma once
// The kept list of common passwords that a new password may not be (ASVS 2.1.7). Loaded once
// at start from a word list, one password a line ("#!comment" lines skipped): by default the
// list of Debian's john-data package (Openwall's 3,546 most common passwords; installed by
// scripts/install-deps.sh). A password is common when, ignoring case, it is on the list, or
// what is left after stripping the digits and symbols around it is ("Password-2024!").

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>

#include "core/result.h"

namespace tianshan::auth {

inline constexpr const char* kDefaultCommonPasswordsFile = "/usr/share/john/password.lst";

class CommonPasswords {
 public:
  // Reads the list; an unreadable file is an error naming it.
  static Result<CommonPasswords> Load(const std::string& path);
  bool IsCommon(std::string_view password) const;
  size_t size() const { return words_.size(); }

  // The process-wide list the password rules use (empty until Install).
  static std::shared_ptr<const CommonPasswords> Current();
  static void Install(CommonPasswords list);

 private:
  std::unordered_set<std::string> words_;
};

}  // namespace tianshan::auth
