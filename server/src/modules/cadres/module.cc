#include "modules/cadres/module.h"

#include "modules/cadres/committee/handlers.h"
#include "modules/cadres/contacts/handlers.h"
#include "modules/cadres/load_demo.h"
#include "modules/cadres/messages.h"
#include "modules/cadres/permissions.h"
#include "modules/cadres/postings/handlers.h"
#include "modules/cadres/recount.h"
#include "modules/cadres/units/handlers.h"
#include "modules/cadres/work_items.h"
#include "storage/sql_text.h"

namespace tianshan::cadres {

ModuleDefinition CadresModule() {
  ModuleDefinition m;
  m.name = "cadres";
  m.migrations = storage::EmbeddedMigrations("cadres", "modules/cadres/migrations/");
  m.messages = Messages();
  m.permissions = Permissions();
  // The workbench's cadre item; its area decides the cadre's menu entries (work_items.h).
  m.provide_services = [](AppContext& ctx) { AddWorkItems(ctx, WorkItems()); };
  m.register_routes = [](http::Router& router, AppContext& ctx) {
    RegisterContactRoutes(router, ctx);
    RegisterCommitteeRoutes(router, ctx);
    RegisterPostingRoutes(router, ctx);
    RegisterUnitRoutes(router, ctx);
  };
  m.notification_kinds = {
      {"cadres.contact_news", "联系青年的消息", "News from my contacts"},
      {"cadres.my_cadre_news", "我的团干部的消息", "News from my cadres"},
      {"cadres.reminders", "联系青年提醒（谈心、活动、求助）", "Contact reminders (talks, activities, help)"},
      {"cadres.posting_reminders", "下沉报告待提交提醒", "Reminders of posting reports due"},
  };
  m.jobs = {
      {"cadres.recount", "Moves the period day to today and recomputes due talks, activities and overdue help",
       JobSchedule::Daily(0, 10), 3, 600, RecountFigures},
      {"cadres.reminders", "Reminds cadres of talks and activities due and help requests older than 7 days",
       JobSchedule::Daily(8, 10), 3, 600, RemindCadres},
      {"cadres.posting_reminders", "Reminds cadres of postings that ended without a report", JobSchedule::Daily(8, 20),
       3, 600, RemindUnreportedPostings},
  };
  m.counters = {
      {"cadres.talk_due", "本年度尚未面对面谈心的联系青年", "Contacts without a face-to-face talk this year", "overdue",
       "/app/organizations/{id}/cadres"},
      {"cadres.activity_due", "本季度尚未参加线下活动的联系青年", "Contacts without an offline activity this quarter",
       "overdue", "/app/organizations/{id}/cadres"},
      {"cadres.help_overdue", "超过 7 天未办结的青年求助", "Help requests open over 7 days", "overdue",
       "/app/organizations/{id}/cadres"},
      {"cadres.unreported", "已结束但未提交报告的下沉", "Ended postings without a report", "overdue",
       "/app/organizations/{id}/cadres-postings"},
  };
  m.load_demo = LoadDemo;
  m.verify_counters = [](AppContext& ctx) { return VerifyCounters(ctx); };
  // Rows keep their organization's materialized path; rewrite them when a subtree moves.
  m.on_subtree_moved = [](storage::Transaction& tx, const std::string& from, const std::string& to) -> Status {
    for (const char* table : {"cadres_cadres", "cadres_settings", "cadres_contacts", "cadres_interactions",
                              "cadres_help_requests", "cadres_postings", "cadres_served_units"}) {
      TS_RETURN_IF_ERROR(storage::RewritePathPrefix(tx, table, "org_path", from, to));
    }
    TS_RETURN_IF_ERROR(storage::RewritePathPrefix(tx, "cadres_postings", "host_path", from, to));
    TS_RETURN_IF_ERROR(storage::RewritePathPrefix(tx, "cadres_served_units", "unit_path", from, to));
    return storage::RewritePathPrefix(tx, "cadres_services", "unit_path", from, to);
  };
  return m;
}

}  // namespace tianshan::cadres
