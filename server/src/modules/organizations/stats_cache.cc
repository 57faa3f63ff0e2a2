#include "modules/organizations/stats_cache.h"

namespace tianshan::organizations {

StatsCache::StatsCache(int64_t ttl_millis, size_t capacity) : ttl_millis_(ttl_millis), capacity_(capacity) {}

std::shared_ptr<const StatsCache::Entry> StatsCache::Find(int64_t organization_id, uint64_t generation,
                                                          int64_t now) const {
  std::lock_guard lock(mutex_);
  auto it = slots_.find(organization_id);
  if (it == slots_.end()) return nullptr;
  const Slot& s = it->second;
  if (s.generation != generation || now >= s.read_at + ttl_millis_ || now < s.read_at) return nullptr;
  return s.entry;
}

void StatsCache::Put(int64_t organization_id, std::shared_ptr<const Entry> entry, uint64_t generation, int64_t now) {
  if (ttl_millis_ <= 0) return;
  std::lock_guard lock(mutex_);
  if (slots_.size() >= capacity_ && !slots_.contains(organization_id)) {
    std::erase_if(slots_, [&](const auto& kv) { return kv.second.generation != generation; });
    if (slots_.size() >= capacity_) slots_.clear();
  }
  slots_.insert_or_assign(organization_id, Slot{std::move(entry), generation, now});
}

}  // namespace tianshan::organizations
