#pragma once
// Domain types of the volunteering module and their invariants. No I/O.
//
// Times are UTC milliseconds since the epoch; calendar dates and months are in China time
// (UTC+8, no daylight saving), which is what volunteers and certificates mean by a day.
// Hours are kept as whole minutes (0.5 h = 30 minutes) so sums are exact.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/china_time.h"
#include "core/result.h"

namespace tianshan::volunteering {

inline const std::vector<std::string>& ProjectStatuses() {
  static const std::vector<std::string> s = {"draft", "recruiting", "running", "finished", "archived"};
  return s;
}
inline const std::vector<std::string>& Visibilities() {
  static const std::vector<std::string> v = {"public", "members"};
  return v;
}
inline const std::vector<std::string>& Categories() {
  static const std::vector<std::string> c = {"community", "education", "elder_care", "environment", "culture",
                                             "health",    "emergency", "sports",     "other"};
  return c;
}

struct Team {
  int64_t id = 0;
  int64_t organization_id = 0;
  std::string org_path;
  std::string name;
  std::optional<std::string> description;
  std::optional<std::string> partner_name;  // a youth social organization running the team
  std::string status = "active";
  int64_t created_at = 0;
};

struct TeamMember {
  int64_t id = 0;
  int64_t team_id = 0;
  int64_t person_id = 0;
  std::string name;
  std::string role;    // leader, member
  std::string status;  // pending, active, rejected, left
  std::optional<std::string> message;
  int64_t created_at = 0;
  std::optional<std::string> decision_reason;  // why an application was rejected
};

struct ProjectFields {
  std::string title;
  std::optional<std::string> description;
  std::string category = "community";
  std::optional<std::string> brand;
  std::optional<std::string> location;
  std::optional<int64_t> venue_id;
  std::optional<std::string> contact;
  std::string visibility = "public";
};

struct Project {
  int64_t id = 0;
  int64_t organization_id = 0;
  std::string org_path;
  std::optional<int64_t> team_id;
  ProjectFields fields;
  std::string status = "draft";
  int64_t created_at = 0;
  int64_t updated_at = 0;
  std::optional<std::string> team_name;  // the team's name (joined)
};

struct Shift {
  int64_t id = 0;
  int64_t project_id = 0;
  int64_t starts_at = 0;
  int64_t ends_at = 0;
  int capacity = 0;
  int confirmed = 0;
  int waitlisted = 0;
  std::optional<std::string> role;
  std::optional<std::string> requirements;
  std::optional<int> min_age;
  std::string status = "open";  // open, cancelled
};

struct SignUp {
  int64_t id = 0;
  int64_t shift_id = 0;
  int64_t person_id = 0;
  int64_t account_id = 0;
  std::string status;  // confirmed, waitlisted, cancelled
  std::optional<int64_t> waitlist_seq;
  int64_t starts_at = 0;
  int64_t ends_at = 0;
  std::optional<std::string> guardian_name;
  std::optional<std::string> guardian_relation;
  int64_t created_at = 0;
  std::string name;  // the volunteer's display name (joined)
};

struct Attendance {
  int64_t id = 0;
  int64_t signup_id = 0;
  int64_t shift_id = 0;
  int64_t person_id = 0;
  int64_t checked_in_at = 0;
  std::optional<int64_t> checked_out_at;
  std::string in_method;  // qr, leader
  std::optional<std::string> out_method;
  std::optional<int64_t> ledger_entry_id;
};

struct LedgerEntry {
  int64_t id = 0;
  int64_t person_id = 0;
  int64_t organization_id = 0;
  std::string org_path;
  std::optional<int64_t> project_id;
  std::optional<int64_t> team_id;
  std::optional<int64_t> shift_id;
  std::string kind;  // session, report, adjustment, reversal, correction
  int64_t minutes = 0;
  std::optional<int64_t> raw_minutes;
  std::optional<std::string> hours_rule;
  int64_t worked_at = 0;
  std::string month;
  std::optional<std::string> reason;
  std::optional<int64_t> reverses_id;
  std::optional<int64_t> created_by;
  int64_t created_at = 0;
};

struct HourReport {
  int64_t id = 0;
  int64_t person_id = 0;
  int64_t account_id = 0;
  int64_t team_id = 0;
  std::optional<int64_t> project_id;
  std::string worked_on;
  int64_t minutes = 0;
  std::string description;
  std::string status;  // pending, approved, rejected
  std::optional<std::string> decision_reason;
  std::optional<int64_t> ledger_entry_id;
  int64_t created_at = 0;
  std::string name;  // the volunteer's display name (joined)
};

// A leader's decision on a team application or an hours report.
struct Decision {
  bool approve = false;
  std::optional<std::string> reason;  // needed to reject
};

// Limits on text fields, in characters.
inline constexpr size_t kMaxTitle = 100;
inline constexpr size_t kMaxText = 2000;
inline constexpr size_t kMaxShort = 200;
inline constexpr int kMaxCapacity = 100000;
inline constexpr int64_t kMaxShiftMillis = 24LL * 3600 * 1000;
inline constexpr int kAdultAge = 18;

// True when `to` is the next status after `from` (draft → recruiting → running → finished →
// archived), or `to` is archived from draft (a project never published).
bool IsAllowedTransition(std::string_view from, std::string_view to);
// Sign-ups are open while the project recruits or runs.
bool AcceptsSignUps(std::string_view project_status);
// What a shift is at `now`, as its answers say it (the web never computes it): "cancelled";
// "ended" from ends_at; "in_progress" from starts_at; "full" when no seat is left (sign-ups
// join the waitlist); else "open".
std::string_view ShiftState(const Shift& s, int64_t now);

// Times and dates: core/china_time.h (shared by every module), named here as volunteering
// always used them.
using ::tianshan::AgeOn;
using ::tianshan::ChinaDate;
using ::tianshan::ChinaDateTime;
using ::tianshan::ChinaMidnight;
using ::tianshan::ChinaMonth;
using ::tianshan::IsValidMonth;
using ::tianshan::ParseTime;
// Half-open intervals [a_start, a_end) and [b_start, b_end) overlap.
inline bool Overlaps(int64_t a_start, int64_t a_end, int64_t b_start, int64_t b_end) {
  return a_start < b_end && b_start < a_end;
}
// "12.5" style hours text for minutes (whole or one decimal).
std::string HoursText(int64_t minutes);

}  // namespace tianshan::volunteering
