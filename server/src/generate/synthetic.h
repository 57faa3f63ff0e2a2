#pragma once
// Building blocks of the synthetic network: a seeded random stream whose draws are the same on
// every platform (no std::*_distribution, whose algorithms differ between standard libraries),
// the fixed time origin of a generated network, and date formatting.

#include <cstdint>
#include <random>
#include <string>

namespace tianshan::generate {

inline constexpr int64_t kMinuteMillis = 60'000;
inline constexpr int64_t kHourMillis = 60 * kMinuteMillis;
inline constexpr int64_t kDayMillis = 24 * kHourMillis;
// "Now" of every generated network: 2026-01-01 00:00 China time. Rows are stamped relative to
// it, never from the clock, so the same seed gives the same rows on any day.
inline constexpr int64_t kEpochMillis = 1'767'196'800'000;
inline constexpr int64_t kEpochDay = (kEpochMillis + 8 * kHourMillis) / kDayMillis;  // days since 1970-01-01

// A random stream. Streams with different `stream` numbers are independent, so each part of
// the generator has its own and changing one part does not shift the draws of the others.
class Rng {
 public:
  Rng(uint64_t seed, uint64_t stream) : engine_(seed * 0x9E3779B97F4A7C15ULL + stream * 0xD1B54A32D192ED03ULL + 1) {}
  uint64_t Next() { return engine_(); }
  // Uniform in [0, n) for n > 0 (multiply-shift; the tiny bias does not matter here).
  uint64_t Below(uint64_t n) { return static_cast<uint64_t>((static_cast<unsigned __int128>(engine_()) * n) >> 64); }
  // True with probability `per_mille` / 1000.
  bool Chance(int per_mille) { return Below(1000) < static_cast<uint64_t>(per_mille); }
  template <typename T, size_t N>
  const T& Pick(const T (&items)[N]) {
    return items[Below(N)];
  }

 private:
  std::mt19937_64 engine_;
};

// "YYYY-MM-DD" of a day counted from 1970-01-01.
std::string DateOfDay(int64_t day);
// UTC millis of `hour`:00 China time on `day`.
inline int64_t ChinaTimeOnDay(int64_t day, int hour) { return day * kDayMillis - 8 * kHourMillis + hour * kHourMillis; }

}  // namespace tianshan::generate
