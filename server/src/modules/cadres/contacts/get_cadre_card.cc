#include "modules/cadres/cadre_repository.h"
#include "modules/cadres/contacts/contact_repository.h"
#include "modules/cadres/contacts/use_cases.h"
#include "modules/people/public/facts.h"

namespace tianshan::cadres {

Result<CardView> GetCadreCard(const AppContext& ctx, const auth::Actor& actor, int64_t cadre_id) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<CardView> {
    TS_ASSIGN_OR_RETURN(auto cadre, FindCadre(tx, cadre_id));
    if (!cadre) return Status::NotFound("cadres.not_found");
    // A card is shown while its cadre holds an open position.
    TS_ASSIGN_OR_RETURN(auto positions, people::OpenPositionsOf(tx, cadre->person_id));
    if (positions.empty()) return Status::NotFound("cadres.not_found");
    CardView v;
    TS_ASSIGN_OR_RETURN(v.card, LoadCadreCard(tx, ctx, *cadre));
    const bool self = actor.person_id && *actor.person_id == cadre->person_id;
    if (actor.person_id && !self) {
      TS_ASSIGN_OR_RETURN(auto open, OpenContactBetween(tx, cadre->id, *actor.person_id));
      if (open) v.existing_contact_id = open->id;
    }
    v.can_request = actor.person_id && !self && !v.existing_contact_id;
    return v;
  });
}

}  // namespace tianshan::cadres
