#pragma once
// What the hours routes read from a request (see http/edge.h): one complete 422 per request.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "http/edge.h"
#include "modules/volunteering/hours/correct_hours.h"
#include "modules/volunteering/hours/decide_hour_report.h"
#include "modules/volunteering/hours/list_rankings.h"
#include "modules/volunteering/hours/report_hours.h"

namespace tianshan::volunteering {

// ?from=YYYY-MM&to=YYYY-MM; defaults: the current year in China time.
Period ReadPeriod(http::QueryReader& query, int64_t now_millis);
// ?status= of an hours report.
std::optional<std::string> ReadReportStatus(http::QueryReader& query);
// ?cursor= of a ranking page: the number of rows before it.
int ReadRankingOffset(http::QueryReader& query);

// {"sign_up_ids": [id, ...]} (optional; absent or empty: every completed session).
Result<std::vector<int64_t>> ParseConfirm(const http::HttpRequest& req);
Result<HourReportInput> ParseHourReport(const http::HttpRequest& req);
Result<AdjustmentInput> ParseAdjustment(const http::HttpRequest& req);
struct CorrectionInput {
  std::optional<int64_t> minutes;
  std::string reason;
};
Result<CorrectionInput> ParseCorrection(const http::HttpRequest& req);
// {"report_ids": [id, ...], "decision": "approve" | "reject", "reason": "..."}
struct BatchDecision {
  std::vector<int64_t> report_ids;
  Decision decision;
};
Result<BatchDecision> ParseBatchDecision(const http::HttpRequest& req);
// {"hours_rule": "national" | ...}
Result<std::string> ParseHoursRule(const http::HttpRequest& req);

}  // namespace tianshan::volunteering
