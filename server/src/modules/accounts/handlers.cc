#include "modules/accounts/handlers.h"

#include <cmath>

#include "auth/account_repository.h"
#include "auth/login_throttle.h"
#include "auth/session_events.h"
#include "auth/session_store.h"
#include "core/json.h"
#include "http/edge.h"
#include "modules/accounts/public/create_account.h"

namespace tianshan::accounts {
using auth::AccountRecord;
using auth::AccountRepository;
using auth::Actor;
using auth::Grant;
using auth::HashCost;
using auth::LoginThrottle;
using auth::NewSession;
using auth::PasswordHasher;
using auth::Role;
using auth::RoleName;
using auth::SessionPolicy;
using auth::SessionStore;
using auth::ThrottlePolicy;

SessionPolicy PolicyOf(const AppContext& ctx) {
  return {ctx.settings.session_idle_millis, ctx.settings.session_max_millis};
}

namespace {

std::string SessionJson(const AccountRecord& account, const std::vector<Grant>& grants, const std::string& csrf) {
  JsonOut out;
  out.StartObject();
  out.Key("account")
      .StartObject()
      .Field("id", account.id)
      .Field("login", account.login)
      .Field("display_name", account.display_name)
      .EndObject();
  out.Key("person");
  if (account.person_id) {
    out.StartObject().Field("id", *account.person_id).EndObject();
  } else {
    out.Null();
  }
  out.Key("grants").StartArray();
  for (const auto& g : grants) {
    out.StartObject()
        .Field("organization_id", g.organization_id)
        .Field("organization_name", g.organization_name)
        .Field("organization_path", g.organization_path)
        .Field("role", RoleName(g.role))
        .EndObject();
  }
  out.EndArray();
  out.Field("csrf_token", csrf);
  out.EndObject();
  return out.Take();
}

// Cookies are Secure when configured so or when the proxy in front says the request was https.
bool SecureCookies(const AppContext& ctx, const http::HttpRequest& req) {
  return ctx.settings.secure_cookies || req.Header("x-forwarded-proto") == "https";
}

std::string SessionCookieHeader(const std::string& value, int64_t max_age_seconds, bool secure) {
  return "tianshan_session=" + value + "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age_seconds) +
         (secure ? "; Secure" : "");
}

// A cookie the web app may read, holding no secret: "this browser logged in", so that a guest's
// page load does not ask for a session it does not have. Lives as long as the session cookie.
std::string SignedInHintHeader(int64_t max_age_seconds, bool secure) {
  return std::string("tianshan_signed_in=") + (max_age_seconds > 0 ? "1" : "") +
         "; Path=/; SameSite=Lax; Max-Age=" + std::to_string(max_age_seconds) + (secure ? "; Secure" : "");
}

}  // namespace

void LogIn(AppContext& ctx, http::HttpRequest& req, http::Reply reply) {
  auto doc = ParseJsonObject(req.body);
  if (!doc.ok()) return reply(http::Problem(req, doc.status()));
  ObjectReader in(*doc);
  auto login = in.String("login", true, 100);
  auto password = in.String("password", true, auth::kMaxStoredPasswordChars);
  if (Status s = in.Finish(); !s.ok()) return reply(http::Problem(req, s));

  const int64_t now = ctx.clock.NowMillis();
  const std::string login_key = LoginThrottle::LoginKey(*login);
  const std::string address_key = LoginThrottle::AddressKey(req.RemoteIp());
  struct Lookup {
    int64_t locked_for = 0;
    std::optional<AccountRecord> account;
  };
  auto lookup = ctx.db.Read([&](storage::Transaction& tx) -> Result<Lookup> {
    auto locked = LoginThrottle::LockedFor(tx, {login_key, address_key}, now);
    if (!locked.ok()) return locked.status();
    auto account = AccountRepository::FindByLoginOrPhone(tx, *login);
    if (!account.ok()) return account.status();
    return Lookup{*locked, std::move(*account)};
  });
  if (!lookup.ok()) return reply(http::Problem(req, lookup.status()));
  if (lookup->locked_for > 0) {
    auto r = http::Problem(req, Status(StatusCode::kTooManyRequests, "auth.throttled")
                                    .WithParam(std::to_string((lookup->locked_for + 999) / 1000)));
    r.Header("Retry-After", std::to_string((lookup->locked_for + 999) / 1000));
    return reply(std::move(r));
  }

  std::string hash = lookup->account ? lookup->account->password_hash : ctx.hasher.dummy_hash();
  Lang lang = req.lang;
  std::string instance = req.path;
  const bool secure = SecureCookies(ctx, req);
  std::string request_id = req.request_id;
  std::string user_agent(req.Header("user-agent"));
  std::string network = NetworkOf(req);
  auto account = lookup->account;
  bool queued = ctx.hasher.SubmitVerify(
      *password, hash,
      [&ctx, reply, lang, instance, account, login_key, address_key, secure, request_id, user_agent,
       network](bool match) {
        const int64_t at = ctx.clock.NowMillis();
        if (match && account && account->status == "active") {
          struct Out {
            NewSession session;
            std::vector<Grant> grants;
          };
          auto created = ctx.db.Write([&](storage::Transaction& tx) -> Result<Out> {
            auto session = SessionStore::Create(tx, account->id, at, PolicyOf(ctx), user_agent);
            if (!session.ok()) return session.status();
            TS_RETURN_IF_ERROR(LoginThrottle::Clear(tx, login_key));
            TS_RETURN_IF_ERROR(RecordLoginPlace(tx, ctx, account->id, user_agent, network, at));
            auto grants = SessionStore::LoadGrants(tx, account->id, ctx.organizations);
            if (!grants.ok()) return grants.status();
            TS_RETURN_IF_ERROR(ctx.audit.Record(tx, {.actor_account_id = account->id,
                                                     .action = "session.login",
                                                     .entity_type = "account",
                                                     .entity_id = std::to_string(account->id),
                                                     .request_id = request_id}));
            return Out{std::move(*session), std::move(*grants)};
          });
          if (!created.ok()) return reply(http::ProblemResponse(created.status(), lang, instance));
          auto resp = http::HttpResponse::Json(SessionJson(*account, created->grants, created->session.csrf_token));
          // The session cookie comes last (clients that keep one Set-Cookie keep the session).
          resp.Header("Set-Cookie", SignedInHintHeader(ctx.settings.session_max_millis / 1000, secure));
          resp.Header("Set-Cookie",
                      SessionCookieHeader(created->session.token, ctx.settings.session_max_millis / 1000, secure));
          return reply(std::move(resp));
        }
        ThrottlePolicy policy;
        ctx.db
            .Write([&](storage::Transaction& tx) -> Status {
              TS_RETURN_IF_ERROR(LoginThrottle::RecordFailure(tx, login_key, policy.login_free_failures, at, policy));
              return LoginThrottle::RecordFailure(tx, address_key, policy.address_free_failures, at, policy);
            })
            .IgnoreError();
        reply(http::ProblemResponse(Status::Unauthorized("auth.bad_credentials"), lang, instance));
      });
  if (!queued) reply(http::Problem(req, Status::Unavailable("auth.busy")));
}

http::HttpResponse GetSession(AppContext& ctx, http::HttpRequest& req) {
  const Actor& a = *req.actor;
  AccountRecord account{a.account_id, a.login, std::nullopt, a.display_name, "", a.person_id, "active"};
  return http::HttpResponse::Json(SessionJson(account, a.grants, a.csrf_token));
}

namespace {
http::HttpResponse LoggedOut(bool secure) {
  auto resp = http::HttpResponse::NoContent();
  resp.Header("Set-Cookie", SignedInHintHeader(0, secure));
  resp.Header("Set-Cookie", SessionCookieHeader("", 0, secure));
  return resp;
}
}  // namespace

void EndAllMySessions(AppContext& ctx, http::HttpRequest& req, http::Reply reply) {
  auto doc = http::JsonBody(req);
  if (!doc.ok()) return reply(http::Problem(req, doc.status()));
  ObjectReader in(*doc);
  auto password = in.String("current_password", true, auth::kMaxStoredPasswordChars);
  if (Status s = in.Finish(); !s.ok()) return reply(http::Problem(req, s));
  const Actor& a = *req.actor;
  // What the completion thread needs once the request is gone.
  auto done = [&ctx, reply, account_id = a.account_id, digest = a.session_digest, request_id = req.request_id,
               lang = req.lang, instance = req.path, secure = SecureCookies(ctx, req)](const std::string&) {
    const int64_t now = ctx.clock.NowMillis();
    auto ended = ctx.db.Write([&](storage::Transaction& tx) -> Result<std::vector<std::string>> {
      TS_ASSIGN_OR_RETURN(auto others, SessionStore::DeleteOthers(tx, account_id, digest));
      TS_RETURN_IF_ERROR(SessionStore::Delete(tx, digest));
      others.push_back(digest);
      JsonOut after;
      after.StartObject().Field("sessions_ended", static_cast<int64_t>(others.size())).EndObject();
      TS_RETURN_IF_ERROR(ctx.audit.Record(tx, {.actor_account_id = account_id,
                                               .action = "session.logout_everywhere",
                                               .entity_type = "account",
                                               .entity_id = std::to_string(account_id),
                                               .after_json = after.Take(),
                                               .request_id = request_id}));
      return others;
    });
    if (!ended.ok()) return reply(http::ProblemResponse(ended.status(), lang, instance));
    for (const auto& d : *ended) auth::ForgetSession(ctx.sessions, ctx.db, d, now);
    reply(LoggedOut(secure));
  };
  Reauthenticate(ctx, req, *password, reply, std::move(done));
}

http::HttpResponse LogOut(AppContext& ctx, http::HttpRequest& req) {
  const Actor& a = *req.actor;
  Status s = ctx.db.Write([&](storage::Transaction& tx) -> Status {
    TS_RETURN_IF_ERROR(SessionStore::Delete(tx, a.session_digest));
    auth::ForgetSession(ctx.sessions, ctx.db, a.session_digest, ctx.clock.NowMillis());
    return ctx.audit.Record(tx, {.actor_account_id = a.account_id,
                                 .action = "session.logout",
                                 .entity_type = "account",
                                 .entity_id = std::to_string(a.account_id),
                                 .request_id = req.request_id});
  });
  if (!s.ok()) return http::Problem(req, s);
  return LoggedOut(SecureCookies(ctx, req));
}

}  // namespace tianshan::accounts
