#include "modules/__MODULE__/module.h"

#include "modules/__MODULE__/handlers.h"
#include "modules/__MODULE__/permissions.h"
#include "storage/sql_text.h"

namespace tianshan::__MODULE__ {
namespace {

std::vector<MessageText> Messages() {
  return {
      {"__MODULE__.not_found", "未找到该记录", "No such __ENTITY_WORDS__"},
      {"__MODULE__.name_taken", "本组织已有同名记录", "This organization already has one with that name"},
  };
}

}  // namespace

ModuleDefinition __Module__Module() {
  ModuleDefinition m;
  m.name = "__MODULE__";
  m.migrations = storage::EmbeddedMigrations("__MODULE__", "modules/__MODULE__/migrations/");
  m.messages = Messages();
  m.permissions = Permissions();
  m.register_routes = [](http::Router& router, AppContext& ctx) { RegisterRoutes(router, ctx); };
  // Rows keep their organization's path; rewrite it when a subtree moves.
  m.on_subtree_moved = [](storage::Transaction& tx, const std::string& from, const std::string& to) {
    return storage::RewritePathPrefix(tx, "__MODULE_____ENTITIES__", "org_path", from, to);
  };
  return m;
}

}  // namespace tianshan::__MODULE__
