#pragma once
// What the team routes read from a request (see http/edge.h): one complete 422 per request.

#include <optional>
#include <string>

#include "http/edge.h"
#include "modules/volunteering/teams/create_team.h"
#include "modules/volunteering/teams/update_team.h"

namespace tianshan::volunteering {

Result<CreateTeamInput> ParseCreateTeam(const http::HttpRequest& req);
// {"message": "..."} (optional; an empty body applies without a message).
Result<std::optional<std::string>> ParseApplication(const http::HttpRequest& req);
// {"person_id": id}
Result<int64_t> ParsePersonId(const http::HttpRequest& req);
Result<TeamPatch> ParseTeamPatch(const http::HttpRequest& req);
// ?status= of a membership.
std::optional<std::string> ReadMemberStatus(http::QueryReader& query);

}  // namespace tianshan::volunteering
