#pragma once
// Use cases: a team leader (or a manager of the team's organization) approves or rejects
// self-reported hours, one report or many at once.
//
// DecideHourReport: rejecting needs a reason (422 on "reason") → 404 unless the report exists
// and the caller leads its team or approves hours at the team's organization; a volunteer
// cannot decide their own report (403) → pending only (409) → approve: a "report" ledger entry
// credited to the project's (or the team's) organization, rolled up like any confirmed hours;
// reject: kept with the reason. Audit; one transaction.
//
// DecideHourReports (batch): the same decision for every report of `report_ids`, all or
// nothing, in one transaction. Every report is checked first; when any fails, nothing changes
// and the answer is one 422 naming each failing report by its place ("report_ids[2]":
// volunteer.report_not_found, volunteer.own_report, volunteer.not_pending, or field.duplicate
// for an id given twice). Otherwise every report is decided and audited as one decision would
// be, and the reports are answered in the order given.

#include <vector>

#include "modules/volunteering/use_case_support.h"

namespace tianshan::volunteering {

// At most this many reports per batch.
inline constexpr size_t kMaxBatch = 200;

Result<HourReport> DecideHourReport(const AppContext& ctx, const Caller& caller, int64_t report_id,
                                    const Decision& decision);
Result<std::vector<HourReport>> DecideHourReports(const AppContext& ctx, const Caller& caller,
                                                  const std::vector<int64_t>& report_ids, const Decision& decision);

}  // namespace tianshan::volunteering
