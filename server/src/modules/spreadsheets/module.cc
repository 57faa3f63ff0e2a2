#include "modules/spreadsheets/module.h"

#include "modules/spreadsheets/handlers.h"
#include "modules/spreadsheets/messages.h"

namespace tianshan {

ModuleDefinition SpreadsheetsModule() {
  ModuleDefinition m;
  m.name = "spreadsheets";
  m.messages = spreadsheets::Messages();
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
