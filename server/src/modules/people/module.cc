#include "modules/people/module.h"

#include "modules/people/handlers.h"
#include "modules/people/load_demo_people.h"
#include "modules/people/messages.h"
#include "modules/people/people_sheet.h"
#include "modules/people/permissions.h"
#include "modules/people/reminders.h"
#include "modules/people/verify_counters.h"
#include "modules/people/work_items.h"
#include "storage/sql_text.h"

namespace tianshan {

ModuleDefinition PeopleModule() {
  ModuleDefinition m;
  m.name = "people";
  m.migrations = storage::EmbeddedMigrations("people", "modules/people/migrations/");
  m.messages = people::Messages();
  m.provide_services = [](AppContext& ctx) { AddWorkItems(ctx, people::WorkItems()); };
  m.register_routes = [](http::Router& router, AppContext& ctx) {
    people::RegisterPersonRoutes(router, ctx);
    people::RegisterTransferRoutes(router, ctx);
    people::RegisterCorrectionRoutes(router, ctx);
  };
  m.permissions = people::Permissions();
  m.sheets = {people::PeopleSheet()};
  m.jobs = {
      {"people.transfer_reminders", "Reminds of transfers pending over 7 days; counts overdue transfers",
       JobSchedule::Daily(8, 0), 3, 600, people::RemindPendingTransfers},
      {"people.correction_reminders", "Reminds the approving level of corrections pending over 3 days",
       JobSchedule::Daily(8, 5), 3, 600, people::RemindPendingCorrections},
  };
  m.counters = {
      {"overdue.transfers", "超过 7 天未办结的组织关系转接", "Transfers pending over 7 days", "overdue",
       "/app/organizations/{id}/transfers"},
      {"overdue.corrections", "超过 3 天未审核的信息更正", "Corrections pending over 3 days", "overdue",
       "/app/organizations/{id}/people"},
  };
  m.notification_kinds = {
      {"people.transfer_waiting", "组织关系转接待处理", "A transfer waits for you"},
      {"people.transfer_decided", "我的组织关系转接有结果", "My transfer was decided"},
      {"people.transfer_overdue", "组织关系转接超期提醒", "Overdue transfers"},
      {"people.correction_overdue", "信息更正待审核提醒", "Corrections waiting for approval"},
  };
  m.load_demo = [](AppContext& ctx, DemoContext& demo) { return people::LoadDemoPeople(ctx, demo); };
  m.verify_counters = [](AppContext& ctx) { return people::VerifyCounters(ctx); };
  // Rows keep their organization's materialized path; rewrite them when a subtree moves.
  m.on_subtree_moved = [](storage::Transaction& tx, const std::string& from, const std::string& to) -> Status {
    TS_RETURN_IF_ERROR(storage::RewritePathPrefix(tx, "people_persons", "org_path", from, to));
    TS_RETURN_IF_ERROR(storage::RewritePathPrefix(tx, "people_memberships", "org_path", from, to));
    TS_RETURN_IF_ERROR(storage::RewritePathPrefix(tx, "people_positions", "org_path", from, to));
    TS_RETURN_IF_ERROR(storage::RewritePathPrefix(tx, "people_transfers", "from_path", from, to));
    TS_RETURN_IF_ERROR(storage::RewritePathPrefix(tx, "people_transfers", "to_path", from, to));
    TS_RETURN_IF_ERROR(storage::RewritePathPrefix(tx, "people_corrections", "org_path", from, to));
    return Status::Ok();
  };
  return m;
}

}  // namespace tianshan
