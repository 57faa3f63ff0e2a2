#pragma once
// Parsing shared by the volunteering handlers: request bodies and query fields into use case
// inputs, every field error collected (one complete 400/422 per request).

#include <optional>
#include <string>
#include <vector>

#include "http/edge.h"
#include "http/http_types.h"
#include "http/pagination.h"
#include "modules/volunteering/signups/check_in.h"
#include "modules/volunteering/hours/correct_hours.h"
#include "modules/volunteering/projects/create_project.h"
#include "modules/volunteering/projects/create_shift.h"
#include "modules/volunteering/teams/create_team.h"
#include "modules/volunteering/hours/list_rankings.h"
#include "modules/volunteering/hours/report_hours.h"
#include "modules/volunteering/signups/sign_up_for_shift.h"
#include "modules/volunteering/projects/update_project.h"

namespace tianshan::volunteering {

using http::BaseUrl;
using http::CallerOf;
using http::Problem;

// ?limit=&cursor= with an id cursor.
struct IdPage {
  int limit = 20;
  int64_t cursor = 0;
};
Result<IdPage> ParseIdPage(const http::HttpRequest& req);
Result<std::optional<int64_t>> OptionalQueryId(const http::HttpRequest& req, const char* name);
// ?from=YYYY-MM&to=YYYY-MM; defaults: the current year in China time.
Result<Period> ParsePeriod(const http::HttpRequest& req, int64_t now_millis);

Result<CreateTeamInput> ParseCreateTeam(std::string_view body);
Result<std::optional<std::string>> ParseApplication(std::string_view body);
struct Decision {
  bool approve = false;
  std::optional<std::string> reason;
};
Result<Decision> ParseDecision(std::string_view body);
Result<int64_t> ParsePersonId(std::string_view body);
Result<CreateProjectInput> ParseCreateProject(std::string_view body);
Result<ProjectPatch> ParseProjectPatch(std::string_view body);
Result<std::string> ParseStatus(std::string_view body);
Result<CreateShiftInput> ParseCreateShift(std::string_view body);
Result<SignUpInput> ParseSignUp(const http::HttpRequest& req);
Result<std::string> ParseToken(std::string_view body);
Result<AttendanceFix> ParseAttendanceFix(std::string_view body);
Result<std::vector<int64_t>> ParseConfirm(std::string_view body);
Result<HourReportInput> ParseHourReport(std::string_view body);
Result<AdjustmentInput> ParseAdjustment(std::string_view body);
struct CorrectionInput {
  std::optional<int64_t> minutes;
  std::string reason;
};
Result<CorrectionInput> ParseCorrection(std::string_view body);
Result<std::string> ParseHoursRule(std::string_view body);

}  // namespace tianshan::volunteering
