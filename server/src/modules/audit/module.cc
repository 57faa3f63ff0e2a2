#include "modules/audit/module.h"

#include "core/json.h"
#include "http/edge.h"
#include "http/pagination.h"
#include "storage/sql_text.h"

namespace tianshan::audit {
namespace {

http::HttpResponse ListAudit(AppContext& ctx, http::HttpRequest& req) {
  auto page = http::ParsePageRequest(req, 50, 500);
  if (!page.ok()) return http::Problem(req, page.status());
  auto cursor = http::ParseIdCursor(page->cursor);
  if (!cursor.ok()) return http::Problem(req, cursor.status());
  auto org_id = http::RequireQueryId(req, "organization_id");
  if (!org_id.ok()) return http::Problem(req, org_id.status());
  auto entity_type = req.Query("entity_type");
  auto result = ctx.db.Read([&](storage::Transaction& tx) -> Result<AuditPage> {
    if (ctx.organizations == nullptr) return Status::NotFound();
    auto org = ctx.organizations->Find(tx, *org_id);
    if (!org.ok()) return org.status();
    if (!org->has_value() || !req.actor->Covers((*org)->path, {auth::Role::kCommitteeAdmin})) {
      return Status::NotFound();
    }
    return ctx.audit.ListSubtree(tx, (*org)->path, *cursor, page->limit, entity_type);
  });
  if (!result.ok()) return http::Problem(req, result.status());
  JsonOut out;
  out.StartObject().Key("items").StartArray();
  for (const auto& e : result->items) {
    out.StartObject()
        .Field("id", e.id)
        .Field("at", FormatUtc(e.at))
        .Field("actor_account_id", e.actor_account_id)
        .Field("action", e.action)
        .Field("entity_type", e.entity_type)
        .Field("entity_id", e.entity_id)
        .Field("organization_path", e.organization_path);
    // before/after are stored as JSON text; embed them as JSON values.
    for (const auto& [key, text] : {std::pair{"before", &e.before_json}, std::pair{"after", &e.after_json}}) {
      out.Key(key);
      rapidjson::Document d;
      if (text->empty() || d.Parse(text->c_str()).HasParseError()) {
        out.Null();
      } else {
        d.Accept(out.w());
      }
    }
    out.EndObject();
  }
  out.EndArray();
  out.Field("next_cursor", http::IdCursorText(result->next_cursor));
  out.EndObject();
  return http::HttpResponse::Json(out.Take());
}

}  // namespace

ModuleDefinition AuditModule() {
  ModuleDefinition m;
  m.name = "audit";
  m.migrations = storage::EmbeddedMigrations("audit", "audit/migrations/");
  // Entries follow their organization when its subtree moves, so new ancestors' admins read them.
  m.on_subtree_moved = [](storage::Transaction& tx, const std::string& from, const std::string& to) {
    return storage::RewritePathPrefix(tx, "audit_entries", "organization_path", from, to);
  };
  m.register_routes = [](http::Router& r, AppContext& ctx) {
    r.Add("GET", "/api/v1/audit", http::Access::kSession,
          [&ctx](http::HttpRequest& req) { return ListAudit(ctx, req); });
  };
  return m;
}

}  // namespace tianshan::audit
