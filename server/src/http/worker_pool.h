#pragma once
// The bounded pool of threads on which requests that touch the database run, so that the I/O
// threads only parse, route and write. Its size is the caller's (app/app.cc DefaultWorkers: the
// database's connection pool, more on SQLite for group commit), and the queue in front of the
// workers is bounded so that an overloaded server answers 503 at once instead of queuing
// without limit (a queued request still pays for its wait; a rejected one can go elsewhere).
//
// Thread-safe. Submit() returns false (and runs nothing) when the queue is full or the pool is
// stopping. Stop() runs the work already queued, then joins the threads; the destructor calls
// it. Only the first call waits for the threads: a later or concurrent one returns at once.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace tianshan::http {

class WorkerPool {
 public:
  // `threads` at least 1; `max_queue` jobs may wait (0: a job is taken only by an idle worker).
  WorkerPool(size_t threads, size_t max_queue);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  [[nodiscard]] bool Submit(std::function<void()> job);
  void Stop();

  size_t threads() const { return threads_.size(); }
  size_t max_queue() const { return max_queue_; }
  // Jobs waiting or running right now, and jobs refused since the start (for /metrics).
  size_t in_flight() const;
  uint64_t rejected() const { return rejected_.load(std::memory_order_relaxed); }
  // Jobs started since the start, and their summed time waiting in the queue and running, in
  // microseconds (for /metrics: the mean wait against the mean run time tells how much of a
  // request's latency is queueing).
  uint64_t started() const { return started_.load(std::memory_order_relaxed); }
  uint64_t waited_micros() const { return waited_micros_.load(std::memory_order_relaxed); }
  uint64_t ran_micros() const { return ran_micros_.load(std::memory_order_relaxed); }

 private:
  void Work();

  size_t max_queue_;
  mutable std::mutex mutex_;
  std::condition_variable cv_;
  struct Job {
    std::function<void()> run;
    std::chrono::steady_clock::time_point queued_at;
  };
  std::deque<Job> queue_;
  size_t idle_ = 0;
  size_t running_ = 0;
  bool stopping_ = false;
  std::atomic<uint64_t> rejected_{0};
  std::atomic<uint64_t> started_{0};
  std::atomic<uint64_t> waited_micros_{0};
  std::atomic<uint64_t> ran_micros_{0};
  std::vector<std::thread> threads_;
};

}  // namespace tianshan::http
