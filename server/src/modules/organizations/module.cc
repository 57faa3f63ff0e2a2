#include "modules/organizations/module.h"

#include "modules/organizations/coverage_sheets.h"
#include "modules/organizations/demo_network.h"
#include "modules/organizations/handlers.h"
#include "modules/organizations/messages.h"
#include "modules/organizations/organization_directory.h"
#include "modules/organizations/organizations_sheet.h"
#include "modules/organizations/permissions.h"
#include "modules/organizations/verify_counters.h"

namespace tianshan {

ModuleDefinition OrganizationsModule() {
  ModuleDefinition m;
  m.name = "organizations";
  m.migrations = storage::EmbeddedMigrations("organizations", "modules/organizations/migrations/");
  m.messages = organizations::Messages();
  m.provide_services = [](AppContext& ctx) {
    static const organizations::OrganizationDirectoryImpl directory;
    ctx.organizations = &directory;
  };
  m.register_routes = [](http::Router& router, AppContext& ctx) {
    organizations::RegisterOrganizationRoutes(router, ctx);
    organizations::RegisterCoverageRoutes(router, ctx);
  };
  m.permissions = organizations::Permissions();
  m.sheets = {organizations::OrganizationsSheet(), organizations::CoverageUnitsSheet(),
              organizations::ChildCoverageSheet()};
  m.load_demo = [](AppContext& ctx, DemoContext& demo) { return organizations::LoadDemoNetwork(ctx, demo); };
  m.verify_counters = [](AppContext& ctx) { return organizations::VerifyCounters(ctx.db); };
  return m;
}

}  // namespace tianshan
