#include "auth/password_hasher.h"

#include <sodium.h>
#include <sys/resource.h>
#include <unistd.h>

#include "core/crypto.h"

namespace tianshan::auth {

PasswordHasher::PasswordHasher(size_t threads, size_t max_queue, HashCost cost) : cost_(cost), max_queue_(max_queue) {
  auto dummy = HashNow(RandomToken(16));
  dummy_hash_ = dummy.ok() ? *dummy : std::string();
  for (size_t i = 0; i < std::max<size_t>(1, threads); ++i) threads_.emplace_back([this] { Hash(); });
  completion_thread_ = std::thread([this] { Complete(); });
}

PasswordHasher::~PasswordHasher() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  cv_.notify_all();
  for (auto& t : threads_) t.join();  // they finish the queued work first
  {
    std::lock_guard lock(completion_mutex_);
    hashing_done_ = true;
  }
  completion_cv_.notify_all();
  completion_thread_.join();
}

bool PasswordHasher::Enqueue(Job job) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || queue_.size() >= max_queue_) return false;
    queue_.push_back(std::move(job));
  }
  cv_.notify_one();
  return true;
}

void PasswordHasher::Hash() {
  // Linux: nice applies to this thread only. Raising it needs no privilege; failure is harmless.
  setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10);
  while (true) {
    Job job;
    {
      std::unique_lock lock(mutex_);
      cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    auto completion = job();
    {
      std::lock_guard lock(completion_mutex_);
      completions_.push_back(std::move(completion));
    }
    completion_cv_.notify_one();
  }
}

void PasswordHasher::Complete() {
  while (true) {
    std::function<void()> completion;
    {
      std::unique_lock lock(completion_mutex_);
      completion_cv_.wait(lock, [&] { return hashing_done_ || !completions_.empty(); });
      if (completions_.empty()) return;
      completion = std::move(completions_.front());
      completions_.pop_front();
    }
    completion();
  }
}

bool PasswordHasher::SubmitVerify(std::string password, std::string hash, std::function<void(bool)> done) {
  return Enqueue([this, password = std::move(password), hash = std::move(hash), done = std::move(done)]() mutable {
    bool ok = VerifyNow(password, hash);
    return std::function<void()>([done = std::move(done), ok] { done(ok); });
  });
}

bool PasswordHasher::SubmitHash(std::string password, std::function<void(Result<std::string>)> done) {
  return Enqueue([this, password = std::move(password), done = std::move(done)]() mutable {
    auto hashed = HashNow(password);
    return std::function<void()>([done = std::move(done), hashed = std::move(hashed)] { done(hashed); });
  });
}

Result<std::string> PasswordHasher::HashNow(std::string_view password) const {
  char out[crypto_pwhash_STRBYTES];
  unsigned long long ops = cost_ == HashCost::kFast ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE;
  size_t mem = cost_ == HashCost::kFast ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE;
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), ops, mem, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Status::Internal("error.internal").WithDetail("argon2id hashing failed (out of memory)");
  }
  return std::string(out);
}

bool PasswordHasher::VerifyNow(std::string_view password, std::string_view hash) const {
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  std::string h(hash);
  return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

}  // namespace tianshan::auth
