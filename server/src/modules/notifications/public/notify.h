#pragma once
// Public contract of the notifications module: tell people that something waits for them,
// inside your own transaction, so a notification exists exactly when your change does.
//
// Recipients are accounts: named ones, the accounts of a person, or "whoever answers for an
// organization": the active accounts holding one of `roles` on the organization itself, else on
// its parent, and so on up (the nearest level that has any), so that a branch without an
// admin account still reaches its committee, and no level above that is disturbed.
// Title and body are message keys (register them in your module's messages) rendered in the
// reader's language with `params` ("{count}" in the text). With `digest_key`, an account gets
// at most one notification per key (a daily digest: "people.transfer_pending@2026-12-01"); a
// second Notify with the same key for the same account is a no-op. Kinds a person chose also
// go by e-mail through the outbox (never sent inside your transaction). Live unread counts are
// pushed to the recipients' open pages after your transaction commits.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "auth/actor.h"
#include "kit/module.h"

namespace tianshan::notifications {

struct Recipients {
  std::vector<int64_t> accounts;
  std::vector<int64_t> people;  // their accounts
  std::optional<int64_t> organization_id;
  std::vector<auth::Role> roles;  // with organization_id
};

struct Notification {
  std::string kind;  // declared in some module's notification_kinds
  std::string title_key;
  std::string body_key;
  std::vector<std::pair<std::string, std::string>> params;
  std::string link;  // a path in the web app: "/app/organizations/3/transfers"
  std::optional<std::string> digest_key;
};

// The number of notifications created (accounts that already had the digest are skipped).
Result<int> Notify(storage::Transaction& tx, const AppContext& ctx, const Recipients& to, const Notification& n);

}  // namespace tianshan::notifications
