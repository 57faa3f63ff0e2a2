#pragma once
// The people module's daily jobs (kit/job.h), run at 08:00 China time:
//
//   people.transfer_reminders  Pending transfers older than 7 days: one digest a day to the side
//                              each waits for (nearest admins or secretaries of the organization:
//                              "3 transfers have waited over 7 days") and one to the member;
//                              digest keys make a second run on the same day send nothing new.
//                              Sets the maintained counter overdue.transfers (self value at the
//                              organization the transfer waits at; rolled up the tree).
//   people.correction_reminders  Pending corrections older than 3 days: one digest a day to the
//                              approving level (the nearest committee admins strictly above the
//                              person's organization); sets overdue.corrections.
// Both count overdue items with one grouped query each; the dashboards read the counters.

#include "kit/module.h"

namespace tianshan::people {

inline constexpr int64_t kTransferOverdueDays = 7;
inline constexpr int64_t kCorrectionOverdueDays = 3;

Status RemindPendingTransfers(const AppContext& ctx, const JobRun& run);
Status RemindPendingCorrections(const AppContext& ctx, const JobRun& run);

}  // namespace tianshan::people
