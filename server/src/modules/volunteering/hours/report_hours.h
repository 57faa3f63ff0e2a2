#pragma once
// Use cases: a volunteer reports hours for work not checked in, and the team leader decides.
//
// ReportHours: own person (403) → an active team the person belongs to (422 on team_id) and,
// when given, a project of that team (422 on project_id) → a pending report, audit.
// DecideHourReport: 404 unless the report exists and the caller leads its team or manages the
// team's organization; a volunteer cannot decide their own report (403) → pending only (409)
// → approve: a "report" ledger entry credited to the project's (or the team's) organization,
// rolled up like any confirmed hours; reject: with the reason. Audit; one transaction.

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
Result<HourReport> DecideHourReport(const AppContext& ctx, const Caller& caller, int64_t report_id,
                                    const Decision& decision);

}  // namespace tianshan::volunteering
