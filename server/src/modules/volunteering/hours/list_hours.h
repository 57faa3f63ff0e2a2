#pragma once
// Read use cases for hours: the caller's own ledger and total ("my hours"), an organization's
// subtree ledger (managers), and a team's hour reports (its leaders and managers).

#include <vector>

#include "modules/volunteering/use_case_support.h"

namespace tianshan::volunteering {

struct MyHours {
  int64_t total_minutes = 0;
  std::vector<LedgerEntry> entries;  // newest first
  std::optional<int64_t> next_cursor;
  std::vector<HourReport> reports;  // the latest reports (first page only)
};
Result<MyHours> ListMyHours(const AppContext& ctx, const auth::Actor& actor, int64_t before_id, int limit);

struct LedgerPage {
  std::vector<LedgerEntry> items;
  std::optional<int64_t> next_cursor;
};
// 404 unless the organization exists and the caller manages it.
Result<LedgerPage> ListLedger(const AppContext& ctx, const auth::Actor& actor, int64_t organization_id,
                              int64_t before_id, int limit);

struct ReportPage {
  std::vector<HourReport> items;
  std::optional<int64_t> next_cursor;
};
Result<ReportPage> ListHourReports(const AppContext& ctx, const auth::Actor& actor, int64_t team_id,
                                   const std::optional<std::string>& status, int64_t after_id, int limit);

}  // namespace tianshan::volunteering
