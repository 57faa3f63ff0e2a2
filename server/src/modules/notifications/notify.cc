#include <algorithm>
#include <charconv>

#include "auth/account_repository.h"
#include "modules/notifications/live_updates.h"
#include "modules/notifications/notification_repository.h"
#include "modules/notifications/public/notify.h"

namespace tianshan::notifications {
namespace {

// Ids of a path "/1/7/31/", nearest first: 31, 7, 1.
std::vector<int64_t> NearestFirst(const std::string& path) {
  std::vector<int64_t> ids;
  size_t i = 1;
  while (i < path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string::npos) break;
    int64_t v = 0;
    std::from_chars(path.data() + i, path.data() + j, v);
    if (v > 0) ids.push_back(v);
    i = j + 1;
  }
  std::reverse(ids.begin(), ids.end());
  return ids;
}

Result<std::vector<int64_t>> ResolveRecipients(storage::Transaction& tx, const AppContext& ctx, const Recipients& to) {
  std::vector<int64_t> accounts = to.accounts;
  for (int64_t person : to.people) {
    TS_ASSIGN_OR_RETURN(auto of_person, auth::AccountRepository::AccountsOfPerson(tx, person));
    accounts.insert(accounts.end(), of_person.begin(), of_person.end());
  }
  if (to.organization_id && ctx.organizations != nullptr) {
    TS_ASSIGN_OR_RETURN(auto org, ctx.organizations->Find(tx, *to.organization_id));
    if (org) {
      TS_ASSIGN_OR_RETURN(auto holders, auth::AccountRepository::NearestHolders(tx, NearestFirst(org->path), to.roles));
      accounts.insert(accounts.end(), holders.begin(), holders.end());
    }
  }
  std::sort(accounts.begin(), accounts.end());
  accounts.erase(std::unique(accounts.begin(), accounts.end()), accounts.end());
  return accounts;
}

Lang LangOf(const std::string& tag) { return tag.rfind("en", 0) == 0 ? Lang::kEn : Lang::kZh; }

}  // namespace

Result<int> Notify(storage::Transaction& tx, const AppContext& ctx, const Recipients& to, const Notification& n) {
  TS_ASSIGN_OR_RETURN(std::vector<int64_t> accounts, ResolveRecipients(tx, ctx, to));
  const int64_t now = ctx.clock.NowMillis();
  std::vector<int64_t> notified;
  for (int64_t account : accounts) {
    NewNotification row{account, n.kind, n.title_key, n.body_key, n.params, n.link, n.digest_key};
    TS_ASSIGN_OR_RETURN(auto id, InsertNotification(tx, row, now));
    if (!id) continue;  // this digest was already sent to this account
    notified.push_back(account);
    TS_ASSIGN_OR_RETURN(Settings settings, LoadSettings(tx, account));
    const bool by_mail = settings.email && std::find(settings.email_kinds.begin(), settings.email_kinds.end(),
                                                     n.kind) != settings.email_kinds.end();
    if (by_mail) {
      const Lang lang = LangOf(settings.lang);
      std::string body = TranslateNamed(lang, n.body_key, n.params);
      if (!n.link.empty() && !ctx.settings.public_url.empty()) body += "\n\n" + ctx.settings.public_url + n.link;
      TS_RETURN_IF_ERROR(InsertOutbox(tx, *id, account, *settings.email, TranslateNamed(lang, n.title_key, n.params),
                                      body, now));
    }
  }
  if (!notified.empty()) {
    if (auto* live = FindService<LiveUpdates>(ctx, "notifications.live")) {
      tx.AfterCommit([live, notified] { live->Changed(notified); });
    }
  }
  return static_cast<int>(notified.size());
}

}  // namespace tianshan::notifications
