#pragma once
// Server-side sessions, so that any server instance can serve any user. The cookie carries a
// random 256-bit token; the database holds only its digest, with the CSRF token, the account
// and the expiry (an idle limit and an absolute limit).

#include <optional>
#include <string>

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

struct SessionPolicy {
  int64_t idle_millis = 12LL * 3600 * 1000;
  int64_t max_millis = 7LL * 24 * 3600 * 1000;
};

class SessionStore {
 public:
  static Result<NewSession> Create(storage::Transaction& tx, int64_t account_id, int64_t now, const SessionPolicy& p);
  // The actor of a live session, or nullopt. Refreshes last_seen at most once a minute.
  // With a cache, a session read within the cache's ttl is answered from memory.
  static Result<std::optional<Actor>> Resolve(storage::Database& db, std::string_view token, int64_t now,
                                              const SessionPolicy& p, const OrganizationDirectory* orgs,
                                              SessionCache* cache = nullptr);
  static Status Delete(storage::Transaction& tx, const std::string& token_digest);
  // Loads the account's grants with their organizations' paths and names.
  static Result<std::vector<Grant>> LoadGrants(storage::Transaction& tx, int64_t account_id,
                                               const OrganizationDirectory* orgs);
};

}  // namespace tianshan::auth
