#include "modules/cadres/period.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "modules/cadres/cadres.h"

namespace tianshan::cadres {

int64_t DayNumber(std::string_view date) {
  using namespace std::chrono;
  int y = 0;
  unsigned m = 0, d = 0;
  std::sscanf(std::string(date).c_str(), "%d-%u-%u", &y, &m, &d);
  return sys_days(year{y} / month{m} / day{d}).time_since_epoch().count();
}

std::string DateOfDayNumber(int64_t n) {
  using namespace std::chrono;
  year_month_day ymd{sys_days(days(n))};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

std::string AddDays(std::string_view date, int64_t days) { return DateOfDayNumber(DayNumber(date) + days); }

Period PeriodOf(std::string_view as_of) {
  Period p;
  p.as_of = std::string(as_of);
  const std::string year(as_of.substr(0, 4));
  const int month = std::stoi(std::string(as_of.substr(5, 2)));
  char quarter[16];
  std::snprintf(quarter, sizeof quarter, "%s-%02d-01", year.c_str(), (month - 1) / 3 * 3 + 1);
  p.quarter_start = quarter;
  p.year_start = year + "-01-01";
  p.year_end = year + "-12-31";
  p.help_cutoff = AddDays(as_of, -kHelpOverdueDays);
  return p;
}

int64_t Period::DaysInYear(std::string_view starts_on, std::string_view ends_on) const {
  const std::string_view from = std::max(starts_on, std::string_view(year_start));
  const std::string_view to = std::min(ends_on, std::string_view(year_end));
  if (from > to) return 0;
  return DayNumber(to) - DayNumber(from) + 1;
}

}  // namespace tianshan::cadres
