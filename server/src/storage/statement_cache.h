#pragma once
// StatementCache: the prepared statements of one driver connection, keyed by their SQL text,
// bounded, least recently used first out. Both drivers keep one per connection (SQLite: the
// sqlite3_stmt*; PostgreSQL: the server-side statement's name), so a statement is prepared
// (parsed and, on PostgreSQL, planned generically) once per connection and reused by every later
// transaction on it. A reconnect is a new connection and so starts with an empty cache.
//
// Why bounded: most SQL texts are fixed, but a few are built per request (an `IN (?, ?, …)` list
// as long as the caller's ids, one `OR` per scope path), so the set of texts a long-running
// process sees has no fixed size; every entry holds driver memory (and, on PostgreSQL, memory in
// the server backend).
//
// The cache only keeps handles: Insert() and Erase() hand back the handles that left it, and the
// owner releases them (sqlite3_finalize, DEALLOCATE). Not thread-safe: a connection, and so its
// cache, is used by one thread at a time.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace tianshan::storage {

// Counters of the statement caches of a database's connections, summed (for /metrics and tests).
struct StatementCacheStats {
  uint64_t hits = 0;       // a statement found prepared on its connection
  uint64_t prepares = 0;   // statements prepared (a miss)
  uint64_t evictions = 0;  // statements released because the cache was full
  uint64_t replans = 0;    // PostgreSQL: statements prepared again after a schema change
};

// The same, counted by every connection of one database (each adds from its own thread).
struct StatementCounters {
  std::atomic<uint64_t> hits{0}, prepares{0}, evictions{0}, replans{0};
  void Count(std::atomic<uint64_t>& counter) { counter.fetch_add(1, std::memory_order_relaxed); }
  StatementCacheStats Load() const {
    return {hits.load(std::memory_order_relaxed), prepares.load(std::memory_order_relaxed),
            evictions.load(std::memory_order_relaxed), replans.load(std::memory_order_relaxed)};
  }
};

template <typename Handle>
class StatementCache {
 public:
  // The default bound: far above the number of fixed texts of all modules together (a few
  // hundred), so a steady workload never evicts.
  static constexpr size_t kDefaultCapacity = 1024;

  explicit StatementCache(size_t capacity = kDefaultCapacity) : capacity_(capacity == 0 ? 1 : capacity) {}
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;

  // The handle prepared for `sql`, marked as most recently used; nullptr when not cached.
  Handle* Find(std::string_view sql) {
    auto it = index_.find(sql);
    if (it == index_.end()) return nullptr;
    entries_.splice(entries_.begin(), entries_, it->second);
    return &it->second->second;
  }

  // Caches `handle` for `sql` (which must not be cached). Returns the handle pushed out to stay
  // within the bound, if one was: the caller releases it.
  [[nodiscard]] std::optional<Handle> Insert(std::string sql, Handle handle) {
    entries_.emplace_front(std::move(sql), std::move(handle));
    index_.emplace(std::string_view(entries_.front().first), entries_.begin());
    if (entries_.size() <= capacity_) return std::nullopt;
    auto& last = entries_.back();
    Handle out = std::move(last.second);
    index_.erase(std::string_view(last.first));
    entries_.pop_back();
    return out;
  }

  // Forgets `sql`; returns its handle for the caller to release, nullopt when it was not cached.
  [[nodiscard]] std::optional<Handle> Erase(std::string_view sql) {
    auto it = index_.find(sql);
    if (it == index_.end()) return std::nullopt;
    auto entry = it->second;
    Handle out = std::move(entry->second);
    index_.erase(it);
    entries_.erase(entry);
    return out;
  }

  // Forgets everything; returns every handle for the caller to release.
  [[nodiscard]] std::vector<Handle> Clear() {
    std::vector<Handle> out;
    out.reserve(entries_.size());
    for (auto& e : entries_) out.push_back(std::move(e.second));
    index_.clear();
    entries_.clear();
    return out;
  }

  size_t size() const { return entries_.size(); }
  size_t capacity() const { return capacity_; }

 private:
  using Entries = std::list<std::pair<std::string, Handle>>;
  size_t capacity_;
  Entries entries_;  // most recently used first; the keys of index_ point into these strings
  std::unordered_map<std::string_view, typename Entries::iterator> index_;
};

}  // namespace tianshan::storage
