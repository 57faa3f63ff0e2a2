#include "modules/people/module.h"

#include "modules/people/handlers.h"
#include "modules/people/load_demo_people.h"
#include "modules/people/messages.h"
#include "modules/people/verify_counters.h"

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
  m.load_demo = [](AppContext& ctx, DemoContext& demo) { return people::LoadDemoPeople(ctx, demo); };
  m.verify_counters = [](AppContext& ctx) { return people::VerifyCounters(ctx); };
  return m;
}

}  // namespace tianshan
