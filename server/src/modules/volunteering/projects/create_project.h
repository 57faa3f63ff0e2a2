#pragma once
// Use case: create a volunteer project (status draft) of an organization or of a team.
//
// Steps: field checks were done by the parser → the team, when named (unknown: 422 on
// team_id), gives the organization; an organization_id that disagrees with the team's is a
// 422 → load the organization (unknown: 422 on organization_id) → authorize (organization
// manager, or a leader of the team: 403) → insert, count "volunteer.projects" up the tree,
// audit: one transaction.

#include "modules/volunteering/projects/project_views.h"
#include "modules/volunteering/use_case_support.h"

namespace tianshan::volunteering {

struct CreateProjectInput {
  std::optional<int64_t> organization_id;
  std::optional<int64_t> team_id;
  ProjectFields fields;
};

Result<ProjectView> CreateProject(const AppContext& ctx, const Caller& caller, const CreateProjectInput& input);

// Without authorization or audit entry, inside the caller's transaction (CreateProject, demo
// data); `status` is set as given.
Result<Project> CreateProjectUnchecked(storage::Transaction& tx, const AppContext& ctx, const CreateProjectInput& input,
                                       const std::string& status);

// The project as the audit log keeps it (the API shape; no personal data).
std::string ProjectAuditJson(const Project& p);

}  // namespace tianshan::volunteering
