#include "modules/audit/module.h"

#include "core/json.h"
#include "http/edge.h"
#include "http/gate.h"
#include "http/pagination.h"
#include "http/url.h"
#include "modules/audit/audit_query.h"
#include "storage/sql_text.h"

namespace tianshan::audit {
namespace {

// before/after are stored as JSON text; embed them as JSON values.
void EmbedJson(JsonOut& out, const char* key, const std::string& text) {
  out.Key(key);
  rapidjson::Document d;
  if (text.empty() || d.Parse(text.c_str()).HasParseError()) {
    out.Null();
  } else {
    d.Accept(out.w());
  }
}

Result<http::HttpResponse> ListAudit(AppContext& ctx, http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto page, http::ParsePageRequest(req, 50, 500));
  TS_ASSIGN_OR_RETURN(auto cursor, http::ParseIdCursor(page.cursor));
  TS_ASSIGN_OR_RETURN(auto query, ParseAuditQuery(req));
  TS_ASSIGN_OR_RETURN(auto result, ReadAuditPage(ctx, *req.actor, query, cursor, page.limit));
  JsonOut out;
  out.StartObject().Key("items").StartArray();
  for (const auto& e : result.page.items) {
    out.StartObject()
        .Field("id", e.id)
        .Field("at", FormatUtc(e.at))
        .Field("actor_account_id", e.actor_account_id)
        .Key("actor_name");
    if (auto name = e.actor_account_id ? result.actor_names.find(*e.actor_account_id) : result.actor_names.end();
        name != result.actor_names.end()) {
      out.String(name->second);
    } else {
      out.Null();
    }
    out.Field("action", e.action)
        .Field("entity_type", e.entity_type)
        .Field("entity_id", e.entity_id)
        .Field("organization_path", e.organization_path);
    EmbedJson(out, "before", e.before_json);
    EmbedJson(out, "after", e.after_json);
    out.EndObject();
  }
  out.EndArray();
  out.Field("next_cursor", http::IdCursorText(result.page.next_cursor));
  out.EndObject();
  return http::Json(out);
}

Result<http::HttpResponse> ExportAudit(AppContext& ctx, http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto query, ParseAuditQuery(req));
  TS_ASSIGN_OR_RETURN(auto file, ExportAuditSheet(ctx, *req.actor, query));
  http::HttpResponse resp;
  resp.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  resp.body = std::move(file.bytes);
  resp.Header("Content-Disposition",
              "attachment; filename=\"audit.xlsx\"; filename*=UTF-8''" + http::PercentEncode(file.file_name));
  return resp;
}

}  // namespace

ModuleDefinition AuditModule() {
  ModuleDefinition m;
  m.name = "audit";
  m.migrations = storage::EmbeddedMigrations("audit", "audit/migrations/");
  // Reading the audit log of an organization's subtree: the organization's `can` carries it, so
  // that the web lists the audit screen for exactly those who may read it.
  m.permissions = {{"audit.read", "organization", "committee_admin covering it",
                    [](const auth::Actor& actor, std::string_view path) {
                      return actor.Covers(path, {auth::Role::kCommitteeAdmin});
                    }}};
  m.messages = {
      {"audit.until_before_since", "结束日期不能早于开始日期", "The end date is before the start date"},
      {"audit.export_too_large", "超过 {} 条，请缩小日期范围后再导出",
       "More than {} entries; narrow the dates and export again"},
  };
  // Entries follow their organization when its subtree moves, so new ancestors' admins read them.
  m.on_subtree_moved = [](storage::Transaction& tx, const std::string& from, const std::string& to) {
    return storage::RewritePathPrefix(tx, "audit_entries", "organization_path", from, to);
  };
  m.register_routes = [](http::Router& r, AppContext& ctx) {
    http::Gated(r, "audit.read").Get("/api/v1/audit", [&ctx](http::HttpRequest& req) { return ListAudit(ctx, req); });
    http::Gated(r, "audit.read").Get("/api/v1/audit/export", [&ctx](http::HttpRequest& req) {
      return ExportAudit(ctx, req);
    });
  };
  return m;
}

}  // namespace tianshan::audit
