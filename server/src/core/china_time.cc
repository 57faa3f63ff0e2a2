#include "core/china_time.h"

#include <cstdio>

namespace tianshan {
namespace {

constexpr int64_t kChinaOffsetMillis = 8LL * 3600 * 1000;
constexpr int64_t kDayMillis = 24LL * 3600 * 1000;

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void CivilFromDays(int64_t z, int& y, int& m, int& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t yy = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yy + (m <= 2));
}

bool Digits(std::string_view s, size_t pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

bool ParseDate(std::string_view s, int& y, int& m, int& d) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
  if (!Digits(s, 0, 4, y) || !Digits(s, 5, 2, m) || !Digits(s, 8, 2, d)) return false;
  return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m);
}

}  // namespace

bool IsValidMonth(std::string_view month) {
  int y, m;
  return month.size() == 7 && month[4] == '-' && Digits(month, 0, 4, y) && Digits(month, 5, 2, m) && m >= 1 &&
         m <= 12 && y >= 1900;
}

std::optional<int64_t> ParseTime(std::string_view s) {
  int y, mo, d, h, mi, sec = 0, ms = 0;
  if (!ParseDate(s, y, mo, d)) return std::nullopt;
  if (s.size() < 16 || (s[10] != 'T' && s[10] != ' ') || s[13] != ':') return std::nullopt;
  if (!Digits(s, 11, 2, h) || !Digits(s, 14, 2, mi) || h > 23 || mi > 59) return std::nullopt;
  size_t pos = 16;
  if (pos < s.size() && s[pos] == ':') {
    if (!Digits(s, pos + 1, 2, sec) || sec > 59) return std::nullopt;
    pos += 3;
    if (pos < s.size() && s[pos] == '.') {
      size_t start = ++pos;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
      if (pos == start) return std::nullopt;
      std::string frac(s.substr(start, std::min<size_t>(3, pos - start)));
      while (frac.size() < 3) frac += '0';
      ms = std::stoi(frac);
    }
  }
  int64_t offset = kChinaOffsetMillis;
  if (pos == s.size()) {
    // no zone: China time
  } else if (s[pos] == 'Z' && pos + 1 == s.size()) {
    offset = 0;
  } else if ((s[pos] == '+' || s[pos] == '-') && pos + 6 == s.size() && s[pos + 3] == ':') {
    int oh, om;
    if (!Digits(s, pos + 1, 2, oh) || !Digits(s, pos + 4, 2, om) || oh > 14 || om > 59) return std::nullopt;
    offset = (oh * 60 + om) * 60000LL * (s[pos] == '-' ? -1 : 1);
  } else {
    return std::nullopt;
  }
  int64_t days = DaysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  return days * kDayMillis + ((h * 60 + mi) * 60 + sec) * 1000LL + ms - offset;
}

std::string ChinaDate(int64_t millis) {
  int64_t local = millis + kChinaOffsetMillis;
  int64_t days = local >= 0 ? local / kDayMillis : (local - kDayMillis + 1) / kDayMillis;
  int y, m, d;
  CivilFromDays(days, y, m, d);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

std::string ChinaMonth(int64_t millis) { return ChinaDate(millis).substr(0, 7); }

std::string ChinaDateTime(int64_t millis) {
  const int minute_of_day = ChinaMinuteOfDay(millis);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minute_of_day / 60, minute_of_day % 60);
  return ChinaDate(millis) + " " + buf;
}

int64_t ChinaMidnight(std::string_view date) {
  int y, m, d;
  if (!ParseDate(date, y, m, d)) return 0;
  return DaysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)) * kDayMillis - kChinaOffsetMillis;
}

int AgeOn(std::string_view birth_date, std::string_view on_date) {
  int by, bm, bd, oy, om, od;
  if (!ParseDate(birth_date, by, bm, bd) || !ParseDate(on_date, oy, om, od)) return 0;
  int age = oy - by;
  if (om < bm || (om == bm && od < bd)) --age;
  return age;
}

int ChinaWeekday(std::string_view date) {
  int y, m, d;
  if (!ParseDate(date, y, m, d)) return 0;
  // 1970-01-01 was a Thursday (4).
  int64_t days = DaysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
  return static_cast<int>(((days + 3) % 7 + 7) % 7) + 1;
}

int ChinaMinuteOfDay(int64_t millis) {
  return static_cast<int>(((millis + kChinaOffsetMillis) % kDayMillis + kDayMillis) % kDayMillis / 60000);
}

std::string AddDays(std::string_view date, int n) {
  int y, m, d;
  if (!ParseDate(date, y, m, d)) return std::string(date);
  return ChinaDate(ChinaMidnight(date) + n * kDayMillis);
}

}  // namespace tianshan
