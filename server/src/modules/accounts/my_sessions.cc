// My sessions: GET /api/v1/session/list (the caller's live sessions, which one is this) and
// DELETE /api/v1/session/list/{id} (end one of them). An id names a row of the caller's own
// account only; another account's session is 404, as is one that has ended.

#include "auth/session_events.h"
#include "auth/session_store.h"
#include "core/json.h"
#include "http/edge.h"
#include "modules/accounts/handlers.h"

namespace tianshan::accounts {
using auth::SessionPolicy;
using auth::SessionStore;

Result<http::HttpResponse> ListMySessions(AppContext& ctx, http::HttpRequest& req) {
  const auth::Actor& actor = *req.actor;
  TS_ASSIGN_OR_RETURN(auto sessions, ctx.db.Read([&](storage::Transaction& tx) {
    return SessionStore::ListLive(tx, actor.account_id, ctx.clock.NowMillis(), PolicyOf(ctx), actor.session_digest);
  }));
  JsonOut out;
  out.StartObject().Key("items").StartArray();
  for (const auto& s : sessions) {
    out.StartObject()
        .Field("id", s.id)
        .Field("created_at", FormatUtc(s.created_at))
        .Field("last_seen_at", FormatUtc(s.last_seen_at))
        .Field("expires_at", FormatUtc(s.expires_at))
        .Field("user_agent", s.user_agent)
        .Field("current", s.current)
        .EndObject();
  }
  out.EndArray().EndObject();
  return http::Json(out);
}

Result<http::HttpResponse> EndMySession(AppContext& ctx, http::HttpRequest& req) {
  const auth::Actor& actor = *req.actor;
  const std::string id(req.PathParam("id"));
  const int64_t now = ctx.clock.NowMillis();
  TS_ASSIGN_OR_RETURN(auto digest, ctx.db.Write([&](storage::Transaction& tx) -> Result<std::string> {
    auto found = SessionStore::FindDigest(tx, actor.account_id, id);
    if (!found.ok()) return found.status();
    if (!found->has_value()) return Status::NotFound();
    // Ending the session one is using is logging out, which also clears the cookie.
    if (**found == actor.session_digest) return Status::Conflict("auth.session_is_current");
    TS_RETURN_IF_ERROR(SessionStore::Delete(tx, **found));
    TS_RETURN_IF_ERROR(ctx.audit.Record(tx, {.actor_account_id = actor.account_id,
                                             .action = "session.end",
                                             .entity_type = "account",
                                             .entity_id = std::to_string(actor.account_id),
                                             .request_id = req.request_id}));
    return **found;
  }));
  auth::ForgetSession(ctx.sessions, ctx.db, digest, now);
  return http::HttpResponse::NoContent();
}

}  // namespace tianshan::accounts
