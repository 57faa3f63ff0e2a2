#pragma once
// Use case: the leader confirms the hours of a shift's completed sessions.
//
// Steps: 404/403 unless the caller manages the shift → the hours rule in force at the
// project's organization → for each session with a check-out and no ledger entry yet (only
// the given sign-ups when `sign_up_ids` is not empty): credited minutes by the rule, a
// "session" ledger entry credited to the project's organization (and team), totals and
// counters rolled up the tree (AppendLedger) → audit each; one transaction. Sessions already
// confirmed are skipped, so confirming twice changes nothing.

#include <vector>

#include "modules/volunteering/use_case_support.h"

namespace tianshan::volunteering {

Result<std::vector<LedgerEntry>> ConfirmShiftHours(const AppContext& ctx, const Caller& caller, int64_t shift_id,
                                                   const std::vector<int64_t>& sign_up_ids);

// The ledger entry for one session, without authorization (demo data and tests).
Result<LedgerEntry> ConfirmSessionUnchecked(storage::Transaction& tx, const AppContext& ctx, const Project& project,
                                            const std::string& org_path, const Attendance& a, const std::string& rule,
                                            std::optional<int64_t> actor_account_id);

}  // namespace tianshan::volunteering
