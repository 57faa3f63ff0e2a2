#include "auth/account_repository.h"

namespace tianshan::auth {
namespace {

constexpr const char* kColumns = "id, login, phone, display_name, password_hash, person_id, status";

AccountRecord FromRow(const storage::Row& r) {
  return {r.Int(0), r.Text(1), r.OptText(2), r.Text(3), r.Text(4), r.OptInt(5), r.Text(6)};
}

bool LooksLikePhone(const std::string& s) {
  return s.size() == 11 && s[0] == '1' && s.find_first_not_of("0123456789") == std::string::npos;
}

}  // namespace

Result<std::optional<AccountRecord>> AccountRepository::FindByLoginOrPhone(storage::Transaction& tx,
                                                                          const std::string& login) {
  std::string sql = std::string("SELECT ") + kColumns + " FROM auth_accounts WHERE " +
                    (LooksLikePhone(login) ? "phone = ?" : "login = ?");
  auto row = tx.QueryOne(sql, {login});
  if (!row.ok()) return row.status();
  if (!row->has_value()) return std::optional<AccountRecord>();
  return std::optional<AccountRecord>(FromRow(**row));
}

Result<std::optional<AccountRecord>> AccountRepository::FindById(storage::Transaction& tx, int64_t id) {
  auto row = tx.QueryOne(std::string("SELECT ") + kColumns + " FROM auth_accounts WHERE id = ?", {id});
  if (!row.ok()) return row.status();
  if (!row->has_value()) return std::optional<AccountRecord>();
  return std::optional<AccountRecord>(FromRow(**row));
}

Result<int64_t> AccountRepository::Insert(storage::Transaction& tx, const AccountRecord& a, bool is_demo, int64_t now) {
  auto rows = tx.Query(
      "INSERT INTO auth_accounts (login, phone, display_name, password_hash, person_id, status, is_demo, created_at, "
      "updated_at) VALUES (?, ?, ?, ?, ?, 'active', ?, ?, ?) RETURNING id",
      {a.login, a.phone, a.display_name, a.password_hash, a.person_id, is_demo ? 1 : 0, now, now});
  if (!rows.ok()) return rows.status();
  return (*rows)[0].Int(0);
}

Status AccountRepository::SetPassword(storage::Transaction& tx, int64_t id, const std::string& hash, int64_t now) {
  return tx.Execute("UPDATE auth_accounts SET password_hash = ?, updated_at = ? WHERE id = ?", {hash, now, id}).status();
}

Result<std::vector<GrantRecord>> AccountRepository::Grants(storage::Transaction& tx, int64_t account_id) {
  auto rows = tx.Query("SELECT organization_id, role FROM auth_grants WHERE account_id = ? ORDER BY id", {account_id});
  if (!rows.ok()) return rows.status();
  std::vector<GrantRecord> out;
  for (const auto& r : *rows) {
    if (auto role = ParseRole(r.Text(1))) out.push_back({r.Int(0), *role});
  }
  return out;
}

Status AccountRepository::AddGrant(storage::Transaction& tx, int64_t account_id, int64_t organization_id, Role role,
                                   int64_t now) {
  return tx
      .Execute("INSERT INTO auth_grants (account_id, organization_id, role, created_at) VALUES (?, ?, ?, ?)",
               {account_id, organization_id, RoleName(role), now})
      .status();
}

Result<int64_t> AccountRepository::CountDemoAccounts(storage::Transaction& tx) {
  auto row = tx.QueryOne("SELECT COUNT(*) FROM auth_accounts WHERE is_demo = 1");
  if (!row.ok()) return row.status();
  return (*row)->Int(0);
}

}  // namespace tianshan::auth
