// Re-authentication before a sensitive change of my account (ASVS 3.3.4, 2.1.x): the current
// password is checked on the hashing pool, never on an I/O thread. A wrong one is a field error
// (422) that changes nothing but counts as a failed login of the account, so a stolen session
// cannot be used to guess the password faster than the login form allows; a locked account
// answers 429 at once.

#include "auth/account_repository.h"
#include "auth/login_throttle.h"
#include "http/edge.h"
#include "modules/accounts/handlers.h"

namespace tianshan::accounts {

void Reauthenticate(AppContext& ctx, const http::HttpRequest& req, const std::string& password, http::Reply reply,
                    ReauthenticatedThen then) {
  const auth::Actor& actor = *req.actor;
  const std::string login_key = auth::LoginThrottle::LoginKey(actor.login);
  const int64_t now = ctx.clock.NowMillis();
  auto fail = [reply, lang = req.lang, instance = req.path](const Status& s) {
    reply(http::ProblemResponse(s, lang, instance));
  };
  auto hash = ctx.db.Read([&](storage::Transaction& tx) -> Result<std::string> {
    auto locked = auth::LoginThrottle::LockedFor(tx, {login_key}, now);
    if (!locked.ok()) return locked.status();
    if (*locked > 0) {
      return Status(StatusCode::kTooManyRequests, "auth.throttled").WithParam(std::to_string((*locked + 999) / 1000));
    }
    auto account = auth::AccountRepository::FindById(tx, actor.account_id);
    if (!account.ok()) return account.status();
    if (!account->has_value()) return Status::NotFound();
    return (*account)->password_hash;
  });
  if (!hash.ok()) return fail(hash.status());
  AppContext* context = &ctx;
  bool queued = ctx.hasher.SubmitVerify(
      password, *hash, [context, fail, login_key, old_hash = *hash, then = std::move(then)](bool match) {
        if (match) return then(old_hash);
        auth::ThrottlePolicy policy;
        context->db
            .Write([&](storage::Transaction& tx) {
              return auth::LoginThrottle::RecordFailure(tx, login_key, policy.login_free_failures,
                                                        context->clock.NowMillis(), policy);
            })
            .IgnoreError();
        fail(Status::Invalid("current_password", "auth.wrong_current_password"));
      });
  if (!queued) fail(Status::Unavailable("auth.busy"));
}

}  // namespace tianshan::accounts
