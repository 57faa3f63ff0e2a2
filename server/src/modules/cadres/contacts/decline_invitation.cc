#include "modules/cadres/contacts/contact_repository.h"
#include "modules/cadres/contacts/contact_support.h"
#include "modules/cadres/contacts/invitation_support.h"

namespace tianshan::cadres {

Result<InvitationOffer> DeclineInvitation(const AppContext& ctx, const auth::Caller& caller, const std::string& token) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<InvitationOffer> {
    TS_ASSIGN_OR_RETURN(InvitationOffer offer, LoadOffer(tx, ctx, caller.actor, token));
    if (!offer.for_you) return FieldFailure(StatusCode::kForbidden, "token", "cadres.invitation_for_someone_else");
    // A personal link is declined by not accepting it: nothing about the visitor is recorded.
    if (!offer.invitation.person_id) return offer;
    if (offer.invitation.status != "open")
      return FieldFailure(StatusCode::kConflict, "token", "cadres.invitation_closed");
    Invitation& i = offer.invitation;
    i.status = "declined";
    i.decided_at = ctx.clock.NowMillis();
    TS_RETURN_IF_ERROR(SaveInvitationState(tx, i));
    // The young person's own act: no organization, so no subtree's log lists it.
    TS_RETURN_IF_ERROR(ctx.audit.Record(tx, caller,
                                        {"cadres.invitation.decline", "cadres_invitation", i.id, "",
                                         R"({"status":"open"})", R"({"status":"declined"})"}));
    offer.can_accept = offer.can_decline = false;
    return offer;
  });
}

}  // namespace tianshan::cadres
