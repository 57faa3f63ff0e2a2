#pragma once
// Abuse limits of the HTTP pipeline (README "Abuse limits").
//
// Rate limits: a token bucket per client address and one per account, taken by every
// state-changing request (POST, PUT, PATCH, DELETE); an empty bucket is answered 429 with
// Retry-After. The buckets live in this instance's memory: behind a load balancer each instance
// keeps its own, so a client spread over N instances may reach N times the rate.
//
// The client address: the TCP peer, unless the peer is a trusted proxy (--trusted-proxies), in
// which case the rightmost address of X-Forwarded-For that is not itself a trusted proxy.

#include <array>
#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.h"

namespace tianshan::http {

struct HttpRequest;

struct RateLimitOptions {
  // Sustained requests per second and the burst a full bucket allows; a rate of 0 turns the
  // limit off. Generous per address (a school or a mobile carrier puts many people behind one).
  double ip_per_second = 100;
  double ip_burst = 2000;
  double account_per_second = 10;
  double account_burst = 200;
};

// Token buckets by key, thread-safe (sharded locks); buckets that have refilled are forgotten.
class TokenBuckets {
 public:
  TokenBuckets(double per_second, double burst);
  bool enabled() const { return per_second_ > 0; }
  // Takes a token for `key` at `now_millis` (a steady clock): 0 when granted, otherwise the
  // milliseconds until the next token.
  int64_t Take(std::string_view key, int64_t now_millis);
  size_t size() const;

 private:
  struct Bucket {
    double tokens = 0;
    int64_t at = 0;
  };
  struct Shard {
    mutable std::mutex mutex;
    std::unordered_map<std::string, Bucket> buckets;
    int64_t swept_at = 0;
  };
  static constexpr size_t kShards = 16;
  double per_second_;
  double burst_;
  std::array<Shard, kShards> shards_;
};

// An address as HttpRequest holds it (IPv4 in the first 4 bytes unless v6).
struct IpAddress {
  std::array<unsigned char, 16> bytes{};
  bool v6 = false;
  bool operator==(const IpAddress&) const = default;
};

// Parses "1.2.3.4" or "::1"; nullopt otherwise.
std::optional<IpAddress> ParseIp(std::string_view text);

class TrustedProxies {
 public:
  // A comma-separated list of addresses ("127.0.0.1,::1"); empty: no proxy is trusted.
  static Result<TrustedProxies> Parse(std::string_view list);
  bool Contains(const IpAddress& a) const;
  bool empty() const { return addresses_.empty(); }
  // Replaces the request's address with the client's when the peer is a trusted proxy.
  void ResolveClient(HttpRequest& req) const;

 private:
  std::vector<IpAddress> addresses_;
};

class RateLimiter {
 public:
  explicit RateLimiter(const RateLimitOptions& options);
  // 0 when the request may go on, otherwise the seconds to wait (for Retry-After).
  int64_t TakeForAddress(const HttpRequest& req, int64_t now_millis);
  int64_t TakeForAccount(int64_t account_id, int64_t now_millis);
  uint64_t limited_by_address() const { return by_address_.load(std::memory_order_relaxed); }
  uint64_t limited_by_account() const { return by_account_.load(std::memory_order_relaxed); }

 private:
  TokenBuckets addresses_;
  TokenBuckets accounts_;
  std::atomic<uint64_t> by_address_{0};
  std::atomic<uint64_t> by_account_{0};
};

}  // namespace tianshan::http
