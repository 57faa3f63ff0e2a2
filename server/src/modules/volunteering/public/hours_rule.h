#pragma once
// Public contract of the volunteering module: rounding a check-in session into credited
// minutes, and the month a session counts in. Pure functions; `tianshan generate` uses them to
// write ledger rows exactly as confirmation does.
//
// The rule is a setting per organization (the nearest ancestor's setting applies; default
// "national"). Rules, applied to one session's whole minutes (seconds are dropped):
//   national         民政部令第67号 as applied by volunteer platforms: each full hour counts 1 h;
//                    of the remaining minutes, under 15 count 0 h, 15 to under 45 count 0.5 h,
//                    45 to 59 count 1 h. So 14 min → 0, 15 → 0.5 h, 44 → 0.5 h, 45 → 1 h,
//                    1 h 10 min → 1 h, 1 h 20 min → 1.5 h, 1 h 50 min → 2 h.
//   half_hour_floor  whole half hours only: 29 min → 0, 30 → 0.5 h, 1 h 29 min → 1 h.
//   exact            every minute counts.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tianshan::volunteering {

inline constexpr std::string_view kDefaultHoursRule = "national";

inline const std::vector<std::string>& HoursRules() {
  static const std::vector<std::string> r = {"national", "half_hour_floor", "exact"};
  return r;
}

// Credited minutes for a session of `session_millis` (negative counts as 0) under `rule`
// (an unknown rule is treated as national).
int64_t CreditedMinutes(std::string_view rule, int64_t session_millis);

// The month ("YYYY-MM", China time) of hours worked at `worked_at` (UTC milliseconds): rankings
// and the monthly chart count them there.
std::string LedgerMonth(int64_t worked_at);

}  // namespace tianshan::volunteering
