#include "core/clock.h"

#include <chrono>
#include <string>

namespace tianshan {

std::string FormatUtc(int64_t millis) {
  // Hand-formatted: list pages write two timestamps per row, and snprintf showed in profiles.
  using namespace std::chrono;
  const int64_t day_millis = 86'400'000;
  int64_t days = millis / day_millis, rest = millis % day_millis;
  if (rest < 0) {
    rest += day_millis;
    --days;
  }
  const year_month_day ymd{sys_days{std::chrono::days{days}}};
  const int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) return "0000-00-00T00:00:00.000Z";
  std::string out = "0000-00-00T00:00:00.000Z";
  auto put = [&out](size_t at, int64_t value, int width) {
    for (int i = width - 1; i >= 0; --i, value /= 10) out[at + i] = static_cast<char>('0' + value % 10);
  };
  put(0, year, 4);
  put(5, static_cast<unsigned>(ymd.month()), 2);
  put(8, static_cast<unsigned>(ymd.day()), 2);
  put(11, rest / 3'600'000, 2);
  put(14, rest / 60'000 % 60, 2);
  put(17, rest / 1000 % 60, 2);
  put(20, rest % 1000, 3);
  return out;
}

}  // namespace tianshan
