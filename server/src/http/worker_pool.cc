#include "http/worker_pool.h"

#include <algorithm>

namespace tianshan::http {

WorkerPool::WorkerPool(size_t threads, size_t max_queue) : max_queue_(max_queue) {
  threads = std::max<size_t>(1, threads);
  threads_.reserve(threads);
  for (size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { Work(); });
}

WorkerPool::~WorkerPool() { Stop(); }

bool WorkerPool::Submit(std::function<void()> job) {
  {
    std::lock_guard lock(mutex_);
    // Workers not running a job take one at once (counted by running_, not by who is already
    // waiting: right after the start no thread may be waiting yet); beyond them, at most
    // max_queue_ jobs wait.
    // (Stopping is checked first: threads_ is Stop()'s once it has begun.)
    if (stopping_ || queue_.size() + 1 > threads_.size() - running_ + max_queue_) {
      rejected_.fetch_add(1, std::memory_order_relaxed);
      return false;
    }
    queue_.push_back({std::move(job), std::chrono::steady_clock::now()});
  }
  cv_.notify_one();
  return true;
}

void WorkerPool::Stop() {
  // The threads are taken under the lock: a Submit() racing the stop reads threads_ only
  // before stopping_ is set, and a second Stop() finds none left to join.
  std::vector<std::thread> threads;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    threads.swap(threads_);
  }
  cv_.notify_all();
  for (auto& t : threads) t.join();  // each finishes the queued work first
}

size_t WorkerPool::in_flight() const {
  std::lock_guard lock(mutex_);
  return queue_.size() + running_;
}

void WorkerPool::Work() {
  std::unique_lock lock(mutex_);
  while (true) {
    ++idle_;
    cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    --idle_;
    if (queue_.empty()) return;
    auto job = std::move(queue_.front().run);
    const auto queued_at = queue_.front().queued_at;
    queue_.pop_front();
    ++running_;
    lock.unlock();
    const auto started_at = std::chrono::steady_clock::now();
    job();
    job = nullptr;  // release what the job captured before taking the next one
    const auto micros = [](auto d) {
      return static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::microseconds>(d).count());
    };
    waited_micros_.fetch_add(micros(started_at - queued_at), std::memory_order_relaxed);
    ran_micros_.fetch_add(micros(std::chrono::steady_clock::now() - started_at), std::memory_order_relaxed);
    started_.fetch_add(1, std::memory_order_relaxed);
    lock.lock();
    --running_;
  }
}

}  // namespace tianshan::http
