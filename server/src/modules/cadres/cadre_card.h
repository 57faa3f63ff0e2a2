#pragma once
// How a cadre presents themself: name, position and organization. This is the cadre's public
// face (their card, the invitation page, the young person's 我的团干部); it holds nothing of
// the young people they contact.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kit/module.h"
#include "modules/cadres/cadres.h"

namespace tianshan::cadres {

struct CadreCard {
  int64_t id = 0;  // the register id (0 before the first change)
  std::string name;
  std::optional<std::string> title;       // secretary, deputy_secretary, committee_member
  std::optional<std::string> employment;  // full_time, part_time
  int64_t organization_id = 0;
  std::string organization_name;
};

// The cards of `cadres`, by register id.
Result<std::map<int64_t, CadreCard>> LoadCadreCards(storage::Transaction& tx, const AppContext& ctx,
                                                    const std::vector<Cadre>& cadres);
Result<CadreCard> LoadCadreCard(storage::Transaction& tx, const AppContext& ctx, const Cadre& cadre);

}  // namespace tianshan::cadres
