#pragma once
// Progress of `tianshan generate` on a stream (stderr): "people: 1,200,000 / 2,000,000
// (830,000 rows/s)" at most four times a second, rewritten in place on a terminal (\r) and on
// new lines otherwise, then one final line per phase. A null stream prints nothing.

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace tianshan::generate {

// 1234567 → "1,234,567".
std::string Grouped(int64_t n);

class Progress {
 public:
  explicit Progress(std::FILE* out);
  // `done` of `total` units of `phase`; the rate counts from the phase's first update.
  void Update(std::string_view phase, int64_t done, int64_t total);
  // Ends the phase with its final line.
  void Finish(std::string_view phase, int64_t done);
  // A line of its own (per-table results).
  void Line(const std::string& text);

 private:
  using Clock = std::chrono::steady_clock;
  void EndInPlaceLine();

  std::FILE* out_;
  bool tty_ = false;
  bool in_place_ = false;  // a \r line is showing
  std::string phase_;
  Clock::time_point phase_start_{};
  Clock::time_point last_{};
};

}  // namespace tianshan::generate
