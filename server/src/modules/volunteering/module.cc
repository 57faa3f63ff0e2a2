#include "modules/volunteering/module.h"

#include "modules/volunteering/handlers.h"
#include "modules/volunteering/load_demo.h"
#include "modules/volunteering/messages.h"
#include "modules/volunteering/verify_counters.h"

namespace tianshan {

ModuleDefinition VolunteeringModule() {
  ModuleDefinition m;
  m.name = "volunteering";
  m.migrations = storage::EmbeddedMigrations("volunteering", "modules/volunteering/migrations/");
  m.messages = volunteering::Messages();
  m.register_routes = [](http::Router& router, AppContext& ctx) {
    volunteering::RegisterTeamAndProjectRoutes(router, ctx);
    volunteering::RegisterSignUpRoutes(router, ctx);
    volunteering::RegisterHoursRoutes(router, ctx);
    volunteering::RegisterCertificateRoutes(router, ctx);
  };
  m.load_demo = [](AppContext& ctx, DemoContext& demo) { return volunteering::LoadDemoVolunteering(ctx, demo); };
  m.verify_counters = [](AppContext& ctx) { return volunteering::VerifyCounters(ctx); };
  return m;
}

}  // namespace tianshan
