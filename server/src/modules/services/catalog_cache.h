#pragma once
// The public catalog's pages as guests see them, kept in memory until this process (or, on
// PostgreSQL, any instance: the shared write generation) next writes anything. A sign-up day
// reads the catalog far more often than anyone changes it, and a guest's page depends only on
// its query and language, so a hit is answered on the I/O thread without the database
// (http::AnswerFromCache). Signed-in callers are not cached (their answer carries `can`).
//
// The generation is read before the page is: a write that commits while the page is read moves
// the generation, so the page is stored under the old one and never served as current.
// Thread-safe; at most kMaxPages pages (then it starts over).

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace tianshan::services {

class CatalogCache {
 public:
  static constexpr size_t kMaxPages = 2000;

  std::optional<std::string> Find(const std::string& key, uint64_t generation) const {
    std::lock_guard lock(mu_);
    if (generation != generation_) return std::nullopt;
    auto it = pages_.find(key);
    if (it == pages_.end()) return std::nullopt;
    return it->second;
  }
  void Put(const std::string& key, uint64_t generation, std::string json) {
    std::lock_guard lock(mu_);
    if (generation < generation_) return;  // read before a newer write: already stale
    if (generation != generation_ || pages_.size() >= kMaxPages) {
      pages_.clear();
      generation_ = generation;
    }
    pages_[key] = std::move(json);
  }

 private:
  mutable std::mutex mu_;
  uint64_t generation_ = 0;
  std::unordered_map<std::string, std::string> pages_;
};

}  // namespace tianshan::services
