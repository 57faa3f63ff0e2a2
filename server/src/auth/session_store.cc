#include "auth/session_store.h"

#include "auth/account_repository.h"
#include "core/crypto.h"
#include "storage/plan_hint.h"

namespace tianshan::auth {
namespace {

// last_seen_at is written at most this often per session.
constexpr int64_t kTouchMillis = 60'000;
// Enough of a User-Agent to tell one's browsers apart.
constexpr size_t kUserAgentChars = 200;

// The longest prefix of `text` of at most `max_bytes` bytes that ends on a UTF-8 boundary.
std::string_view Utf8Prefix(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

}  // namespace

Result<NewSession> SessionStore::Create(storage::Transaction& tx, int64_t account_id, int64_t now,
                                        const SessionPolicy& p, std::string_view user_agent) {
  NewSession s{RandomToken(32), RandomToken(24), now + p.max_millis};
  auto inserted = tx.Execute(
      "INSERT INTO auth_sessions (token_digest, account_id, csrf_token, created_at, last_seen_at, expires_at, "
      "user_agent) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {DigestHex(s.token), account_id, s.csrf_token, now, now, s.expires_at,
       std::string(Utf8Prefix(user_agent, kUserAgentChars))});
  if (!inserted.ok()) return inserted.status();
  return s;
}

Result<std::vector<Grant>> SessionStore::LoadGrants(storage::Transaction& tx, int64_t account_id,
                                                    const OrganizationDirectory* orgs) {
  auto grants = AccountRepository::Grants(tx, account_id);
  if (!grants.ok()) return grants.status();
  std::vector<Grant> out;
  for (const auto& g : *grants) {
    Grant grant{g.organization_id, "", "", g.role};
    if (g.organization_id == 0) {
      // Platform administrator: covers every organization.
      grant.organization_path = "/";
      grant.organization_name = "*";
    } else if (orgs != nullptr) {
      auto org = orgs->Find(tx, g.organization_id);
      if (!org.ok()) return org.status();
      if (org->has_value()) {
        grant.organization_path = (*org)->path;
        grant.organization_name = (*org)->name;
      }
    }
    out.push_back(std::move(grant));
  }
  return out;
}

std::optional<std::optional<Actor>> SessionStore::ResolveCached(std::string_view token, int64_t now,
                                                                const SessionPolicy& p, const SessionCache* cache) {
  if (token.size() < 20 || token.size() > 100) return std::optional<Actor>();
  if (cache == nullptr || cache->ttl_millis() <= 0) return std::nullopt;
  auto hit = cache->Find(DigestHex(token), now);
  if (!hit) return std::nullopt;
  if (!hit->actor || hit->expires_at <= now || hit->last_seen_at + p.idle_millis <= now) {
    return std::optional<Actor>();
  }
  if (hit->last_seen_at + kTouchMillis <= now) return std::nullopt;
  return std::optional<Actor>(*hit->actor);
}

Result<std::optional<Actor>> SessionStore::Resolve(storage::Database& db, std::string_view token, int64_t now,
                                                   const SessionPolicy& p, const OrganizationDirectory* orgs,
                                                   SessionCache* cache) {
  if (token.size() < 20 || token.size() > 100) return std::optional<Actor>();
  std::string digest = DigestHex(token);
  auto live = [&](int64_t last_seen_at, int64_t expires_at) {
    return expires_at > now && last_seen_at + p.idle_millis > now;
  };
  auto touch = [&] {
    // Best effort: a lost refresh only shortens the idle window. No answer needed: on PostgreSQL
    // BEGIN, the UPDATE and COMMIT go out in one round trip (storage/plan_hint.h).
    static const std::string kTouch =
        std::string(storage::kNoAnswer) + "UPDATE auth_sessions SET last_seen_at = ? WHERE token_digest = ?";
    db.Write([&](storage::Transaction& tx) { return tx.Execute(kTouch, {now, digest}).status(); }).IgnoreError();
    if (cache != nullptr) cache->Touch(digest, now);
  };

  if (cache != nullptr) {
    if (auto hit = cache->Find(digest, now)) {
      if (!hit->actor || !live(hit->last_seen_at, hit->expires_at)) return std::optional<Actor>();
      if (hit->last_seen_at + kTouchMillis <= now) touch();
      return std::optional<Actor>(*hit->actor);
    }
  }
  CachedSession found;
  auto actor = db.Read([&](storage::Transaction& tx) -> Result<std::optional<Actor>> {
    auto row = tx.QueryOne(
        "SELECT s.account_id, s.csrf_token, s.last_seen_at, s.expires_at, a.login, a.display_name, a.person_id, "
        "a.status FROM auth_sessions s JOIN auth_accounts a ON a.id = s.account_id WHERE s.token_digest = ?",
        {digest});
    if (!row.ok()) return row.status();
    if (!row->has_value()) return std::optional<Actor>();
    const auto& r = **row;
    if (!live(r.Int(2), r.Int(3)) || r.Text(7) != "active") return std::optional<Actor>();
    found.last_seen_at = r.Int(2);
    found.expires_at = r.Int(3);
    Actor a;
    a.account_id = r.Int(0);
    a.csrf_token = r.Text(1);
    a.login = r.Text(4);
    a.display_name = r.Text(5);
    a.person_id = r.OptInt(6);
    a.session_digest = digest;
    auto grants = LoadGrants(tx, a.account_id, orgs);
    if (!grants.ok()) return grants.status();
    a.grants = std::move(*grants);
    return std::optional<Actor>(std::move(a));
  });
  if (!actor.ok() || !actor->has_value()) return actor;
  const bool stale_touch = found.last_seen_at + kTouchMillis <= now;
  if (cache != nullptr) {
    found.actor = std::make_shared<const Actor>(**actor);
    cache->Put(digest, std::move(found), now);
  }
  if (stale_touch) touch();
  return actor;
}

Status SessionStore::Delete(storage::Transaction& tx, const std::string& token_digest) {
  return tx.Execute("DELETE FROM auth_sessions WHERE token_digest = ?", {token_digest}).status();
}

Result<std::vector<SessionSummary>> SessionStore::ListLive(storage::Transaction& tx, int64_t account_id, int64_t now,
                                                           const SessionPolicy& p, const std::string& current_digest) {
  auto rows = tx.Query(
      "SELECT token_digest, created_at, last_seen_at, expires_at, user_agent FROM auth_sessions "
      "WHERE account_id = ? AND expires_at > ? AND last_seen_at > ? ORDER BY created_at DESC, token_digest",
      {account_id, now, now - p.idle_millis});
  if (!rows.ok()) return rows.status();
  std::vector<SessionSummary> out;
  out.reserve(rows->size());
  for (const auto& r : *rows) {
    const std::string digest = r.Text("token_digest");
    out.push_back({IdOf(digest), r.Int("created_at"), r.Int("last_seen_at"), r.Int("expires_at"),
                   r.OptText("user_agent").value_or(""), digest == current_digest});
  }
  return out;
}

Result<std::optional<std::string>> SessionStore::FindDigest(storage::Transaction& tx, int64_t account_id,
                                                            std::string_view id) {
  if (id.size() != 16) return std::optional<std::string>();
  // Among the account's few sessions (indexed by account), the one whose digest starts so.
  auto row =
      tx.QueryOne("SELECT token_digest FROM auth_sessions WHERE account_id = ? AND substr(token_digest, 1, 16) = ?",
                  {account_id, std::string(id)});
  if (!row.ok()) return row.status();
  if (!row->has_value()) return std::optional<std::string>();
  return std::optional<std::string>((*row)->Text("token_digest"));
}

Result<std::vector<std::string>> SessionStore::DeleteOthers(storage::Transaction& tx, int64_t account_id,
                                                            const std::string& keep_digest) {
  auto rows = tx.Query("SELECT token_digest FROM auth_sessions WHERE account_id = ? AND token_digest <> ?",
                       {account_id, keep_digest});
  if (!rows.ok()) return rows.status();
  std::vector<std::string> digests;
  for (const auto& r : *rows) digests.push_back(r.Text("token_digest"));
  auto deleted =
      tx.Execute("DELETE FROM auth_sessions WHERE account_id = ? AND token_digest <> ?", {account_id, keep_digest});
  if (!deleted.ok()) return deleted.status();
  return digests;
}

}  // namespace tianshan::auth
