#include "modules/accounts/public/create_account.h"

#include <regex>

#include "auth/account_repository.h"
#include "core/calendar.h"
#include "core/json.h"

namespace tianshan::auth {

Result<int64_t> CreateAccount(AppContext& ctx, const NewAccount& account, std::optional<int64_t> actor_account_id) {
  static const std::regex kLogin("^[a-z0-9][a-z0-9._-]{2,39}$");
  std::vector<FieldError> errors;
  if (!std::regex_match(account.login, kLogin)) errors.push_back({"login", "auth.login_shape", ""});
  const size_t password_chars = Utf8Length(account.password);
  if (password_chars < kMinPasswordChars) {
    errors.push_back({"password", "field.too_short", std::to_string(kMinPasswordChars)});
  } else if (password_chars > kMaxPasswordChars) {
    errors.push_back({"password", "field.too_long", std::to_string(kMaxPasswordChars)});
  }
  if (account.phone && !IsValidMobile(*account.phone)) errors.push_back({"phone", "auth.phone_shape", ""});
  if (account.display_name.empty()) errors.push_back({"display_name", "field.required", ""});
  if (!errors.empty()) return Status::Invalid(errors);
  auto hash = ctx.hasher.HashNow(account.password);
  if (!hash.ok()) return hash.status();
  int64_t now = ctx.clock.NowMillis();
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<int64_t> {
    AccountRecord record{0, account.login, account.phone, account.display_name, *hash, account.person_id, "active"};
    auto id = AccountRepository::Insert(tx, record, account.is_demo, now);
    if (!id.ok()) {
      if (id.status().code() == StatusCode::kConflict) return Status::Conflict("auth.login_taken");
      return id.status();
    }
    for (const auto& [org, role] : account.grants) {
      TS_RETURN_IF_ERROR(AccountRepository::AddGrant(tx, *id, org, role, now));
    }
    JsonOut after;
    after.StartObject().Field("login", account.login).Field("display_name", account.display_name);
    after.Key("grants").StartArray();
    for (const auto& [org, role] : account.grants) {
      after.StartObject().Field("organization_id", org).Field("role", RoleName(role)).EndObject();
    }
    after.EndArray().EndObject();
    TS_RETURN_IF_ERROR(ctx.audit.Record(tx, {.actor_account_id = actor_account_id,
                                             .action = "account.create",
                                             .entity_type = "account",
                                             .entity_id = std::to_string(*id),
                                             .after_json = after.Take()}));
    return *id;
  });
}

}  // namespace tianshan::auth
