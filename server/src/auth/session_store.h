#pragma once
// Server-side sessions, so that any server instance can serve any user. The cookie carries a
// random 256-bit token; the database holds only its digest, with the CSRF token, the account
// and the expiry (an idle limit and an absolute limit).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/actor.h"
#include "auth/organization_directory.h"
#include "auth/session_cache.h"
#include "core/result.h"
#include "storage/database.h"

namespace tianshan::auth {

struct NewSession {
  std::string token;  // goes into the cookie, nowhere else
  std::string csrf_token;
  int64_t expires_at = 0;
};

// One live session of an account as its owner sees it: never the token or its full digest.
struct SessionSummary {
  std::string id;  // the first 16 hex digits of the token's digest: names the row, opens nothing
  int64_t created_at = 0;
  int64_t last_seen_at = 0;
  int64_t expires_at = 0;
  std::string user_agent;  // as the browser sent it at login (truncated); empty when unknown
  bool current = false;
};

struct SessionPolicy {
  int64_t idle_millis = 12LL * 3600 * 1000;
  int64_t max_millis = 7LL * 24 * 3600 * 1000;
};

class SessionStore {
 public:
  static Result<NewSession> Create(storage::Transaction& tx, int64_t account_id, int64_t now, const SessionPolicy& p,
                                   std::string_view user_agent = {});
  // The actor of a live session, or nullopt. Refreshes last_seen at most once a minute.
  // With a cache, a session read within the cache's ttl is answered from memory.
  static Result<std::optional<Actor>> Resolve(storage::Database& db, std::string_view token, int64_t now,
                                              const SessionPolicy& p, const OrganizationDirectory* orgs,
                                              SessionCache* cache = nullptr);
  // Resolve from the cache alone, never blocking: nullopt when the database must be asked (no
  // fresh entry, or a last-seen refresh is due); otherwise what Resolve would answer.
  static std::optional<std::optional<Actor>> ResolveCached(std::string_view token, int64_t now, const SessionPolicy& p,
                                                           const SessionCache* cache);
  static Status Delete(storage::Transaction& tx, const std::string& token_digest);
  // The account's live sessions, newest first; `current_digest` marks the caller's own.
  static Result<std::vector<SessionSummary>> ListLive(storage::Transaction& tx, int64_t account_id, int64_t now,
                                                      const SessionPolicy& p, const std::string& current_digest);
  // The digest of the account's session named `id` (SessionSummary::id), or nullopt: a session
  // of another account is not found.
  static Result<std::optional<std::string>> FindDigest(storage::Transaction& tx, int64_t account_id,
                                                       std::string_view id);
  // Deletes every session of the account but `keep_digest`; returns the deleted digests (for
  // the session cache).
  static Result<std::vector<std::string>> DeleteOthers(storage::Transaction& tx, int64_t account_id,
                                                       const std::string& keep_digest);
  static std::string IdOf(std::string_view token_digest) { return std::string(token_digest.substr(0, 16)); }
  // Loads the account's grants with their organizations' paths and names.
  static Result<std::vector<Grant>> LoadGrants(storage::Transaction& tx, int64_t account_id,
                                               const OrganizationDirectory* orgs);
};

}  // namespace tianshan::auth
