#pragma once
// Ending cached sessions on every server instance sharing the database: the local
// SessionCache is changed at once and the change is announced to the other instances
// (storage/instance_events.h: PostgreSQL LISTEN/NOTIFY; nothing to announce on SQLite), which
// apply it with ApplySessionEvent within a round trip or two instead of their cache time.

#include <cstdint>
#include <string>
#include <string_view>

#include "auth/session_cache.h"
#include "storage/database.h"

namespace tianshan::auth {

// The session `digest` ended (its row is deleted, or being deleted by the running transaction:
// the cache keeps a tombstone, so an early announcement cannot let the old row back in).
void ForgetSession(SessionCache* cache, storage::Database& db, const std::string& digest, int64_t now);
// Every cached session must be read again (grants or organization paths changed): call once
// the change has committed.
void ForgetAllSessions(SessionCache* cache, storage::Database& db);
// Applies what another instance announced; false when `payload` is not a session event.
bool ApplySessionEvent(SessionCache& cache, std::string_view payload, int64_t now);

}  // namespace tianshan::auth
