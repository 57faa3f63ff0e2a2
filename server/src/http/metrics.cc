#include "http/metrics.h"

#include <fmt/format.h>

#include <tuple>

namespace tianshan::http {

void Metrics::Record(std::string_view method, std::string_view route, int status, double seconds) {
  std::lock_guard lock(mutex_);
  auto counted = requests_.find(std::tuple(method, route, status));
  if (counted == requests_.end()) {
    counted = requests_.emplace(std::tuple(std::string(method), std::string(route), status), 0).first;
  }
  ++counted->second;
  auto timed = latency_.find(std::tuple(method, route));
  if (timed == latency_.end()) timed = latency_.emplace(std::tuple(std::string(method), std::string(route)), Histogram{}).first;
  auto& h = timed->second;
  for (size_t i = 0; i < kBucketsSeconds.size(); ++i) {
    if (seconds <= kBucketsSeconds[i]) ++h.buckets[i];
  }
  ++h.count;
  h.sum += seconds;
}

std::string Metrics::Render() const {
  std::string out;
  out += "# HELP tianshan_http_requests_total HTTP requests by route and status.\n";
  out += "# TYPE tianshan_http_requests_total counter\n";
  std::lock_guard lock(mutex_);
  for (const auto& [key, n] : requests_) {
    const auto& [method, route, status] = key;
    out += fmt::format("tianshan_http_requests_total{{method=\"{}\",route=\"{}\",status=\"{}\"}} {}\n", method, route,
                       status, n);
  }
  out += "# HELP tianshan_http_request_duration_seconds Time from request parsed to response handed over.\n";
  out += "# TYPE tianshan_http_request_duration_seconds histogram\n";
  for (const auto& [key, h] : latency_) {
    const auto& [method, route] = key;
    for (size_t i = 0; i < kBucketsSeconds.size(); ++i) {
      out += fmt::format("tianshan_http_request_duration_seconds_bucket{{method=\"{}\",route=\"{}\",le=\"{}\"}} {}\n",
                         method, route, kBucketsSeconds[i], h.buckets[i]);
    }
    out += fmt::format("tianshan_http_request_duration_seconds_bucket{{method=\"{}\",route=\"{}\",le=\"+Inf\"}} {}\n",
                       method, route, h.count);
    out += fmt::format("tianshan_http_request_duration_seconds_sum{{method=\"{}\",route=\"{}\"}} {}\n", method, route,
                       h.sum);
    out += fmt::format("tianshan_http_request_duration_seconds_count{{method=\"{}\",route=\"{}\"}} {}\n", method,
                       route, h.count);
  }
  if (extra_) out += extra_();
  return out;
}

}  // namespace tianshan::http
