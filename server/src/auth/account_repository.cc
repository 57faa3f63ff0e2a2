#include "auth/account_repository.h"

#include <algorithm>

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
  return tx.Execute("UPDATE auth_accounts SET password_hash = ?, updated_at = ? WHERE id = ?", {hash, now, id})
      .status();
}

Result<std::vector<GrantRecord>> AccountRepository::Grants(storage::Transaction& tx, int64_t account_id) {
  // In grant order (id), sorted here: the (account, organization, role) index answers the query
  // alone, and ORDER BY id would make SQLite sort in a temporary b-tree on every session read.
  auto rows = tx.Query("SELECT id, organization_id, role FROM auth_grants WHERE account_id = ?", {account_id});
  if (!rows.ok()) return rows.status();
  std::vector<std::pair<int64_t, GrantRecord>> found;
  for (const auto& r : *rows) {
    if (auto role = ParseRole(r.Text("role"))) found.push_back({r.Int("id"), {r.Int("organization_id"), *role}});
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<GrantRecord> out;
  out.reserve(found.size());
  for (auto& f : found) out.push_back(f.second);
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

Result<std::vector<int64_t>> AccountRepository::NearestHolders(storage::Transaction& tx,
                                                               const std::vector<int64_t>& organization_ids,
                                                               const std::vector<Role>& roles) {
  std::vector<int64_t> out;
  if (organization_ids.empty() || roles.empty()) return out;
  std::string sql =
      "SELECT g.account_id, g.organization_id FROM auth_grants g JOIN auth_accounts a ON a.id = g.account_id "
      "WHERE a.status = 'active' AND g.role IN (";
  std::vector<storage::Param> params;
  std::vector<std::string> role_names;
  for (Role r : roles) role_names.emplace_back(RoleName(r));
  for (size_t i = 0; i < role_names.size(); ++i) {
    sql += i ? ", ?" : "?";
    params.emplace_back(role_names[i]);
  }
  sql += ") AND g.organization_id IN (";
  for (size_t i = 0; i < organization_ids.size(); ++i) {
    sql += i ? ", ?" : "?";
    params.emplace_back(organization_ids[i]);
  }
  sql += ") ORDER BY g.account_id";
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(sql, std::span<const storage::Param>(params)));
  for (int64_t org : organization_ids) {
    for (const auto& r : rows) {
      if (r.Int("organization_id") == org) out.push_back(r.Int("account_id"));
    }
    if (!out.empty()) break;
  }
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Result<std::vector<int64_t>> AccountRepository::AccountsOfPerson(storage::Transaction& tx, int64_t person_id) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT id FROM auth_accounts WHERE person_id = ? AND status = 'active' "
                                          "ORDER BY id",
                                          {person_id}));
  std::vector<int64_t> out;
  for (const auto& r : rows) out.push_back(r.Int("id"));
  return out;
}

}  // namespace tianshan::auth
