#pragma once
// Argon2id password hashing (libsodium crypto_pwhash_str) on a small bounded worker pool, so
// that hashing (≈140 ms at INTERACTIVE cost) never runs on an I/O thread.
//
// Submit*() queue work and return false at once when the queue is full (the caller answers 503).
// Hashing threads run at a lower CPU priority (nice 10), so that a storm of logins slows other
// logins, not the I/O threads; callbacks (which write sessions to the database) run on one
// completion thread at normal priority, so a starved hashing thread never holds a database
// lock. The *Now() variants block the calling thread (CLI, demo).
// Verification reads the cost from the stored hash, so hashes of any cost verify.

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/result.h"

namespace tianshan::auth {

enum class HashCost { kInteractive, kFast };

class PasswordHasher {
 public:
  PasswordHasher(size_t threads, size_t max_queue, HashCost cost);
  ~PasswordHasher();
  PasswordHasher(const PasswordHasher&) = delete;
  PasswordHasher& operator=(const PasswordHasher&) = delete;

  [[nodiscard]] bool SubmitVerify(std::string password, std::string hash, std::function<void(bool)> done);
  [[nodiscard]] bool SubmitHash(std::string password, std::function<void(Result<std::string>)> done);

  Result<std::string> HashNow(std::string_view password) const;
  bool VerifyNow(std::string_view password, std::string_view hash) const;
  // A valid hash of a random password, verified against when an account does not exist so
  // that the answer takes as long either way.
  const std::string& dummy_hash() const { return dummy_hash_; }

 private:
  // A hashing job returns the callback to run on the completion thread.
  using Job = std::function<std::function<void()>()>;
  bool Enqueue(Job job);
  void Hash();
  void Complete();

  HashCost cost_;
  size_t max_queue_;
  std::string dummy_hash_;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<Job> queue_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
  std::mutex completion_mutex_;
  std::condition_variable completion_cv_;
  std::deque<std::function<void()>> completions_;
  bool hashing_done_ = false;
  std::thread completion_thread_;
};

}  // namespace tianshan::auth
