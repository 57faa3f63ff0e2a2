#include "modules/volunteering/hours/requests.h"

#include "modules/volunteering/public/hours_rule.h"

namespace tianshan::volunteering {
namespace {

constexpr int64_t kMaxRankingOffset = 1000000;
constexpr int64_t kMaxAdjustment = 100000;  // minutes

std::string ReadMonth(http::QueryReader& query, const char* name, std::string fallback) {
  auto month = query.Text(name, 7);
  if (!month) return fallback;
  if (!IsValidMonth(*month)) query.AddError(name, "volunteer.bad_month");
  return *month;
}

}  // namespace

Period ReadPeriod(http::QueryReader& query, int64_t now_millis) {
  std::string year = ChinaDate(now_millis).substr(0, 4);
  Period p{ReadMonth(query, "from", year + "-01"), ReadMonth(query, "to", year + "-12")};
  if (IsValidMonth(p.from) && IsValidMonth(p.to) && p.from > p.to) query.AddError("from", "volunteer.bad_period");
  return p;
}

std::optional<std::string> ReadReportStatus(http::QueryReader& query) {
  return query.OneOf("status", {"pending", "approved", "rejected"});
}

int ReadRankingOffset(http::QueryReader& query) {
  auto offset = query.IdCursor();
  if (!offset) return 0;
  if (*offset > kMaxRankingOffset) {
    query.AddError("cursor", "query.bad_cursor");
    return 0;
  }
  return static_cast<int>(*offset);
}

Result<std::vector<int64_t>> ParseConfirm(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req, /*empty_is_object=*/true));
  ObjectReader r(doc);
  auto ids = r.IdArray("sign_up_ids", false);
  TS_RETURN_IF_ERROR(r.Finish());
  return ids.value_or(std::vector<int64_t>{});
}

Result<HourReportInput> ParseHourReport(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  HourReportInput in;
  in.team_id = r.Int("team_id", true, 1).value_or(0);
  in.project_id = r.Int("project_id", false, 1);
  in.worked_on = r.Date("worked_on", true).value_or("");
  in.minutes = r.Int("minutes", true, 1, kMaxReportMinutes).value_or(0);
  in.description = r.String("description", true, kMaxText, 1).value_or("");
  TS_RETURN_IF_ERROR(r.Finish());
  return in;
}

Result<AdjustmentInput> ParseAdjustment(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  AdjustmentInput in;
  in.person_id = r.Int("person_id", true, 1).value_or(0);
  in.project_id = r.Int("project_id", true, 1).value_or(0);
  auto minutes = r.Int("minutes", true, -kMaxAdjustment, kMaxAdjustment);
  if (minutes && *minutes == 0) r.AddError("minutes", "volunteer.minutes_nonzero");
  in.minutes = minutes.value_or(0);
  in.worked_on = r.Date("worked_on", true).value_or("");
  in.reason = r.String("reason", true, kMaxShort, 1).value_or("");
  TS_RETURN_IF_ERROR(r.Finish());
  return in;
}

Result<CorrectionInput> ParseCorrection(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  CorrectionInput in;
  in.minutes = r.Int("minutes", false, 0, kMaxAdjustment);
  in.reason = r.String("reason", true, kMaxShort, 1).value_or("");
  TS_RETURN_IF_ERROR(r.Finish());
  return in;
}

Result<BatchDecision> ParseBatchDecision(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  BatchDecision b;
  auto ids = r.IdArray("report_ids", true, kMaxBatch);
  if (ids && ids->empty()) r.AddError("report_ids", "field.empty");
  b.report_ids = ids.value_or(std::vector<int64_t>{});
  b.decision.approve = r.OneOf("decision", true, {"approve", "reject"}).value_or("") == "approve";
  b.decision.reason = r.Text("reason", kMaxShort);
  TS_RETURN_IF_ERROR(r.Finish());
  return b;
}

Result<std::string> ParseHoursRule(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  auto rule = r.OneOf("hours_rule", true, HoursRules());
  TS_RETURN_IF_ERROR(r.Finish());
  return *rule;
}

}  // namespace tianshan::volunteering
