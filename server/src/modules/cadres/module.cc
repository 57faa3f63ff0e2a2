#include "modules/cadres/module.h"

#include "modules/cadres/committee/handlers.h"
#include "modules/cadres/contacts/handlers.h"
#include "modules/cadres/messages.h"
#include "modules/cadres/permissions.h"
#include "storage/sql_text.h"

namespace tianshan::cadres {

ModuleDefinition CadresModule() {
  ModuleDefinition m;
  m.name = "cadres";
  m.migrations = storage::EmbeddedMigrations("cadres", "modules/cadres/migrations/");
  m.messages = Messages();
  m.permissions = Permissions();
  m.register_routes = [](http::Router& router, AppContext& ctx) {
    RegisterContactRoutes(router, ctx);
    RegisterCommitteeRoutes(router, ctx);
  };
  m.notification_kinds = {
      {"cadres.contact_news", "联系青年的消息", "News from my contacts"},
      {"cadres.my_cadre_news", "我的团干部的消息", "News from my cadres"},
  };
  return m;
}

}  // namespace tianshan::cadres
