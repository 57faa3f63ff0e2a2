#include "auth/login_throttle.h"

#include <algorithm>
#include <cctype>

namespace tianshan::auth {

std::string LoginThrottle::LoginKey(const std::string& login) {
  std::string lower = login;
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return "login:" + lower;
}

std::string LoginThrottle::AddressKey(const std::string& address) { return "ip:" + address; }

Result<int64_t> LoginThrottle::LockedFor(storage::Transaction& tx, const std::vector<std::string>& keys, int64_t now) {
  int64_t wait = 0;
  for (const auto& key : keys) {
    auto row = tx.QueryOne("SELECT locked_until FROM auth_login_failures WHERE throttle_key = ?", {key});
    if (!row.ok()) return row.status();
    if (row->has_value()) wait = std::max(wait, (*row)->Int(0) - now);
  }
  return std::max<int64_t>(0, wait);
}

Status LoginThrottle::RecordFailure(storage::Transaction& tx, const std::string& key, int64_t free_failures,
                                    int64_t now, const ThrottlePolicy& p) {
  // Atomic increment (no lost updates under concurrent failures on either database).
  TS_RETURN_IF_ERROR(tx.Execute(
      "INSERT INTO auth_login_failures (throttle_key, failures, window_start, locked_until) VALUES (?, 0, ?, 0) "
      "ON CONFLICT (throttle_key) DO NOTHING",
      {key, now}));
  auto row = tx.QueryOne(
      "UPDATE auth_login_failures SET "
      "failures = CASE WHEN window_start + ? > ? THEN failures + 1 ELSE 1 END, "
      "window_start = CASE WHEN window_start + ? > ? THEN window_start ELSE ? END "
      "WHERE throttle_key = ? RETURNING failures",
      {p.window_millis, now, p.window_millis, now, now, key});
  if (!row.ok()) return row.status();
  int64_t failures = row->has_value() ? (*row)->Int(0) : 1;
  if (failures < free_failures) return Status::Ok();
  int64_t doublings = std::min<int64_t>(failures - free_failures, 20);
  int64_t locked_until = now + std::min(p.max_lock_millis, p.base_lock_millis << doublings);
  return tx.Execute("UPDATE auth_login_failures SET locked_until = ? WHERE throttle_key = ?", {locked_until, key})
      .status();
}

Status LoginThrottle::Clear(storage::Transaction& tx, const std::string& key) {
  return tx.Execute("DELETE FROM auth_login_failures WHERE throttle_key = ?", {key}).status();
}

}  // namespace tianshan::auth
