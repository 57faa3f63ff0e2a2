#include "auth/session_cache.h"

#include <functional>

namespace tianshan::auth {

SessionCache::SessionCache(int64_t ttl_millis, size_t capacity)
    : ttl_millis_(ttl_millis), shard_capacity_(std::max<size_t>(1, capacity / kShards)) {}

SessionCache::Shard& SessionCache::ShardOf(const std::string& digest) const {
  return shards_[std::hash<std::string>{}(digest) % kShards];
}

std::optional<CachedSession> SessionCache::Find(const std::string& digest, int64_t now) const {
  if (ttl_millis_ <= 0) return std::nullopt;
  Shard& shard = ShardOf(digest);
  std::lock_guard lock(shard.mutex);
  auto it = shard.entries.find(digest);
  // `now < read_at` happens only when a test clock moves backwards; treat it as stale too.
  if (it == shard.entries.end() || now >= it->second.read_at + ttl_millis_ || now < it->second.read_at) {
    return std::nullopt;
  }
  return it->second.session;
}

void SessionCache::Put(const std::string& digest, CachedSession session, int64_t now) {
  if (ttl_millis_ <= 0) return;
  Shard& shard = ShardOf(digest);
  std::lock_guard lock(shard.mutex);
  auto existing = shard.entries.find(digest);
  if (existing != shard.entries.end() && !existing->second.session.actor && now < existing->second.read_at + ttl_millis_) {
    return;  // logged out while this read was in flight
  }
  if (shard.entries.size() >= shard_capacity_ && existing == shard.entries.end()) {
    // Drop what has gone stale; if everything is fresh, start the shard over.
    std::erase_if(shard.entries, [&](const auto& e) { return now >= e.second.read_at + ttl_millis_; });
    if (shard.entries.size() >= shard_capacity_) shard.entries.clear();
  }
  shard.entries.insert_or_assign(digest, Entry{std::move(session), now});
}

void SessionCache::Touch(const std::string& digest, int64_t last_seen_at) {
  Shard& shard = ShardOf(digest);
  std::lock_guard lock(shard.mutex);
  auto it = shard.entries.find(digest);
  if (it != shard.entries.end()) it->second.session.last_seen_at = last_seen_at;
}

void SessionCache::Erase(const std::string& digest, int64_t now) {
  if (ttl_millis_ <= 0) return;
  Shard& shard = ShardOf(digest);
  std::lock_guard lock(shard.mutex);
  // A tombstone, so that a read that began before the logout cannot put the session back.
  shard.entries.insert_or_assign(digest, Entry{CachedSession{}, now});
}

void SessionCache::Clear() {
  for (auto& shard : shards_) {
    std::lock_guard lock(shard.mutex);
    shard.entries.clear();
  }
}

}  // namespace tianshan::auth
