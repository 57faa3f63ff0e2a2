#pragma once
// Time source. Times are UTC milliseconds since the Unix epoch everywhere in storage.
// Tests inject FakeClock; production uses SystemClock. Implementations are thread-safe.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace tianshan {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual int64_t NowMillis() const = 0;
};

class SystemClock final : public Clock {
 public:
  int64_t NowMillis() const override {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

class FakeClock final : public Clock {
 public:
  explicit FakeClock(int64_t start_millis = 1780000000000) : now_(start_millis) {}
  int64_t NowMillis() const override { return now_.load(); }
  void Advance(int64_t millis) { now_ += millis; }
  void Set(int64_t millis) { now_ = millis; }

 private:
  std::atomic<int64_t> now_;
};

// Formats UTC millis as RFC 3339 ("2026-11-29T15:19:36.000Z").
std::string FormatUtc(int64_t millis);

}  // namespace tianshan
