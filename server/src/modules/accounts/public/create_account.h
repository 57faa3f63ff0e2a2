#pragma once
// CreateAccount: a login account with an Argon2id password and its role grants.
// Used by `tianshan create-admin`, the demo loader and (later) the accounts API.
// A grant on organization 0 covers every organization (platform administrator).

#include <optional>
#include <string>
#include <vector>

#include "auth/actor.h"
#include "kit/module.h"

namespace tianshan::auth {

inline constexpr int64_t kAllOrganizations = 0;

// The length a password chosen by a person must have, in characters (ASVS 2.1.1 and 2.1.2: at
// least 12, and a long passphrase up to 128 is welcome; longer ones are refused). Passwords set
// before the 128 rule may be up to 200: a current password is read up to kMaxStoredPasswordChars.
inline constexpr size_t kMinPasswordChars = 12;
inline constexpr size_t kMaxPasswordChars = 128;
inline constexpr size_t kMaxStoredPasswordChars = 200;

struct NewAccount {
  std::string login;
  std::optional<std::string> phone;
  std::string display_name;
  std::string password;
  std::optional<int64_t> person_id;
  std::vector<std::pair<int64_t, Role>> grants;  // organization id, role
  bool is_demo = false;
};

// Validates (login 3–40 of [a-z0-9._-], password at least 10 characters, phone shape),
// hashes on the calling thread, inserts, records an audit entry. Conflict when the login or
// phone is taken.
Result<int64_t> CreateAccount(AppContext& ctx, const NewAccount& account, std::optional<int64_t> actor_account_id);

}  // namespace tianshan::auth
