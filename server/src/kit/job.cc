#include "kit/job.h"

#include <algorithm>

namespace tianshan {
namespace {

constexpr int64_t kMinute = 60LL * 1000;
constexpr int64_t kDay = 24LL * 60 * kMinute;
constexpr int64_t kChinaOffset = 8LL * 60 * kMinute;

// Days since 1970-01-01 of a civil date, and back (Howard Hinnant's algorithms).
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void CivilFromDays(int64_t z, int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp + (mp < 10 ? 3 : -9);
  y += m <= 2;
}

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

std::optional<int64_t> NextDue(const JobSchedule& s, int64_t after) {
  switch (s.every) {
    case JobSchedule::Every::kNone:
      return std::nullopt;
    case JobSchedule::Every::kInterval: {
      const int64_t step = std::max<int64_t>(1, s.interval_seconds) * 1000;
      return (FloorDiv(after, step) + 1) * step;
    }
    case JobSchedule::Every::kDay: {
      const int64_t local = after + kChinaOffset;
      int64_t candidate = FloorDiv(local, kDay) * kDay + s.minute_of_day * kMinute;
      if (candidate <= local) candidate += kDay;
      return candidate - kChinaOffset;
    }
    case JobSchedule::Every::kMonth: {
      const int64_t local = after + kChinaOffset;
      int64_t y;
      unsigned m, d;
      CivilFromDays(FloorDiv(local, kDay), y, m, d);
      for (int i = 0; i < 2; ++i) {
        int64_t candidate = DaysFromCivil(y, m, static_cast<unsigned>(s.day_of_month)) * kDay + s.minute_of_day * kMinute;
        if (candidate > local) return candidate - kChinaOffset;
        if (++m > 12) {
          m = 1;
          ++y;
        }
      }
      return std::nullopt;  // unreachable: next month's date is always later
    }
  }
  return std::nullopt;
}

}  // namespace tianshan
