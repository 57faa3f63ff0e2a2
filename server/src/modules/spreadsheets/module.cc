#include "modules/spreadsheets/module.h"

#include "modules/spreadsheets/handlers.h"
#include "modules/spreadsheets/messages.h"

namespace tianshan {

ModuleDefinition SpreadsheetsModule() {
  ModuleDefinition m;
  m.name = "spreadsheets";
  m.messages = spreadsheets::Messages();
  // Whether the import screen is offered for an organization; each sheet's authorize_import
  // decides what may be imported there (people: admin or secretary; organizations: admin).
  m.permissions = {{"spreadsheets.import", "organization", "committee_admin, branch_secretary covering it",
                    [](const auth::Actor& a, std::string_view path) {
                      return a.Covers(path, {auth::Role::kCommitteeAdmin, auth::Role::kBranchSecretary});
                    }}};
  m.register_routes = [](http::Router& router, AppContext& ctx) {
    // The routes own the jobs: the router is destroyed before the database, and destroying the
    // jobs stops and joins their worker thread first.
    auto jobs = std::make_shared<spreadsheets::ImportJobs>(ctx.clock);
    spreadsheets::RegisterImportRoutes(router, ctx, jobs);
    spreadsheets::RegisterExportRoutes(router, ctx);
  };
  return m;
}

}  // namespace tianshan
