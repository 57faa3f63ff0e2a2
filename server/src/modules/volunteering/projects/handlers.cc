#include "modules/volunteering/handlers.h"

#include "http/gate.h"
#include "modules/volunteering/answers.h"
#include "modules/volunteering/projects/requests.h"
#include "modules/volunteering/requests.h"
#include "modules/volunteering/volunteering_json.h"

namespace tianshan::volunteering {

void RegisterProjectRoutes(http::Router& router, const AppContext& ctx) {
  http::Gated(router, "volunteering.manage_projects")
      .Post("/api/v1/volunteering/projects", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(auto input, ParseCreateProject(req));
        TS_ASSIGN_OR_RETURN(auto project, CreateProject(ctx, http::CallerOf(req), input));
        return One(project, WriteProjectView, 201);
      });
  router.Get("/api/v1/volunteering/projects", Access::kPublic, [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    http::QueryReader query(req);
    ProjectFilter filter = ReadProjectFilter(query);
    IdPage page = ReadIdPage(query);
    TS_RETURN_IF_ERROR(query.Finish());
    TS_ASSIGN_OR_RETURN(auto list, ListProjects(ctx, ActorOf(req), filter, page.after, page.limit));
    return Page(list.items, WriteProject, list.next_cursor);
  });
  router.Get("/api/v1/volunteering/projects/{id}", Access::kPublic, [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
    TS_ASSIGN_OR_RETURN(auto details, GetProject(ctx, ActorOf(req), id));
    JsonOut out;
    out.StartObject().Key("project");
    WriteProjectView(out, details.project);
    out.Field("can_manage", details.project.manager);
    out.Key("shifts").StartArray();
    for (const auto& s : details.shifts) WriteShiftView(out, s);
    out.EndArray();
    out.EndObject();
    return http::Json(out);
  });
  http::Gated(router, "volunteering.edit_project")
      .Patch("/api/v1/volunteering/projects/{id}", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto patch, ParseProjectPatch(req));
        TS_ASSIGN_OR_RETURN(auto project, UpdateProject(ctx, http::CallerOf(req), id, patch));
        return One(project, WriteProjectView);
      });
  http::Gated(router, "volunteering.edit_project")
      .Post("/api/v1/volunteering/projects/{id}/status", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto status, ParseProjectStatus(req));
        TS_ASSIGN_OR_RETURN(auto project, ChangeProjectStatus(ctx, http::CallerOf(req), id, status));
        return One(project, WriteProjectView);
      });
  http::Gated(router, "volunteering.edit_project")
      .Post("/api/v1/volunteering/projects/{id}/shifts", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto input, ParseCreateShift(req));
        TS_ASSIGN_OR_RETURN(auto shift, CreateShift(ctx, http::CallerOf(req), id, input));
        return One(shift, WriteShiftView, 201);
      });
  http::Gated(router, "volunteering.manage_roster")
      .Patch("/api/v1/volunteering/shifts/{id}", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto patch, ParseShiftPatch(req));
        TS_ASSIGN_OR_RETURN(auto shift, UpdateShift(ctx, http::CallerOf(req), id, patch));
        return One(shift, WriteShiftView);
      });
  http::Gated(router, "volunteering.manage_roster")
      .Post("/api/v1/volunteering/shifts/{id}/cancel", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_RETURN_IF_ERROR(http::NoBody(req));
        TS_ASSIGN_OR_RETURN(auto shift, CancelShift(ctx, http::CallerOf(req), id));
        return One(shift, WriteShiftView);
      });
}

}  // namespace tianshan::volunteering
