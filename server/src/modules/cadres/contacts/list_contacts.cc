#include <algorithm>

#include "modules/cadres/cadre_repository.h"
#include "modules/cadres/cadre_support.h"
#include "modules/cadres/contacts/contact_repository.h"
#include "modules/cadres/contacts/contact_support.h"
#include "modules/people/public/facts.h"

namespace tianshan::cadres {
namespace {

// The names of the contacts' young people, by person id (in chunks the facade accepts).
Result<std::map<int64_t, std::string>> Names(storage::Transaction& tx, const std::vector<Contact>& contacts) {
  std::map<int64_t, std::string> out;
  for (size_t from = 0; from < contacts.size(); from += 500) {
    std::vector<int64_t> ids;
    for (size_t i = from; i < std::min(contacts.size(), from + 500); ++i) ids.push_back(contacts[i].person_id);
    TS_ASSIGN_OR_RETURN(auto people, people::PeopleByIds(tx, ids));
    for (auto& [id, p] : people) out[id] = std::move(p.name);
  }
  return out;
}

}  // namespace

Result<ContactPage> ListContacts(const AppContext& ctx, const auth::Actor& actor, const ContactListQuery& query) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<ContactPage> {
    TS_ASSIGN_OR_RETURN(CallerCadre me, FindCallerCadre(tx, ctx, actor, false, false));
    ContactPage page;
    TS_ASSIGN_OR_RETURN(page.period, LoadPeriod(tx, Today(ctx), false));
    if (me.cadre.id == 0) return page;
    ContactFilter filter{query.status, query.field, query.due, page.period.quarter_start, page.period.year_start};
    std::vector<Contact> rows;
    std::map<int64_t, std::string> names;
    if (query.q) {
      // Names live in the people module: filter the cadre's own contacts (a few hundred) by name.
      TS_ASSIGN_OR_RETURN(auto all, SelectAllCadreContacts(tx, me.cadre.id, filter));
      TS_ASSIGN_OR_RETURN(names, Names(tx, all));
      for (auto& c : all) {
        if (c.id <= query.after_id.value_or(0)) continue;
        if (names[c.person_id].find(*query.q) == std::string::npos) continue;
        rows.push_back(std::move(c));
        if (static_cast<int>(rows.size()) > query.limit) break;
      }
    } else {
      TS_ASSIGN_OR_RETURN(rows, SelectCadreContacts(tx, me.cadre.id, filter, query.after_id, query.limit));
      TS_ASSIGN_OR_RETURN(names, Names(tx, rows));
    }
    for (auto& c : rows) {
      if (static_cast<int>(page.items.size()) == query.limit) {
        page.next_cursor = page.items.back().contact.id;
        break;
      }
      ContactView v;
      v.contact = std::move(c);
      v.person_name = names[v.contact.person_id];
      Decide(v, /*viewer_is_cadre=*/true, me.active, page.period);
      page.items.push_back(std::move(v));
    }
    return page;
  });
}

}  // namespace tianshan::cadres
