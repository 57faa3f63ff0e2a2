#include "modules/cadres/contacts/notices.h"

#include "modules/notifications/public/notify.h"

namespace tianshan::cadres {

Status NotifyCadre(storage::Transaction& tx, const AppContext& ctx, const Cadre& cadre, const std::string& what,
                   int64_t contact_id) {
  notifications::Notification n{"cadres.contact_news",
                                "cadres.notice." + what + "_title",
                                "cadres.notice." + what + "_body",
                                {},
                                "/app/cadres/contacts/" + std::to_string(contact_id),
                                std::nullopt};
  return notifications::Notify(tx, ctx, {.people = {cadre.person_id}}, n).status();
}

Status NotifyYouth(storage::Transaction& tx, const AppContext& ctx, int64_t person_id, const std::string& what) {
  notifications::Notification n{"cadres.my_cadre_news",
                                "cadres.notice." + what + "_title",
                                "cadres.notice." + what + "_body",
                                {},
                                "/app/my-cadres",
                                std::nullopt};
  return notifications::Notify(tx, ctx, {.people = {person_id}}, n).status();
}

}  // namespace tianshan::cadres
