#include "modules/notifications/live_updates.h"

#include <chrono>

#include "core/log.h"
#include "modules/notifications/notification_repository.h"

namespace tianshan::notifications {

LiveUpdates::~LiveUpdates() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void LiveUpdates::Subscribe(int64_t account_id, std::shared_ptr<http::EventStream> stream) {
  {
    std::lock_guard lock(mutex_);
    streams_.emplace(account_id, std::move(stream));
    changed_.insert(account_id);
    if (!thread_.joinable() && !stopping_) thread_ = std::thread([this] { Loop(); });
  }
  wake_.notify_all();
}

void LiveUpdates::Changed(const std::vector<int64_t>& accounts) {
  {
    std::lock_guard lock(mutex_);
    bool any = false;
    for (int64_t a : accounts) {
      if (streams_.count(a) > 0) {
        changed_.insert(a);
        any = true;
      }
    }
    if (!any) return;
  }
  wake_.notify_all();
}

size_t LiveUpdates::open_streams() const {
  std::lock_guard lock(mutex_);
  return streams_.size();
}

void LiveUpdates::Loop() {
  constexpr auto kHeartbeat = std::chrono::seconds(20);
  auto next_heartbeat = std::chrono::steady_clock::now() + kHeartbeat;
  while (true) {
    std::set<int64_t> changed;
    {
      std::unique_lock lock(mutex_);
      wake_.wait_until(lock, next_heartbeat, [this] { return stopping_ || !changed_.empty(); });
      if (stopping_) return;
      changed.swap(changed_);
    }
    if (!changed.empty()) SendCounts(changed);
    if (std::chrono::steady_clock::now() >= next_heartbeat) {
      Heartbeat();
      next_heartbeat = std::chrono::steady_clock::now() + kHeartbeat;
    }
  }
}

void LiveUpdates::SendCounts(const std::set<int64_t>& accounts) {
  for (int64_t account : accounts) {
    auto count = db_.Read([&](storage::Transaction& tx) { return CountUnread(tx, account); });
    if (!count.ok()) {
      AppLog().warn("live notifications: {}", count.status().detail());
      continue;
    }
    const std::string data = "{\"unread\":" + std::to_string(*count) + "}";
    std::lock_guard lock(mutex_);
    auto [first, last] = streams_.equal_range(account);
    for (auto it = first; it != last;) {
      it = it->second->Send("unread", data) ? std::next(it) : streams_.erase(it);
    }
  }
}

void LiveUpdates::Heartbeat() {
  std::lock_guard lock(mutex_);
  for (auto it = streams_.begin(); it != streams_.end();) {
    it = it->second->Comment("keep-alive") ? std::next(it) : streams_.erase(it);
  }
}

}  // namespace tianshan::notifications
