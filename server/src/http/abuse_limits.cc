#include "http/abuse_limits.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <iterator>

#include "http/http_types.h"

namespace tianshan::http {
namespace {

// Each shard drops its refilled buckets at most this often.
constexpr int64_t kSweepMillis = 60'000;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

int64_t SecondsFor(int64_t millis) { return std::max<int64_t>(1, (millis + 999) / 1000); }

}  // namespace

TokenBuckets::TokenBuckets(double per_second, double burst) : per_second_(per_second), burst_(std::max(1.0, burst)) {}

int64_t TokenBuckets::Take(std::string_view key, int64_t now_millis) {
  if (!enabled()) return 0;
  Shard& shard = shards_[std::hash<std::string_view>{}(key) % kShards];
  std::lock_guard lock(shard.mutex);
  auto refill = [&](Bucket& b) {
    if (now_millis > b.at) {
      b.tokens = std::min(burst_, b.tokens + static_cast<double>(now_millis - b.at) * per_second_ / 1000.0);
      b.at = now_millis;
    }
  };
  if (now_millis - shard.swept_at >= kSweepMillis) {
    shard.swept_at = now_millis;
    for (auto it = shard.buckets.begin(); it != shard.buckets.end();) {
      refill(it->second);
      it = it->second.tokens >= burst_ ? shard.buckets.erase(it) : std::next(it);
    }
  }
  auto [it, fresh] = shard.buckets.try_emplace(std::string(key), Bucket{burst_, now_millis});
  Bucket& b = it->second;
  if (!fresh) refill(b);
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return 0;
  }
  return std::max<int64_t>(1, static_cast<int64_t>(std::ceil((1.0 - b.tokens) * 1000.0 / per_second_)));
}

size_t TokenBuckets::size() const {
  size_t n = 0;
  for (const auto& s : shards_) {
    std::lock_guard lock(s.mutex);
    n += s.buckets.size();
  }
  return n;
}

std::optional<IpAddress> ParseIp(std::string_view text) {
  text = Trim(text);
  if (text.empty() || text.size() >= INET6_ADDRSTRLEN) return std::nullopt;
  std::string z(text);
  IpAddress a;
  if (inet_pton(AF_INET, z.c_str(), a.bytes.data()) == 1) return a;
  a.v6 = true;
  if (inet_pton(AF_INET6, z.c_str(), a.bytes.data()) == 1) return a;
  return std::nullopt;
}

Result<TrustedProxies> TrustedProxies::Parse(std::string_view list) {
  TrustedProxies out;
  while (!list.empty()) {
    size_t comma = list.find(',');
    std::string_view item = Trim(list.substr(0, comma));
    list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
    if (item.empty()) continue;
    auto a = ParseIp(item);
    if (!a) {
      return Status::BadRequest("error.bad_request")
          .WithDetail("--trusted-proxies: '" + std::string(item) + "' is not an IPv4 or IPv6 address");
    }
    out.addresses_.push_back(*a);
  }
  return out;
}

bool TrustedProxies::Contains(const IpAddress& a) const {
  return std::find(addresses_.begin(), addresses_.end(), a) != addresses_.end();
}

void TrustedProxies::ResolveClient(HttpRequest& req) const {
  if (addresses_.empty() || !Contains({req.remote_address, req.remote_v6})) return;
  std::string_view hops = req.Header("x-forwarded-for");
  // From the right: each proxy appends the address it received the request from.
  while (!hops.empty()) {
    size_t comma = hops.rfind(',');
    std::string_view last = comma == std::string_view::npos ? hops : hops.substr(comma + 1);
    hops = comma == std::string_view::npos ? std::string_view{} : hops.substr(0, comma);
    auto a = ParseIp(last);
    if (!a) return;  // garbage: keep the last address we could trust
    req.remote_address = a->bytes;
    req.remote_v6 = a->v6;
    if (!Contains(*a)) return;
  }
}

RateLimiter::RateLimiter(const RateLimitOptions& o)
    : addresses_(o.ip_per_second, o.ip_burst), accounts_(o.account_per_second, o.account_burst) {}

int64_t RateLimiter::TakeForAddress(const HttpRequest& req, int64_t now_millis) {
  std::string key(req.remote_v6 ? 16 : 4, '\0');
  std::copy_n(req.remote_address.begin(), key.size(), key.begin());
  int64_t wait = addresses_.Take(key, now_millis);
  if (wait == 0) return 0;
  by_address_.fetch_add(1, std::memory_order_relaxed);
  return SecondsFor(wait);
}

int64_t RateLimiter::TakeForAccount(int64_t account_id, int64_t now_millis) {
  int64_t wait = accounts_.Take(std::to_string(account_id), now_millis);
  if (wait == 0) return 0;
  by_account_.fetch_add(1, std::memory_order_relaxed);
  return SecondsFor(wait);
}

}  // namespace tianshan::http
