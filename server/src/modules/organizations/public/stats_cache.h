#pragma once
// Public contract of the organizations module: recently read statistics per organization, so
// that a dashboard opened by many people at once (deadline days) reads the counters once
// instead of once per request. Other modules keep their dashboards of maintained counters in
// one too (the cadres module).
//
// Contract: an entry is served only while no write transaction of this process has ended since
// it was read (storage::Database::write_generation) and for at most `ttl_millis` (writes of
// other instances sharing the database). It holds the organization's path with the JSON, so
// that every hit is still checked against the caller's grants. Thread-safe; bounded.

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace tianshan::organizations {

class StatsCache {
 public:
  struct Entry {
    std::string path;  // of the organization, for the permission check
    std::string json;  // StatsJson
  };

  explicit StatsCache(int64_t ttl_millis = 1000, size_t capacity = 20'000);

  std::shared_ptr<const Entry> Find(int64_t organization_id, uint64_t generation, int64_t now) const;
  // `generation` must be the write generation taken before the read that produced `entry`.
  void Put(int64_t organization_id, std::shared_ptr<const Entry> entry, uint64_t generation, int64_t now);

 private:
  struct Slot {
    std::shared_ptr<const Entry> entry;
    uint64_t generation = 0;
    int64_t read_at = 0;
  };
  int64_t ttl_millis_;
  size_t capacity_;
  mutable std::mutex mutex_;
  std::unordered_map<int64_t, Slot> slots_;
};

}  // namespace tianshan::organizations
