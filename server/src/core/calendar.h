#pragma once
// Dates and mainland phone numbers as the platform writes them. Pure functions, thread-safe.

#include <cstdint>
#include <string>
#include <string_view>

namespace tianshan {

// True when `s` is non-empty and only ASCII digits.
bool AllDigits(std::string_view s);
// A real calendar date written "YYYY-MM-DD".
bool IsValidDate(std::string_view date);
// Today's date in China (UTC+8, no daylight saving), "YYYY-MM-DD".
std::string TodayInChina(int64_t now_millis);
// Mainland mobile number: 11 digits, "1[3-9]".
bool IsValidMobile(std::string_view phone);

}  // namespace tianshan
