// Change my password: POST /api/v1/session/password {current_password, new_password}.
//
// Both Argon2id steps (verifying the current password, hashing the new one) run on the hashing
// pool, never on an I/O thread; the handler replies from the pool's completion thread. The
// current password is checked by Reauthenticate() (reauthenticate.cc: a wrong one is a 422 that
// counts as a failed login). On success every other session of the account ends (here and in
// the cache), and the account gets a notification (kind auth.password_changed) in the same
// transaction.

#include <string>

#include "auth/account_repository.h"
#include "auth/common_passwords.h"
#include "auth/session_events.h"
#include "auth/session_store.h"
#include "core/json.h"
#include "http/edge.h"
#include "modules/accounts/handlers.h"
#include "modules/accounts/public/create_account.h"
#include "modules/notifications/public/notify.h"

namespace tianshan::accounts {
using auth::AccountRepository;
using auth::SessionStore;

namespace {

// At least two kinds of character among letters, digits and the rest ("tianshan-demo" passes,
// "aaaaaaaaaa" and "1234567890" do not).
bool MixesKinds(const std::string& password) {
  bool letter = false, digit = false, other = false;
  for (unsigned char c : password) {
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      letter = true;
    } else if (c != ' ') {
      other = true;
    }
  }
  return static_cast<int>(letter) + static_cast<int>(digit) + static_cast<int>(other) >= 2;
}

// What the completion callbacks need after the request object is gone.
struct PasswordChange {
  AppContext* ctx = nullptr;
  http::Reply reply;
  Lang lang = Lang::kZh;
  std::string instance;
  std::string request_id;
  int64_t account_id = 0;
  std::string session_digest;
  std::string old_hash;

  void Fail(const Status& s) const { reply(http::ProblemResponse(s, lang, instance)); }
};

// Runs on the completion thread once the new password is hashed.
void Store(const PasswordChange& change, const std::string& new_hash) {
  AppContext& ctx = *change.ctx;
  const int64_t now = ctx.clock.NowMillis();
  auto ended = ctx.db.Write([&](storage::Transaction& tx) -> Result<std::vector<std::string>> {
    auto account = AccountRepository::FindById(tx, change.account_id);
    if (!account.ok()) return account.status();
    if (!account->has_value()) return Status::NotFound();
    // Changed by another request since we verified: the caller proved the old password, not the new.
    if ((*account)->password_hash != change.old_hash) return Status::Conflict("auth.password_changed_meanwhile");
    TS_RETURN_IF_ERROR(AccountRepository::SetPassword(tx, change.account_id, new_hash, now));
    auto others = SessionStore::DeleteOthers(tx, change.account_id, change.session_digest);
    if (!others.ok()) return others.status();
    JsonOut after;
    after.StartObject().Field("other_sessions_ended", static_cast<int64_t>(others->size())).EndObject();
    TS_RETURN_IF_ERROR(ctx.audit.Record(tx, {.actor_account_id = change.account_id,
                                             .action = "account.password_change",
                                             .entity_type = "account",
                                             .entity_id = std::to_string(change.account_id),
                                             .after_json = after.Take(),
                                             .request_id = change.request_id}));
    // ASVS 2.5.5: the account hears of it, in case it was not its owner who changed it.
    TS_RETURN_IF_ERROR(notifications::Notify(tx, ctx, {.accounts = {change.account_id}},
                                             {.kind = "auth.password_changed",
                                              .title_key = "auth.password_changed_title",
                                              .body_key = "auth.password_changed_body",
                                              .params = {{"at", FormatUtc(now)}},
                                              .link = "/app/account/security"})
                           .status());
    return std::move(*others);
  });
  if (!ended.ok()) return change.Fail(ended.status());
  for (const auto& digest : *ended) auth::ForgetSession(ctx.sessions, ctx.db, digest, now);
  change.reply(http::HttpResponse::NoContent());
}

}  // namespace

void ChangePassword(AppContext& ctx, http::HttpRequest& req, http::Reply reply) {
  auto doc = http::JsonBody(req);
  if (!doc.ok()) return reply(http::Problem(req, doc.status()));
  const auth::Actor& actor = *req.actor;
  ObjectReader in(*doc);
  auto current = in.String("current_password", true, auth::kMaxStoredPasswordChars);
  auto fresh = in.String("new_password", true, auth::kMaxPasswordChars, auth::kMinPasswordChars);
  if (fresh && fresh->size() >= auth::kMinPasswordChars) {
    if (!MixesKinds(*fresh)) {
      in.AddError("new_password", "auth.password_weak", std::to_string(auth::kMinPasswordChars));
    } else if (*fresh == actor.login) {
      in.AddError("new_password", "auth.password_is_login");
    } else if (auth::CommonPasswords::Current()->IsCommon(*fresh)) {
      in.AddError("new_password", "auth.password_common");
    } else if (current && *fresh == *current) {
      in.AddError("new_password", "auth.password_unchanged");
    }
  }
  if (Status s = in.Finish(); !s.ok()) return reply(http::Problem(req, s));

  PasswordChange change{&ctx, reply, req.lang, req.path, req.request_id, actor.account_id, actor.session_digest, {}};
  Reauthenticate(ctx, req, *current, std::move(reply),
                 [change, password = std::move(*fresh)](const std::string& old_hash) mutable {
                   change.old_hash = old_hash;
                   bool queued = change.ctx->hasher.SubmitHash(std::move(password), [change](Result<std::string> hash) {
                     if (!hash.ok()) return change.Fail(hash.status());
                     Store(change, *hash);
                   });
                   if (!queued) change.Fail(Status::Unavailable("auth.busy"));
                 });
}

}  // namespace tianshan::accounts
