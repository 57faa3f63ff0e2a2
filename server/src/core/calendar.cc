#include "core/calendar.h"

#include <charconv>
#include <chrono>
#include <cstdio>

namespace tianshan {

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool IsValidDate(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  if (!AllDigits(d.substr(0, 4)) || !AllDigits(d.substr(5, 2)) || !AllDigits(d.substr(8, 2))) return false;
  int y = 0;
  unsigned m = 0, day = 0;
  std::from_chars(d.data(), d.data() + 4, y);
  std::from_chars(d.data() + 5, d.data() + 7, m);
  std::from_chars(d.data() + 8, d.data() + 10, day);
  return std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{day}}.ok();
}

std::string TodayInChina(int64_t now_millis) {
  using namespace std::chrono;
  sys_days day = floor<days>(sys_time<milliseconds>(milliseconds(now_millis) + hours(8)));
  year_month_day ymd(day);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

bool IsValidMobile(std::string_view p) {
  return p.size() == 11 && p[0] == '1' && p[1] >= '3' && p[1] <= '9' && AllDigits(p);
}

}  // namespace tianshan
