#include "modules/volunteering/module.h"

#include "modules/volunteering/handlers.h"
#include "modules/volunteering/load_demo.h"
#include "modules/volunteering/messages.h"
#include "modules/volunteering/permissions.h"
#include "modules/volunteering/reminders.h"
#include "modules/volunteering/verify_counters.h"
#include "modules/volunteering/work_items.h"
#include "storage/sql_text.h"

namespace tianshan {

ModuleDefinition VolunteeringModule() {
  ModuleDefinition m;
  m.name = "volunteering";
  m.migrations = storage::EmbeddedMigrations("volunteering", "modules/volunteering/migrations/");
  m.messages = volunteering::Messages();
  m.provide_services = [](AppContext& ctx) { AddWorkItems(ctx, volunteering::WorkItems()); };
  m.register_routes = [](http::Router& router, AppContext& ctx) {
    volunteering::RegisterTeamRoutes(router, ctx);
    volunteering::RegisterProjectRoutes(router, ctx);
    volunteering::RegisterSignUpRoutes(router, ctx);
    volunteering::RegisterHoursRoutes(router, ctx);
    volunteering::RegisterCertificateRoutes(router, ctx);
  };
  m.permissions = volunteering::Permissions();
  m.jobs = {
      {"volunteering.shift_reminders", "Reminds confirmed volunteers of shifts starting tomorrow",
       JobSchedule::Daily(18, 0), 3, 600, volunteering::RemindShiftsTomorrow},
      {"volunteering.hours_reminders", "Reminds team leaders of self-reported hours pending over 3 days",
       JobSchedule::Daily(8, 10), 3, 600, volunteering::RemindPendingHourReports},
  };
  m.counters = {
      {std::string(volunteering::kOverdueHourReports), "超过 3 天未确认的自报时长",
       "Self-reported hours pending over 3 days", "overdue", "/app/volunteering/approvals"},
  };
  m.notification_kinds = {
      {"volunteering.shift_tomorrow", "志愿服务前一天提醒", "Shift tomorrow"},
      {"volunteering.hours_overdue", "志愿时长待确认提醒", "Hours waiting for confirmation"},
      {"volunteering.promoted", "候补转正通知", "Moved up from the waitlist"},
  };
  m.load_demo = [](AppContext& ctx, DemoContext& demo) { return volunteering::LoadDemoVolunteering(ctx, demo); };
  m.verify_counters = [](AppContext& ctx) { return volunteering::VerifyCounters(ctx); };
  // Rows keep their organization's materialized path; rewrite them when a subtree moves.
  m.on_subtree_moved = [](storage::Transaction& tx, const std::string& from, const std::string& to) -> Status {
    TS_RETURN_IF_ERROR(storage::RewritePathPrefix(tx, "volunteering_teams", "org_path", from, to));
    TS_RETURN_IF_ERROR(storage::RewritePathPrefix(tx, "volunteering_projects", "org_path", from, to));
    TS_RETURN_IF_ERROR(storage::RewritePathPrefix(tx, "volunteering_ledger", "org_path", from, to));
    TS_RETURN_IF_ERROR(storage::RewritePathPrefix(tx, "volunteering_person_months", "org_path", from, to));
    TS_RETURN_IF_ERROR(storage::RewritePathPrefix(tx, "volunteering_team_months", "org_path", from, to));
    return Status::Ok();
  };
  return m;
}

}  // namespace tianshan
