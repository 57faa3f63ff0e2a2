#include "modules/cadres/cadre_card.h"

#include <algorithm>

#include "modules/organizations/public/tree.h"
#include "modules/people/public/facts.h"

namespace tianshan::cadres {

Result<std::map<int64_t, CadreCard>> LoadCadreCards(storage::Transaction& tx, const AppContext& ctx,
                                                    const std::vector<Cadre>& cadres) {
  std::vector<int64_t> person_ids;
  for (const auto& c : cadres) person_ids.push_back(c.person_id);
  TS_ASSIGN_OR_RETURN(auto people, people::PeopleByIds(tx, person_ids));
  std::vector<int64_t> org_ids;
  for (const auto& c : cadres) {
    if (std::find(org_ids.begin(), org_ids.end(), c.organization_id) == org_ids.end())
      org_ids.push_back(c.organization_id);
  }
  TS_ASSIGN_OR_RETURN(auto org_names, organizations::NamesOf(tx, org_ids));
  std::map<int64_t, CadreCard> out;
  for (const auto& c : cadres) {
    CadreCard card;
    card.id = c.id;
    if (auto p = people.find(c.person_id); p != people.end()) card.name = p->second.name;
    TS_ASSIGN_OR_RETURN(auto positions, people::OpenPositionsOf(tx, c.person_id));
    // The position at the register's organization, else the first open one.
    const people::OpenPosition* chosen = positions.empty() ? nullptr : &positions.front();
    for (const auto& pos : positions) {
      if (pos.organization_id == c.organization_id) {
        chosen = &pos;
        break;
      }
    }
    if (chosen != nullptr) {
      card.title = chosen->title;
      card.employment = chosen->employment;
    }
    card.organization_id = c.organization_id;
    card.organization_name = org_names[c.organization_id];
    out[c.id] = std::move(card);
  }
  return out;
}

Result<CadreCard> LoadCadreCard(storage::Transaction& tx, const AppContext& ctx, const Cadre& cadre) {
  TS_ASSIGN_OR_RETURN(auto cards, LoadCadreCards(tx, ctx, {cadre}));
  return cards[cadre.id];
}

}  // namespace tianshan::cadres
