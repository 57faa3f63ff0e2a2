#include "modules/cadres/cadre_repository.h"
#include "modules/cadres/contacts/contact_repository.h"
#include "modules/cadres/contacts/contact_support.h"
#include "modules/cadres/contacts/interaction_repository.h"

namespace tianshan::cadres {
namespace {

Result<std::vector<Contact>> MyContacts(storage::Transaction& tx, const auth::Actor& actor) {
  if (!actor.person_id) return std::vector<Contact>();
  return SelectPersonContacts(tx, *actor.person_id);
}

}  // namespace

Result<MyCadres> GetMyCadres(const AppContext& ctx, const auth::Actor& actor) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<MyCadres> {
    MyCadres out;
    TS_ASSIGN_OR_RETURN(auto contacts, MyContacts(tx, actor));
    std::vector<int64_t> ids;
    for (const auto& c : contacts) {
      TS_ASSIGN_OR_RETURN(auto cadre, FindCadre(tx, c.cadre_id));
      if (!cadre) continue;
      TS_ASSIGN_OR_RETURN(auto view, ViewAsParty(tx, ctx, actor, c, *cadre));
      out.contacts.push_back(std::move(view));
      ids.push_back(c.id);
    }
    TS_ASSIGN_OR_RETURN(out.help, SelectContactsHelp(tx, ids));
    return out;
  });
}

Result<MyInteractionPage> ListMyInteractions(const AppContext& ctx, const auth::Actor& actor,
                                             std::optional<int64_t> before_id, int limit) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<MyInteractionPage> {
    MyInteractionPage page;
    TS_ASSIGN_OR_RETURN(auto contacts, MyContacts(tx, actor));
    std::vector<int64_t> ids;
    for (const auto& c : contacts) ids.push_back(c.id);
    TS_ASSIGN_OR_RETURN(auto rows, SelectContactInteractions(tx, ids, before_id, limit));
    for (auto& r : rows) {
      if (static_cast<int>(page.items.size()) == limit) {
        page.next_cursor = page.items.back().first.id;
        break;
      }
      page.items.emplace_back(std::move(r.interaction), r.contact_id);
    }
    return page;
  });
}

}  // namespace tianshan::cadres
