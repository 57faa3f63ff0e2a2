#pragma once
// Throttling of failed logins, kept in the database so that all server instances agree.
// Two keys per attempt: the login name as typed (whether or not such an account exists, so the
// answer reveals nothing) and the client address. After `free_failures` failures inside the
// window the key is locked, for a time that doubles with each further failure up to a cap.

#include <string>
#include <vector>

#include "core/result.h"
#include "storage/database.h"

namespace tianshan::auth {

struct ThrottlePolicy {
  int64_t window_millis = 15 * 60 * 1000;
  int64_t login_free_failures = 5;
  int64_t address_free_failures = 30;
  int64_t base_lock_millis = 30 * 1000;
  int64_t max_lock_millis = 15 * 60 * 1000;
};

class LoginThrottle {
 public:
  static std::string LoginKey(const std::string& login);
  static std::string AddressKey(const std::string& address);
  // Milliseconds until the first of `keys` unlocks; 0 when none is locked.
  static Result<int64_t> LockedFor(storage::Transaction& tx, const std::vector<std::string>& keys, int64_t now);
  static Status RecordFailure(storage::Transaction& tx, const std::string& key, int64_t free_failures, int64_t now,
                              const ThrottlePolicy& p);
  static Status Clear(storage::Transaction& tx, const std::string& key);
};

}  // namespace tianshan::auth
