#include "auth/session_events.h"

#include "storage/instance_events.h"

namespace tianshan::auth {
namespace {

constexpr std::string_view kEnded = "session-ended ";
constexpr std::string_view kAll = "sessions-changed";
constexpr std::string_view kEverything = "*";  // notifications were lost

}  // namespace

void ForgetSession(SessionCache* cache, storage::Database& db, const std::string& digest, int64_t now) {
  if (cache != nullptr) cache->Erase(digest, now);
  storage::PublishInstanceEvent(db, std::string(kEnded) + digest);
}

void ForgetAllSessions(SessionCache* cache, storage::Database& db) {
  if (cache != nullptr) cache->Clear();
  storage::PublishInstanceEvent(db, std::string(kAll));
}

bool ApplySessionEvent(SessionCache& cache, std::string_view payload, int64_t now) {
  if (payload.substr(0, kEnded.size()) == kEnded) {
    cache.Erase(std::string(payload.substr(kEnded.size())), now);
    return true;
  }
  if (payload == kAll || payload == kEverything) {
    cache.Clear();
    return true;
  }
  return false;
}

}  // namespace tianshan::auth
