#pragma once
// Use case: a volunteer reports hours for work not checked in (the team leader decides:
// decide_hour_report.h).
//
// ReportHours: own person (403) → an active team the person belongs to (422 on team_id) and,
// when given, a project of that team (422 on project_id) → a pending report, audit. Any whole
// number of minutes from 1 to a day is accepted (60, 90, 120: whole and half hours alike); the
// hours rule rounds check-in sessions, not reports.

#include "modules/volunteering/use_case_support.h"

namespace tianshan::volunteering {

// A report covers at most one day.
inline constexpr int64_t kMaxReportMinutes = 24 * 60;

struct HourReportInput {
  int64_t team_id = 0;
  std::optional<int64_t> project_id;
  std::string worked_on;  // "YYYY-MM-DD", not in the future
  int64_t minutes = 0;    // 1..kMaxReportMinutes, any whole minute
  std::string description;
};

Result<HourReport> ReportHours(const AppContext& ctx, const Caller& caller, const HourReportInput& input);
// The report as the audit log keeps it.
std::string ReportAuditJson(const HourReport& r);

}  // namespace tianshan::volunteering
