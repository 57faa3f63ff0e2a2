#pragma once
// Notifications of contact events (modules/notifications/public/notify.h), inside the caller's
// transaction. They name no young person: mail waiting in the outbox is shown to admins.
//   to the cadre (kind cadres.contact_news): contact_started, contact_requested, contact_ended,
//     help_raised — linked to the contact's page in the cadre's workspace;
//   to the young person (kind cadres.my_cadre_news): request_accepted, request_declined,
//     contact_ended, help_updated — linked to 我的团干部.

#include <string>

#include "kit/module.h"
#include "modules/cadres/cadres.h"

namespace tianshan::cadres {

[[nodiscard]] Status NotifyCadre(storage::Transaction& tx, const AppContext& ctx, const Cadre& cadre,
                                 const std::string& what, int64_t contact_id);
[[nodiscard]] Status NotifyYouth(storage::Transaction& tx, const AppContext& ctx, int64_t person_id,
                                 const std::string& what);

}  // namespace tianshan::cadres
