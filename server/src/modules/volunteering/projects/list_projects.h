#pragma once
// Read use cases for projects: the public list (phone-first project list) and one project with
// its shifts. The public sees public, published projects; a signed-in caller also sees the
// members-only projects of subtrees they belong to and, as a manager, drafts.

#include <vector>

#include "modules/volunteering/projects/project_views.h"
#include "modules/volunteering/use_case_support.h"

namespace tianshan::volunteering {

struct ProjectFilter {
  std::optional<int64_t> organization_id;  // subtree; all organizations when absent
  std::optional<int64_t> team_id;
  std::optional<std::string> status;
  bool manage = false;  // ?manage=true: only projects the caller manages (drafts included)
};

struct ProjectPage {
  std::vector<Project> items;
  std::optional<int64_t> next_cursor;
};

Result<ProjectPage> ListProjects(const AppContext& ctx, const auth::Actor* actor, const ProjectFilter& filter,
                                 int64_t after_id, int limit);

struct ProjectDetails {
  ProjectView project;
  std::vector<ShiftView> shifts;
};
Result<ProjectDetails> GetProject(const AppContext& ctx, const auth::Actor* actor, int64_t project_id);

}  // namespace tianshan::volunteering
