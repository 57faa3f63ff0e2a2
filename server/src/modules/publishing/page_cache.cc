#include "modules/publishing/page_cache.h"

#include <utility>

namespace tianshan::publishing {

PageCache::PageCache(int64_t ttl_millis, size_t max_entries, size_t max_bytes)
    : ttl_millis_(ttl_millis), max_entries_(max_entries), max_bytes_(max_bytes) {}

std::shared_ptr<const CachedPage> PageCache::Find(const std::string& key, uint64_t generation, int64_t now) const {
  std::lock_guard lock(mutex_);
  auto it = slots_.find(key);
  if (it == slots_.end()) return nullptr;
  const Slot& s = it->second;
  if (s.generation != generation || now >= s.read_at + ttl_millis_ || now < s.read_at) return nullptr;
  return s.page;
}

void PageCache::Put(const std::string& key, std::shared_ptr<const CachedPage> page, uint64_t generation, int64_t now) {
  if (ttl_millis_ <= 0 || !page) return;
  const size_t size = page->body.size() + key.size();
  if (size > max_bytes_ / 4) return;
  std::lock_guard lock(mutex_);
  if ((slots_.size() >= max_entries_ || bytes_ + size > max_bytes_) && !slots_.contains(key)) {
    std::erase_if(slots_, [&](const auto& kv) {
      if (kv.second.generation == generation) return false;
      bytes_ -= kv.second.page->body.size() + kv.first.size();
      return true;
    });
    if (slots_.size() >= max_entries_ || bytes_ + size > max_bytes_) {
      slots_.clear();
      bytes_ = 0;
    }
  }
  if (auto it = slots_.find(key); it != slots_.end()) bytes_ -= it->second.page->body.size() + key.size();
  bytes_ += size;
  slots_.insert_or_assign(key, Slot{std::move(page), generation, now});
}

void ViewCounter::Add(int64_t article_id) {
  std::lock_guard lock(mutex_);
  ++counts_[article_id];
}

std::unordered_map<int64_t, int64_t> ViewCounter::Take() {
  std::lock_guard lock(mutex_);
  return std::exchange(counts_, {});
}

void ViewCounter::GiveBack(const std::unordered_map<int64_t, int64_t>& counts) {
  std::lock_guard lock(mutex_);
  for (const auto& [id, n] : counts) counts_[id] += n;
}

}  // namespace tianshan::publishing
