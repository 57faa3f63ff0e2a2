#include "modules/volunteering/projects/list_projects.h"

#include "modules/volunteering/projects/project_repository.h"
#include "modules/volunteering/teams/team_repository.h"

namespace tianshan::volunteering {

Result<ProjectPage> ListProjects(const AppContext& ctx, const auth::Actor* actor, const ProjectFilter& filter,
                                 int64_t after_id, int limit) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<ProjectPage> {
    ProjectQuery q;
    q.status = filter.status;
    q.team_id = filter.team_id;
    q.after_id = after_id;
    if (filter.organization_id) {
      TS_ASSIGN_OR_RETURN(auto org, FindOrganization(tx, ctx, *filter.organization_id));
      q.path = org.path;
    }
    if (filter.manage && !actor) return Status::Unauthorized();
    // The public reads public, published projects straight from the index; a signed-in
    // caller's visibility is decided per row, reading in batches until the page is full.
    q.public_only = actor == nullptr;
    ProjectPage page;
    while (static_cast<int>(page.items.size()) <= limit) {
      q.limit = limit + 1;
      TS_ASSIGN_OR_RETURN(auto rows, ListProjects(tx, q));
      for (auto& p : rows) {
        q.after_id = p.id;
        if (actor) {
          auto access = LoadProject(tx, ctx, actor, p.id);
          if (!access.ok()) {
            if (access.status().code() == StatusCode::kNotFound) continue;
            return access.status();
          }
          if (filter.manage && !access->manager) continue;
        }
        page.items.push_back(std::move(p));
        if (static_cast<int>(page.items.size()) > limit) break;
      }
      if (static_cast<int>(rows.size()) < q.limit) break;
    }
    if (static_cast<int>(page.items.size()) > limit) {
      page.items.pop_back();
      page.next_cursor = page.items.back().id;
    }
    return page;
  });
}

Result<ProjectDetails> GetProject(const AppContext& ctx, const auth::Actor* actor, int64_t project_id) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<ProjectDetails> {
    TS_ASSIGN_OR_RETURN(auto access, LoadProject(tx, ctx, actor, project_id));
    ProjectDetails d;
    d.project = ViewProject(access);
    TS_ASSIGN_OR_RETURN(auto shifts, ListShifts(tx, project_id));
    TS_ASSIGN_OR_RETURN(d.shifts, ViewShifts(tx, actor, access, std::move(shifts), ctx.clock.NowMillis()));
    return d;
  });
}

}  // namespace tianshan::volunteering
