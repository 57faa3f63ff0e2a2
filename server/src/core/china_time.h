#pragma once
// Times as the platform reads and shows them: instants are UTC epoch milliseconds; dates and
// clock times people see are China time (UTC+8, no daylight saving). Pure functions,
// thread-safe.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tianshan {

inline constexpr int64_t kMinuteMillis = 60LL * 1000;
inline constexpr int64_t kHourMillis = 60 * kMinuteMillis;

// Parses "YYYY-MM-DDTHH:MM[:SS[.fff]]" followed by "Z" or "+HH:MM"/"-HH:MM", or without a
// zone (then China time). nullopt when malformed or not a real date and time.
std::optional<int64_t> ParseTime(std::string_view text);
// "YYYY-MM" with a month 01..12.
bool IsValidMonth(std::string_view month);
// The China-time date and month of `millis`.
std::string ChinaDate(int64_t millis);
std::string ChinaMonth(int64_t millis);
// "YYYY-MM-DD HH:MM" in China time (exports).
std::string ChinaDateTime(int64_t millis);
// UTC millis of midnight China time starting `date` (must be valid).
int64_t ChinaMidnight(std::string_view date);
// Age in whole years on `on_date` of a person born on `birth_date` (both "YYYY-MM-DD").
int AgeOn(std::string_view birth_date, std::string_view on_date);
// Day of the week of a valid date: 1 Monday … 7 Sunday (0 when malformed).
int ChinaWeekday(std::string_view date);
// Minutes since China-time midnight of `millis` (0..1439).
int ChinaMinuteOfDay(int64_t millis);
// The date `n` days after a valid `date` (before it when n < 0).
std::string AddDays(std::string_view date, int n);

}  // namespace tianshan
