// Login alerts: a login from a browser (its User-Agent) or a network (IPv4 /24, IPv6 /64) the
// account has not logged in from before notifies the account (kind auth.new_login), inside the
// login's transaction. An account's very first login alerts nobody (there is nothing to compare
// with). Only a digest of the User-Agent and the network prefix are kept, never logged.

#include <arpa/inet.h>

#include "core/crypto.h"
#include "modules/accounts/handlers.h"
#include "modules/notifications/public/notify.h"

namespace tianshan::accounts {

std::string NetworkOf(const http::HttpRequest& req) {
  std::array<unsigned char, 16> masked{};
  if (req.remote_v6) {
    std::copy_n(req.remote_address.begin(), 8, masked.begin());
  } else {
    std::copy_n(req.remote_address.begin(), 3, masked.begin());
  }
  char text[INET6_ADDRSTRLEN] = {};
  if (inet_ntop(req.remote_v6 ? AF_INET6 : AF_INET, masked.data(), text, sizeof text) == nullptr) return {};
  return std::string(text) + (req.remote_v6 ? "/64" : "/24");
}

Status RecordLoginPlace(storage::Transaction& tx, const AppContext& ctx, int64_t account_id,
                        const std::string& user_agent, const std::string& network, int64_t now) {
  TS_ASSIGN_OR_RETURN(auto known,
                      tx.QueryOne("SELECT COUNT(*) AS n FROM auth_login_places WHERE account_id = ?", {account_id}));
  const bool first_login = !known || known->Int("n") == 0;
  bool new_place = false;
  for (const std::string& place : {"browser:" + DigestHex(user_agent).substr(0, 32), "network:" + network}) {
    TS_ASSIGN_OR_RETURN(int64_t inserted,
                        tx.Execute("INSERT INTO auth_login_places (account_id, place, first_seen_at, last_seen_at) "
                                   "VALUES (?, ?, ?, ?) ON CONFLICT (account_id, place) DO NOTHING",
                                   {account_id, place, now, now}));
    if (inserted > 0) {
      new_place = true;
    } else {
      TS_RETURN_IF_ERROR(tx.Execute("UPDATE auth_login_places SET last_seen_at = ? WHERE account_id = ? AND place = ?",
                                    {now, account_id, place})
                             .status());
    }
  }
  if (first_login || !new_place) return Status::Ok();
  const std::string browser = user_agent.empty() ? "?" : user_agent.substr(0, 120);
  return notifications::Notify(tx, ctx, {.accounts = {account_id}},
                               {.kind = "auth.new_login",
                                .title_key = "auth.new_login_title",
                                .body_key = "auth.new_login_body",
                                .params = {{"browser", browser}, {"network", network}, {"at", FormatUtc(now)}},
                                .link = "/app/account/security"})
      .status();
}

}  // namespace tianshan::accounts
