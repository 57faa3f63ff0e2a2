#pragma once
// Recently resolved sessions, so that the requests of one page view read the session and its
// grants from the database once instead of once per request.
//
// Contract: an entry is used for at most `ttl_millis` after it was read from the database;
// after that the database decides again. Changes made by this process that affect an actor —
// logout (Erase), subtree moves and grant or account changes (Clear) — take effect at once;
// changes made by another server instance sharing the database take effect within the ttl.
// Staleness can only narrow access: paths in cached grants belong to organizations whose rows
// moved away, never to rows that moved in. Thread-safe.

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "auth/actor.h"

namespace tianshan::auth {

struct CachedSession {
  std::shared_ptr<const Actor> actor;
  int64_t last_seen_at = 0;  // as stored in the database (refreshed at most once a minute)
  int64_t expires_at = 0;    // absolute limit
};

class SessionCache {
 public:
  // ttl_millis 0 disables the cache (every Find misses). `capacity` bounds the entries kept.
  explicit SessionCache(int64_t ttl_millis, size_t capacity = 65536);

  // A fresh entry; its `actor` is null when the session was erased (logged out).
  std::optional<CachedSession> Find(const std::string& digest, int64_t now) const;
  void Put(const std::string& digest, CachedSession session, int64_t now);
  // Records a last_seen refresh written to the database, keeping the entry's read time.
  void Touch(const std::string& digest, int64_t last_seen_at);
  // The session no longer exists (its row was deleted by this process).
  void Erase(const std::string& digest, int64_t now);
  void Clear();
  int64_t ttl_millis() const { return ttl_millis_; }

 private:
  struct Entry {
    CachedSession session;
    int64_t read_at = 0;
  };
  struct Shard {
    mutable std::mutex mutex;
    std::unordered_map<std::string, Entry> entries;
  };
  static constexpr size_t kShards = 16;
  Shard& ShardOf(const std::string& digest) const;

  int64_t ttl_millis_;
  size_t shard_capacity_;
  mutable std::array<Shard, kShards> shards_;
};

}  // namespace tianshan::auth
