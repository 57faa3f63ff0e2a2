#include "modules/cadres/cadre_repository.h"
#include "modules/cadres/cadre_support.h"
#include "modules/cadres/contacts/contact_support.h"
#include "modules/cadres/contacts/interaction_repository.h"

namespace tianshan::cadres {

Result<ContactDetails> GetContact(const AppContext& ctx, const auth::Actor& actor, int64_t contact_id) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<ContactDetails> {
    TS_ASSIGN_OR_RETURN(PartyContact party, LoadAsParty(tx, actor, contact_id));
    ContactDetails d;
    TS_ASSIGN_OR_RETURN(d.view, ViewAsParty(tx, ctx, actor, party.contact, party.cadre));
    TS_ASSIGN_OR_RETURN(d.interactions, SelectCadreInteractions(tx, party.cadre.id, contact_id, std::nullopt, 200));
    if (d.interactions.size() > 200) d.interactions.pop_back();
    TS_ASSIGN_OR_RETURN(d.help, SelectContactsHelp(tx, {contact_id}));
    TS_ASSIGN_OR_RETURN(d.period, LoadPeriod(tx, Today(ctx), false));
    return d;
  });
}

}  // namespace tianshan::cadres
