#include "modules/cadres/cadre_card.h"
#include "modules/cadres/cadre_repository.h"
#include "modules/cadres/contacts/contact_repository.h"
#include "modules/cadres/contacts/invitation_support.h"

namespace tianshan::cadres {

Result<InvitationOffer> LoadOffer(storage::Transaction& tx, const AppContext& ctx, const auth::Actor& actor,
                                  const std::string& token) {
  TS_ASSIGN_OR_RETURN(auto found, FindInvitationByToken(tx, token));
  if (!found) return Status::NotFound("cadres.invitation_not_found");
  TS_ASSIGN_OR_RETURN(auto cadre, FindCadre(tx, found->cadre_id));
  if (!cadre) return Status::NotFound("cadres.invitation_not_found");
  InvitationOffer offer;
  offer.invitation = *found;
  TS_ASSIGN_OR_RETURN(offer.cadre, LoadCadreCard(tx, ctx, *cadre));
  offer.for_you = !found->person_id || (actor.person_id && *actor.person_id == *found->person_id);
  offer.expired = found->expires_at <= ctx.clock.NowMillis();
  const bool self = actor.person_id && *actor.person_id == cadre->person_id;
  if (actor.person_id && !self) {
    TS_ASSIGN_OR_RETURN(auto open, OpenContactBetween(tx, cadre->id, *actor.person_id));
    if (open) offer.existing_contact_id = open->id;
  }
  const bool usable = found->status == "open" && !offer.expired && offer.for_you && actor.person_id && !self;
  offer.can_accept = usable && !offer.existing_contact_id;
  offer.can_decline = usable && found->person_id.has_value();
  return offer;
}

Result<InvitationOffer> ViewInvitation(const AppContext& ctx, const auth::Actor& actor, const std::string& token) {
  return ctx.db.Read([&](storage::Transaction& tx) { return LoadOffer(tx, ctx, actor, token); });
}

}  // namespace tianshan::cadres
