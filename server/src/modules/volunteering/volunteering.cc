#include "modules/volunteering/volunteering.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace tianshan::volunteering {

bool IsAllowedTransition(std::string_view from, std::string_view to) {
  const auto& s = ProjectStatuses();
  auto f = std::find(s.begin(), s.end(), from);
  auto t = std::find(s.begin(), s.end(), to);
  if (f == s.end() || t == s.end()) return false;
  if (from == "draft" && to == "archived") return true;
  return t == f + 1;
}

bool AcceptsSignUps(std::string_view project_status) {
  return project_status == "recruiting" || project_status == "running";
}

std::string_view ShiftState(const Shift& s, int64_t now) {
  if (s.status == "cancelled") return "cancelled";
  if (now >= s.ends_at) return "ended";
  if (now >= s.starts_at) return "in_progress";
  if (s.confirmed >= s.capacity) return "full";
  return "open";
}

std::string HoursText(int64_t minutes) {
  bool negative = minutes < 0;
  int64_t m = negative ? -minutes : minutes;
  // Tenths of an hour, rounded half up; the ledger holds multiples of 30 minutes in practice.
  int64_t tenths = (m * 10 + 30) / 60;
  std::string out = (negative ? "-" : "") + std::to_string(tenths / 10);
  if (tenths % 10) out += "." + std::to_string(tenths % 10);
  return out;
}

}  // namespace tianshan::volunteering
