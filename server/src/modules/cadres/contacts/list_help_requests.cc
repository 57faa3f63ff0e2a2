#include "modules/cadres/cadre_support.h"
#include "modules/cadres/contacts/contact_repository.h"
#include "modules/cadres/contacts/interaction_repository.h"
#include "modules/cadres/contacts/use_cases.h"
#include "modules/people/public/facts.h"

namespace tianshan::cadres {

Result<HelpPage> ListHelpRequests(const AppContext& ctx, const auth::Actor& actor, bool open_only,
                                  std::optional<int64_t> before_id, int limit) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<HelpPage> {
    TS_ASSIGN_OR_RETURN(CallerCadre me, FindCallerCadre(tx, ctx, actor, false, false));
    HelpPage page;
    if (me.cadre.id == 0) return page;
    TS_ASSIGN_OR_RETURN(page.items, SelectCadreHelp(tx, me.cadre.id, open_only, before_id, limit));
    if (static_cast<int>(page.items.size()) > limit) {
      page.items.pop_back();
      page.next_cursor = page.items.back().id;
    }
    std::vector<int64_t> contact_ids;
    for (const auto& h : page.items) contact_ids.push_back(h.contact_id);
    TS_ASSIGN_OR_RETURN(auto contacts, SelectContactsByIds(tx, contact_ids));
    std::vector<int64_t> person_ids;
    for (const auto& c : contacts) person_ids.push_back(c.person_id);
    TS_ASSIGN_OR_RETURN(auto people, people::PeopleByIds(tx, person_ids));
    for (const auto& c : contacts) {
      if (auto p = people.find(c.person_id); p != people.end()) page.names[c.id] = p->second.name;
    }
    return page;
  });
}

}  // namespace tianshan::cadres
