#include "modules/notifications/handlers.h"

#include <algorithm>

#include "http/edge.h"
#include "http/gate.h"
#include "modules/notifications/live_updates.h"
#include "modules/notifications/notification_repository.h"

namespace tianshan::notifications {
namespace {

using http::Access;
using http::HttpRequest;
using http::HttpResponse;

constexpr size_t kMaxEmail = 254;

void OptionalTime(JsonOut& out, const char* key, const std::optional<int64_t>& t) {
  out.Key(key);
  t ? out.String(FormatUtc(*t)) : out.Null();
}

void WriteNotification(JsonOut& out, const NotificationRow& n, Lang lang) {
  out.StartObject()
      .Field("id", n.id)
      .Field("kind", n.kind)
      .Field("title", TranslateNamed(lang, n.title_key, n.params))
      .Field("body", TranslateNamed(lang, n.body_key, n.params))
      .Field("link", n.link)
      .Field("created_at", FormatUtc(n.created_at));
  OptionalTime(out, "read_at", n.read_at);
  out.EndObject();
}

bool LooksLikeEmail(const std::string& s) {
  auto at = s.find('@');
  return at != std::string::npos && at > 0 && s.find('.', at) != std::string::npos && s.back() != '.' &&
         s.find_first_of(" \t\r\n<>,;\"") == std::string::npos && s.find('@', at + 1) == std::string::npos;
}

HttpResponse SettingsJson(const AppContext& ctx, const Settings& s, Lang lang) {
  JsonOut out;
  out.StartObject().Field("email", s.email).Field("lang", s.lang).Key("kinds").StartArray();
  for (const auto& k : ctx.notification_kinds) {
    bool mail = std::find(s.email_kinds.begin(), s.email_kinds.end(), k.kind) != s.email_kinds.end();
    out.StartObject()
        .Field("kind", k.kind)
        .Field("label", lang == Lang::kEn ? k.label_en : k.label_zh)
        .Field("email", mail)
        .EndObject();
  }
  out.EndArray().Field("mail_relay", !ctx.settings.smtp_url.empty()).EndObject();
  return http::Json(out);
}

Result<Settings> ParseSettings(const AppContext& ctx, const HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  Settings s;
  s.email = r.Text("email", kMaxEmail);
  if (s.email && !LooksLikeEmail(*s.email)) r.AddError("email", "notifications.bad_email");
  s.lang = r.OneOf("lang", false, {"zh-CN", "en"}).value_or("zh-CN");
  if (const auto* kinds = r.Raw("email_kinds")) {
    if (!kinds->IsArray()) {
      r.AddError("email_kinds", "field.must_be_array");
    } else {
      for (rapidjson::SizeType i = 0; i < kinds->Size(); ++i) {
        const auto& v = (*kinds)[i];
        const std::string field = "email_kinds[" + std::to_string(i) + "]";
        if (!v.IsString()) {
          r.AddError(field, "field.must_be_string");
          continue;
        }
        std::string kind = v.GetString();
        bool known = std::any_of(ctx.notification_kinds.begin(), ctx.notification_kinds.end(),
                                 [&](const NotificationKind& k) { return k.kind == kind; });
        if (!known) {
          r.AddError(field, "notifications.unknown_kind");
        } else if (std::find(s.email_kinds.begin(), s.email_kinds.end(), kind) == s.email_kinds.end()) {
          s.email_kinds.push_back(kind);
        }
      }
    }
  }
  if (!s.email_kinds.empty() && !s.email) r.AddError("email", "notifications.email_needed");
  TS_RETURN_IF_ERROR(r.Finish());
  return s;
}

void WriteOutbox(JsonOut& out, const OutboxRow& o) {
  out.StartObject()
      .Field("id", o.id)
      .Field("account_id", o.account_id)
      .Field("to", o.to_address)
      .Field("subject", o.subject)
      .Field("status", o.status)
      .Field("attempts", static_cast<int64_t>(o.attempts))
      .Field("last_error", o.last_error)
      .Field("created_at", FormatUtc(o.created_at));
  OptionalTime(out, "sent_at", o.sent_at);
  out.EndObject();
}

}  // namespace

void RegisterRoutes(http::Router& r, const AppContext& ctx, std::shared_ptr<LiveUpdates> live) {
  http::Gated(r, http::kGateSelf).Get("/api/v1/notifications", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    http::QueryReader query(req);
    const bool unread = query.Bool("unread").value_or(false);
    const int limit = query.Limit(20, 100);
    const auto before = query.IdCursor();
    TS_RETURN_IF_ERROR(query.Finish());
    const int64_t account = req.actor->account_id;
    struct Page {
      std::vector<NotificationRow> rows;
      int64_t unread = 0;
    };
    TS_ASSIGN_OR_RETURN(Page page, ctx.db.Read([&](storage::Transaction& tx) -> Result<Page> {
      Page p;
      TS_ASSIGN_OR_RETURN(p.rows, ListNotifications(tx, account, unread, before, limit));
      TS_ASSIGN_OR_RETURN(p.unread, CountUnread(tx, account));
      return p;
    }));
    std::optional<int64_t> next;
    if (static_cast<int>(page.rows.size()) > limit) {
      page.rows.resize(static_cast<size_t>(limit));
      next = page.rows.back().id;
    }
    JsonOut out;
    out.StartObject().Key("items").StartArray();
    for (const auto& n : page.rows) WriteNotification(out, n, req.lang);
    out.EndArray().Field("next_cursor", http::IdCursorText(next)).Field("unread", page.unread).EndObject();
    return http::Json(out);
  });
  http::Gated(r, http::kGateSelf)
      .Get("/api/v1/notifications/unread-count", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        const int64_t account = req.actor->account_id;
        TS_ASSIGN_OR_RETURN(int64_t n, ctx.db.Read([&](storage::Transaction& tx) { return CountUnread(tx, account); }));
        return http::Json("{\"unread\":" + std::to_string(n) + "}");
      });
  http::Gated(r, http::kGateSelf).Get("/api/v1/notifications/stream", [live](HttpRequest& req) -> Result<HttpResponse> {
    HttpResponse resp;
    resp.content_type = "text/event-stream";
    resp.Header("X-Accel-Buffering", "no");  // nginx: pass events through at once
    // Browsers reconnect after `retry` ms when the stream drops.
    resp.body = "retry: 3000\n\n";
    const int64_t account = req.actor->account_id;
    resp.on_stream = [live, account](std::shared_ptr<http::EventStream> stream) {
      live->Subscribe(account, std::move(stream));
    };
    return resp;
  });
  http::Gated(r, http::kGateSelf)
      .Post("/api/v1/notifications/{id}/read", [&ctx, live](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_RETURN_IF_ERROR(http::NoBody(req));
        const int64_t account = req.actor->account_id;
        TS_ASSIGN_OR_RETURN(int64_t unread, ctx.db.Write([&](storage::Transaction& tx) -> Result<int64_t> {
          TS_ASSIGN_OR_RETURN(bool mine, MarkRead(tx, account, id, ctx.clock.NowMillis()));
          if (!mine) return Status::NotFound("notifications.not_found");
          return CountUnread(tx, account);
        }));
        live->Changed({account});
        return http::Json("{\"unread\":" + std::to_string(unread) + "}");
      });
  http::Gated(r, http::kGateSelf)
      .Post("/api/v1/notifications/read-all", [&ctx, live](HttpRequest& req) -> Result<HttpResponse> {
        TS_RETURN_IF_ERROR(http::NoBody(req));
        const int64_t account = req.actor->account_id;
        TS_RETURN_IF_ERROR(ctx.db.Write(
            [&](storage::Transaction& tx) { return MarkAllRead(tx, account, ctx.clock.NowMillis()).status(); }));
        live->Changed({account});
        return http::Json("{\"unread\":0}");
      });
  http::Gated(r, http::kGateSelf)
      .Get("/api/v1/notifications/settings", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        const int64_t account = req.actor->account_id;
        TS_ASSIGN_OR_RETURN(Settings s,
                            ctx.db.Read([&](storage::Transaction& tx) { return LoadSettings(tx, account); }));
        return SettingsJson(ctx, s, req.lang);
      });
  http::Gated(r, http::kGateSelf)
      .Put("/api/v1/notifications/settings", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(Settings s, ParseSettings(ctx, req));
        const int64_t account = req.actor->account_id;
        TS_RETURN_IF_ERROR(ctx.db.Write([&](storage::Transaction& tx) -> Status {
          TS_RETURN_IF_ERROR(SaveSettings(tx, account, s, ctx.clock.NowMillis()));
          // The address is personal data: the audit entry says only that settings changed.
          const std::string after = "{\"email_kinds\":" + std::to_string(s.email_kinds.size()) + "}";
          return ctx.audit.Record(tx, http::CallerOf(req),
                                  {"notifications.settings", "account", account, "", "", after});
        }));
        return SettingsJson(ctx, s, req.lang);
      });
  http::Gated(r, "notifications.outbox")
      .Get("/api/v1/notifications/outbox", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        if (!req.actor->AdministersARoot()) return Status::Forbidden("notifications.outbox_admins_only");
        http::QueryReader query(req);
        std::string status = query.OneOf("status", {"pending", "sent", "failed"}).value_or("");
        const int limit = query.Limit(50, 200);
        const auto before = query.IdCursor();
        TS_RETURN_IF_ERROR(query.Finish());
        TS_ASSIGN_OR_RETURN(
            auto rows, ctx.db.Read([&](storage::Transaction& tx) { return ListOutbox(tx, status, before, limit); }));
        std::optional<int64_t> next;
        if (static_cast<int>(rows.size()) > limit) {
          rows.resize(static_cast<size_t>(limit));
          next = rows.back().id;
        }
        JsonOut out;
        out.StartObject().Key("items").StartArray();
        for (const auto& o : rows) WriteOutbox(out, o);
        out.EndArray()
            .Field("next_cursor", http::IdCursorText(next))
            .Field("mail_relay", !ctx.settings.smtp_url.empty())
            .EndObject();
        return http::Json(out);
      });
}

}  // namespace tianshan::notifications
