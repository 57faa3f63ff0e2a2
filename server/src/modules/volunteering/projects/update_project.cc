#include "modules/volunteering/projects/update_project.h"

#include "modules/organizations/public/counters.h"
#include "modules/volunteering/projects/create_project.h"
#include "modules/volunteering/projects/project_repository.h"

namespace tianshan::volunteering {
namespace {

// Records the change of `access`'s project from `before` to `after` and answers the project.
Result<ProjectView> Changed(storage::Transaction& tx, const AppContext& ctx, const Caller& caller, const char* action,
                            ProjectAccess access, const std::string& before, Project after) {
  TS_RETURN_IF_ERROR(ctx.audit.Record(tx, caller,
                                      {.action = action,
                                       .entity_type = "volunteer_project",
                                       .entity_id = after.id,
                                       .organization_path = access.path,
                                       .before_json = before,
                                       .after_json = ProjectAuditJson(after)}));
  access.project = std::move(after);
  return ViewProject(access);
}

}  // namespace

Result<ProjectView> UpdateProject(const AppContext& ctx, const Caller& caller, int64_t project_id,
                                  const ProjectPatch& patch) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<ProjectView> {
    TS_ASSIGN_OR_RETURN(auto access, LoadManagedProject(tx, ctx, caller.actor, project_id, true));
    Project p = access.project;
    if (p.status == "archived") return Status::Conflict("volunteer.project_archived");
    std::string before = ProjectAuditJson(p);
    auto& f = p.fields;
    if (patch.title) f.title = *patch.title;
    if (patch.description) f.description = *patch.description;
    if (patch.brand) f.brand = *patch.brand;
    if (patch.location) f.location = *patch.location;
    if (patch.contact) f.contact = *patch.contact;
    if (patch.category) f.category = *patch.category;
    if (patch.venue_id) f.venue_id = *patch.venue_id;
    if (patch.visibility) f.visibility = *patch.visibility;
    p.updated_at = ctx.clock.NowMillis();
    TS_RETURN_IF_ERROR(UpdateProjectFields(tx, p.id, f, p.updated_at));
    return Changed(tx, ctx, caller, "volunteer_project.update", std::move(access), before, std::move(p));
  });
}

Result<ProjectView> ChangeProjectStatus(const AppContext& ctx, const Caller& caller, int64_t project_id,
                                        const std::string& status) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<ProjectView> {
    TS_ASSIGN_OR_RETURN(auto access, LoadManagedProject(tx, ctx, caller.actor, project_id, true));
    Project p = access.project;
    if (p.status == "archived") return Status::Conflict("volunteer.project_archived");
    if (!IsAllowedTransition(p.status, status)) {
      return Status::Invalid("status", "volunteer.bad_transition", p.status + " → " + status);
    }
    std::string before = ProjectAuditJson(p);
    p.status = status;
    p.updated_at = ctx.clock.NowMillis();
    TS_RETURN_IF_ERROR(SetProjectStatus(tx, p.id, status, p.updated_at));
    if (status == "archived") {
      TS_RETURN_IF_ERROR(organizations::AdjustCounter(tx, p.organization_id, counter::kProjects, -1));
    }
    return Changed(tx, ctx, caller, "volunteer_project.status", std::move(access), before, std::move(p));
  });
}

}  // namespace tianshan::volunteering
