#include "generate/progress.h"

#include <unistd.h>

namespace tianshan::generate {

std::string Grouped(int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

Progress::Progress(std::FILE* out) : out_(out), tty_(out != nullptr && isatty(fileno(out))) {}

void Progress::Update(std::string_view phase, int64_t done, int64_t total) {
  if (out_ == nullptr) return;
  auto now = Clock::now();
  if (phase != phase_) {
    EndInPlaceLine();
    phase_ = phase;
    phase_start_ = last_ = now;
    return;
  }
  if (now - last_ < std::chrono::milliseconds(tty_ ? 250 : 2000)) return;
  last_ = now;
  double seconds = std::chrono::duration<double>(now - phase_start_).count();
  std::fprintf(out_, "%s%s: %s / %s (%s rows/s)%s", tty_ ? "\r" : "", phase_.c_str(), Grouped(done).c_str(),
               Grouped(total).c_str(), Grouped(static_cast<int64_t>(done / std::max(seconds, 1e-3))).c_str(),
               tty_ ? "\033[K" : "\n");
  in_place_ = tty_;
  std::fflush(out_);
}

void Progress::Finish(std::string_view phase, int64_t done) {
  if (out_ == nullptr) return;
  double seconds = phase == phase_ ? std::chrono::duration<double>(Clock::now() - phase_start_).count() : 0;
  if (in_place_) std::fputs("\r\033[K", out_);
  in_place_ = false;
  std::fprintf(out_, "%.*s: %s done in %.1f s\n", static_cast<int>(phase.size()), phase.data(), Grouped(done).c_str(),
               seconds);
  phase_.clear();
  std::fflush(out_);
}

void Progress::Line(const std::string& text) {
  if (out_ == nullptr) return;
  EndInPlaceLine();
  std::fprintf(out_, "%s\n", text.c_str());
  std::fflush(out_);
}

void Progress::EndInPlaceLine() {
  if (in_place_) std::fputc('\n', out_);
  in_place_ = false;
}

}  // namespace tianshan::generate
