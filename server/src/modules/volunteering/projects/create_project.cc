#include "modules/volunteering/projects/create_project.h"

#include "modules/organizations/public/counters.h"
#include "modules/volunteering/permissions.h"
#include "modules/volunteering/projects/project_repository.h"
#include "modules/volunteering/teams/team_repository.h"
#include "modules/volunteering/volunteering_json.h"

namespace tianshan::volunteering {
namespace {

struct Target {
  auth::OrganizationRef org;
  std::optional<Team> team;
};

Result<Target> ResolveTarget(storage::Transaction& tx, const AppContext& ctx, const CreateProjectInput& input) {
  Target t;
  int64_t org_id = input.organization_id.value_or(0);
  if (input.team_id) {
    TS_ASSIGN_OR_RETURN(t.team, FindTeam(tx, *input.team_id));
    if (!t.team || t.team->status != "active") return Status::Invalid("team_id", "volunteer.team_not_found");
    if (input.organization_id && *input.organization_id != t.team->organization_id) {
      return Status::Invalid("organization_id", "volunteer.team_other_organization");
    }
    org_id = t.team->organization_id;
  }
  if (org_id == 0) return Status::Invalid("organization_id", "field.required");
  TS_ASSIGN_OR_RETURN(t.org, FindOrganizationField(tx, ctx, org_id, "organization_id"));
  return t;
}

Result<Project> Insert(storage::Transaction& tx, const AppContext& ctx, const Target& target,
                       const CreateProjectInput& input, const std::string& status) {
  int64_t now = ctx.clock.NowMillis();
  Project p;
  p.organization_id = target.org.id;
  p.org_path = target.org.path;
  p.team_id = input.team_id;
  p.fields = input.fields;
  if (target.team) p.team_name = target.team->name;
  p.status = status;
  p.created_at = p.updated_at = now;
  TS_ASSIGN_OR_RETURN(p.id, InsertProject(tx, p, now));
  if (status != "archived") {
    TS_RETURN_IF_ERROR(organizations::AdjustCounter(tx, p.organization_id, counter::kProjects, 1));
  }
  return p;
}

}  // namespace

std::string ProjectAuditJson(const Project& p) {
  return JsonText([&](JsonOut& out) { WriteProject(out, p); });
}

Result<ProjectView> CreateProject(const AppContext& ctx, const Caller& caller, const CreateProjectInput& input) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<ProjectView> {
    TS_ASSIGN_OR_RETURN(auto target, ResolveTarget(tx, ctx, input));
    TS_ASSIGN_OR_RETURN(bool leader, ActorInTeam(tx, caller.actor, input.team_id, true));
    if (!CanManageProject(caller.actor, target.org.path, leader)) return Status::Forbidden("volunteer.needs_manager");
    TS_ASSIGN_OR_RETURN(auto project, Insert(tx, ctx, target, input, "draft"));
    TS_RETURN_IF_ERROR(ctx.audit.Record(tx, caller,
                                        {.action = "volunteer_project.create",
                                         .entity_type = "volunteer_project",
                                         .entity_id = project.id,
                                         .organization_path = project.org_path,
                                         .after_json = ProjectAuditJson(project)}));
    return ViewProject(ProjectAccess{std::move(project), target.org.path, /*manager=*/true, /*visible=*/true});
  });
}

Result<Project> CreateProjectUnchecked(storage::Transaction& tx, const AppContext& ctx, const CreateProjectInput& input,
                                       const std::string& status) {
  TS_ASSIGN_OR_RETURN(auto target, ResolveTarget(tx, ctx, input));
  return Insert(tx, ctx, target, input, status);
}

}  // namespace tianshan::volunteering
