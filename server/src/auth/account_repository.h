#pragma once
// SQL for accounts, grants and sessions (bound parameters only).

#include <optional>
#include <string>
#include <vector>

#include "auth/actor.h"
#include "core/result.h"
#include "storage/database.h"

namespace tianshan::auth {

struct AccountRecord {
  int64_t id = 0;
  std::string login;
  std::optional<std::string> phone;
  std::string display_name;
  std::string password_hash;
  std::optional<int64_t> person_id;
  std::string status;
};

struct GrantRecord {
  int64_t organization_id = 0;
  Role role = Role::kYouth;
};

class AccountRepository {
 public:
  // By login name or, when `login` looks like a phone number, by phone.
  static Result<std::optional<AccountRecord>> FindByLoginOrPhone(storage::Transaction& tx, const std::string& login);
  static Result<std::optional<AccountRecord>> FindById(storage::Transaction& tx, int64_t id);
  static Result<int64_t> Insert(storage::Transaction& tx, const AccountRecord& a, bool is_demo, int64_t now);
  static Status SetPassword(storage::Transaction& tx, int64_t id, const std::string& hash, int64_t now);
  static Result<std::vector<GrantRecord>> Grants(storage::Transaction& tx, int64_t account_id);
  static Status AddGrant(storage::Transaction& tx, int64_t account_id, int64_t organization_id, Role role, int64_t now);
  static Result<int64_t> CountDemoAccounts(storage::Transaction& tx);
  // Active accounts holding one of `roles` on the first organization of `organization_ids`
  // (nearest first, e.g. an organization then its ancestors upwards) that has any such
  // account: "whoever answers for it", without notifying every level above it.
  static Result<std::vector<int64_t>> NearestHolders(storage::Transaction& tx,
                                                     const std::vector<int64_t>& organization_ids,
                                                     const std::vector<Role>& roles);
  // Active accounts of a person (usually one).
  static Result<std::vector<int64_t>> AccountsOfPerson(storage::Transaction& tx, int64_t person_id);
};

}  // namespace tianshan::auth
