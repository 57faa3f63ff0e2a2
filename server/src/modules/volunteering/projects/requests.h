#pragma once
// What the project and shift routes read from a request (see http/edge.h): one complete 422
// per request.

#include <string>

#include "http/edge.h"
#include "modules/volunteering/projects/create_project.h"
#include "modules/volunteering/projects/create_shift.h"
#include "modules/volunteering/projects/list_projects.h"
#include "modules/volunteering/projects/update_project.h"
#include "modules/volunteering/projects/update_shift.h"

namespace tianshan::volunteering {

// ?organization_id=&team_id=&status=&manage=
ProjectFilter ReadProjectFilter(http::QueryReader& query);
Result<CreateProjectInput> ParseCreateProject(const http::HttpRequest& req);
Result<ProjectPatch> ParseProjectPatch(const http::HttpRequest& req);
// {"status": "recruiting" | ...}
Result<std::string> ParseProjectStatus(const http::HttpRequest& req);
Result<CreateShiftInput> ParseCreateShift(const http::HttpRequest& req);
Result<ShiftPatch> ParseShiftPatch(const http::HttpRequest& req);

}  // namespace tianshan::volunteering
