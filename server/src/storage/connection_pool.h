#pragma once
// A bounded pool of driver connections. Acquire() blocks while all are in use; connections are
// created lazily up to the bound by `factory`. Thread-safe.

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "core/result.h"

namespace tianshan::storage {

template <typename Conn>
class ConnectionPool {
 public:
  using Factory = std::function<Result<std::unique_ptr<Conn>>()>;
  ConnectionPool(size_t max_size, Factory factory) : max_size_(max_size), factory_(std::move(factory)) {}

  class Lease {
   public:
    Lease(ConnectionPool* pool, std::unique_ptr<Conn> conn) : pool_(pool), conn_(std::move(conn)) {}
    Lease(Lease&&) noexcept = default;
    Lease& operator=(Lease&&) noexcept = default;
    ~Lease() {
      if (conn_) pool_->Release(std::move(conn_), discard_);
    }
    Conn* operator->() const { return conn_.get(); }
    Conn& operator*() const { return *conn_; }
    // The connection is broken: close it instead of returning it to the pool.
    void Discard() { discard_ = true; }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<Conn> conn_;
    bool discard_ = false;
  };

  // Closes every idle connection (the server behind them restarted: they are all broken); the
  // next Acquire() connects afresh.
  void DiscardIdle() {
    std::lock_guard lock(mutex_);
    created_ -= idle_.size();
    idle_.clear();
    cv_.notify_all();
  }

  Result<Lease> Acquire() {
    std::unique_lock lock(mutex_);
    cv_.wait(lock, [&] { return !idle_.empty() || created_ < max_size_; });
    if (!idle_.empty()) {
      auto conn = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(conn));
    }
    ++created_;
    lock.unlock();
    auto made = factory_();
    if (!made.ok()) {
      std::lock_guard relock(mutex_);
      --created_;
      cv_.notify_one();
      return made.status();
    }
    return Lease(this, std::move(made).value());
  }

 private:
  void Release(std::unique_ptr<Conn> conn, bool discard) {
    std::lock_guard lock(mutex_);
    if (discard) {
      --created_;
    } else {
      idle_.push_back(std::move(conn));
    }
    cv_.notify_one();
  }

  size_t max_size_;
  Factory factory_;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Conn>> idle_;
  size_t created_ = 0;
};

}  // namespace tianshan::storage
