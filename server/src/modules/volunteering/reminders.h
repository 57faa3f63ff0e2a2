#pragma once
// The volunteering module's reminders (kit/job.h) and the one notice sent at once:
//
//   volunteering.shift_reminders  Daily at 18:00 China time: every confirmed volunteer of an
//                                 open shift starting tomorrow (China day) is reminded, once per
//                                 sign-up (digest key per shift), with the project, place and time.
//   volunteering.hours_reminders  Daily at 08:10: self-reported hours pending over 3 days remind
//                                 the active leaders of their team, one digest a day per leader
//                                 ("5 reports have waited over 3 days"); sets the maintained
//                                 counter overdue.hour_reports at each team's organization.
//   NotifyPromoted                Inside the transaction that promotes a waitlisted sign-up: the
//                                 volunteer is told at once that the seat is theirs.
// Each job reads its items with one query; a second run on the same day sends nothing new.

#include "kit/module.h"
#include "modules/volunteering/volunteering.h"

namespace tianshan::volunteering {

inline constexpr int64_t kHourReportOverdueDays = 3;
inline constexpr std::string_view kOverdueHourReports = "overdue.hour_reports";

Status RemindShiftsTomorrow(const AppContext& ctx, const JobRun& run);
Status RemindPendingHourReports(const AppContext& ctx, const JobRun& run);

// Tells the sign-up's account that it moved from the waitlist to a confirmed seat.
Status NotifyPromoted(storage::Transaction& tx, const AppContext& ctx, const SignUp& sign_up);

}  // namespace tianshan::volunteering
