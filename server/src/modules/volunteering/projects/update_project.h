#pragma once
// Use cases: change a project's fields (PATCH; absent fields keep their value) and move it
// along draft → recruiting → running → finished → archived (or draft → archived).
//
// Both: 404 when not visible, 403 unless the caller manages it; archived projects are frozen
// (409). A status change that skips or goes back is a 422 on "status"; archiving takes the
// project out of "volunteer.projects". Audit with before and after; one transaction.

#include "modules/volunteering/projects/project_views.h"
#include "modules/volunteering/use_case_support.h"

namespace tianshan::volunteering {

struct ProjectPatch {
  std::optional<std::string> title;
  std::optional<std::optional<std::string>> description, brand, location, contact;
  std::optional<std::string> category;
  std::optional<std::optional<int64_t>> venue_id;
  std::optional<std::string> visibility;
};

Result<ProjectView> UpdateProject(const AppContext& ctx, const Caller& caller, int64_t project_id,
                                  const ProjectPatch& patch);
Result<ProjectView> ChangeProjectStatus(const AppContext& ctx, const Caller& caller, int64_t project_id,
                                        const std::string& status);

}  // namespace tianshan::volunteering
