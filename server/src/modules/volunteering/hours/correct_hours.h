#pragma once
// Use cases that change confirmed hours, always by appending to the ledger.
//
// CorrectLedgerEntry: 404 unless the entry exists and the caller manages its organization (or
// leads its team) → reversals cannot be corrected and an entry is reversed at most once (409)
// → a "reversal" entry with the negated minutes and the reason; when `new_minutes` is given, a
// "correction" entry with those minutes and the same reason. A reversal that would make a
// total negative is a 422 on "minutes". Audit; one transaction.
//
// AdjustHours: a manager (or team leader) credits or debits minutes (non-zero, may be
// negative) for a volunteer on a project, with a reason; a result below zero is a 422 on
// "minutes" (volunteer.negative_total) and nothing changes.

#include <vector>

#include "modules/volunteering/use_case_support.h"

namespace tianshan::volunteering {

Result<std::vector<LedgerEntry>> CorrectLedgerEntry(const AppContext& ctx, const Caller& caller, int64_t entry_id,
                                                    std::optional<int64_t> new_minutes, const std::string& reason);

struct AdjustmentInput {
  int64_t person_id = 0;
  int64_t project_id = 0;
  int64_t minutes = 0;
  std::string worked_on;  // "YYYY-MM-DD"
  std::string reason;
};
Result<LedgerEntry> AdjustHours(const AppContext& ctx, const Caller& caller, const AdjustmentInput& input);

}  // namespace tianshan::volunteering
