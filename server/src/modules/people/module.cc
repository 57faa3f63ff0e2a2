#include "modules/people/module.h"

#include "modules/people/handlers.h"
#include "modules/people/load_demo_people.h"
#include "modules/people/messages.h"
#include "modules/people/people_sheet.h"
#include "modules/people/permissions.h"
#include "modules/people/verify_counters.h"
#include "storage/sql_text.h"

namespace tianshan {

ModuleDefinition PeopleModule() {
  ModuleDefinition m;
  m.name = "people";
  m.migrations = storage::EmbeddedMigrations("people", "modules/people/migrations/");
  m.messages = people::Messages();
  m.register_routes = [](http::Router& router, AppContext& ctx) {
    people::RegisterPersonRoutes(router, ctx);
    people::RegisterTransferRoutes(router, ctx);
    people::RegisterCorrectionRoutes(router, ctx);
  };
  m.permissions = people::Permissions();
  m.sheets = {people::PeopleSheet()};
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
