#include "modules/cadres/cadre_support.h"
#include "modules/cadres/contacts/contact_support.h"
#include "modules/cadres/contacts/interaction_repository.h"

namespace tianshan::cadres {

Result<InteractionPage> ListInteractions(const AppContext& ctx, const auth::Actor& actor,
                                         std::optional<int64_t> contact_id, std::optional<int64_t> before_id,
                                         int limit) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<InteractionPage> {
    TS_ASSIGN_OR_RETURN(CallerCadre me, FindCallerCadre(tx, ctx, actor, false, false));
    InteractionPage page;
    if (contact_id) {
      // Only a contact of the caller's own (as its cadre) filters the log.
      TS_ASSIGN_OR_RETURN(PartyContact party, LoadAsParty(tx, actor, *contact_id));
      if (!party.caller_is_cadre) return Status::NotFound("cadres.contact_not_found");
    }
    if (me.cadre.id == 0) return page;
    TS_ASSIGN_OR_RETURN(auto rows, SelectCadreInteractions(tx, me.cadre.id, contact_id, before_id, limit));
    if (static_cast<int>(rows.size()) > limit) {
      rows.pop_back();
      page.next_cursor = rows.back().id;
    }
    page.items = std::move(rows);
    return page;
  });
}

}  // namespace tianshan::cadres
