#pragma once
// Rendered public pages kept in memory, so that a shared article is rendered once per change
// rather than once per reader.
//
// Contract: an entry is served only while no write transaction of this process has ended since
// it was rendered (storage::Database::write_generation) and for at most `ttl_millis` (writes of
// other instances sharing the database); so a page never shows what a committed change of this
// process replaced. Bounded by entry count and bytes (a full cache is emptied of stale
// generations first, then cleared). Thread-safe.

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace tianshan::publishing {

struct CachedPage {
  int status = 200;
  std::string content_type;
  std::string body;
  std::string etag;           // "\"…\"", a digest of the body
  std::string last_modified;  // HTTP date, or "" when unknown
  int64_t article_id = 0;     // an article page: its views are counted on every hit
};

class PageCache {
 public:
  explicit PageCache(int64_t ttl_millis = 2000, size_t max_entries = 4096, size_t max_bytes = 64 << 20);

  std::shared_ptr<const CachedPage> Find(const std::string& key, uint64_t generation, int64_t now) const;
  // `generation` must be the write generation taken before the read that rendered `page`.
  void Put(const std::string& key, std::shared_ptr<const CachedPage> page, uint64_t generation, int64_t now);

 private:
  struct Slot {
    std::shared_ptr<const CachedPage> page;
    uint64_t generation = 0;
    int64_t read_at = 0;
  };
  int64_t ttl_millis_;
  size_t max_entries_, max_bytes_;
  size_t bytes_ = 0;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Slot> slots_;
};

// Article views, counted in memory and written in batches ("publishing.flush_views" every few
// seconds): a page view never waits for a write. A process that dies loses at most the views
// since the last flush. Thread-safe.
class ViewCounter {
 public:
  void Add(int64_t article_id);
  // Takes the counts gathered so far (the flush writes them; on failure it gives them back).
  std::unordered_map<int64_t, int64_t> Take();
  void GiveBack(const std::unordered_map<int64_t, int64_t>& counts);

 private:
  std::mutex mutex_;
  std::unordered_map<int64_t, int64_t> counts_;
};

}  // namespace tianshan::publishing
