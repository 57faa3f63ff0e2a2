#pragma once
// Prometheus metrics: requests by route and status, a latency histogram per route, and the
// database's transaction time. Record() is thread-safe and cheap (one short critical section).

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>

namespace tianshan::http {

class Metrics {
 public:
  static constexpr std::array<double, 12> kBucketsSeconds = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                             0.05,   0.1,   0.25,   0.5,   1.0,  2.5};
  void Record(std::string_view method, std::string_view route, int status, double seconds);
  // Extra gauges/counters appended to the exposition (database time, ...).
  void SetExtra(std::function<std::string()> extra) { extra_ = std::move(extra); }
  std::string Render() const;

 private:
  struct Histogram {
    std::array<uint64_t, kBucketsSeconds.size()> buckets{};
    uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  // Transparent comparators: a known route is found without building string keys.
  std::map<std::tuple<std::string, std::string, int>, uint64_t, std::less<>> requests_;
  std::map<std::tuple<std::string, std::string>, Histogram, std::less<>> latency_;
  std::function<std::string()> extra_;
};

}  // namespace tianshan::http
