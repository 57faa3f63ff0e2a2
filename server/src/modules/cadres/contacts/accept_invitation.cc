#include "modules/cadres/cadre_repository.h"
#include "modules/cadres/cadre_support.h"
#include "modules/cadres/contacts/contact_repository.h"
#include "modules/cadres/contacts/contact_support.h"
#include "modules/cadres/contacts/invitation_support.h"
#include "modules/cadres/contacts/notices.h"

namespace tianshan::cadres {

Result<ContactView> AcceptInvitation(const AppContext& ctx, const auth::Caller& caller, const std::string& token,
                                     const ConsentInput& input) {
  if (input.consent_version != CurrentConsent().version) {
    return Status::Invalid("consent_version", "cadres.consent_outdated");
  }
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<ContactView> {
    const int64_t now = ctx.clock.NowMillis();
    TS_ASSIGN_OR_RETURN(InvitationOffer offer, LoadOffer(tx, ctx, caller.actor, token));
    Invitation i = offer.invitation;
    if (!caller.actor.person_id) return FieldFailure(StatusCode::kForbidden, "token", "cadres.no_person");
    if (!offer.for_you) return FieldFailure(StatusCode::kForbidden, "token", "cadres.invitation_for_someone_else");
    if (i.status != "open") return FieldFailure(StatusCode::kConflict, "token", "cadres.invitation_closed");
    if (offer.expired) return FieldFailure(StatusCode::kConflict, "token", "cadres.invitation_expired");
    // The cadre's row is locked from here, so a second acceptance for the same pair waits and
    // then finds this contact.
    TS_ASSIGN_OR_RETURN(Cadre cadre, LockCadre(tx, i.cadre_id, now));
    if (cadre.person_id == *caller.actor.person_id) return Status::Invalid("token", "cadres.self_contact");
    TS_RETURN_IF_ERROR(CheckAge(tx, ctx, *caller.actor.person_id, "birth_date"));
    TS_ASSIGN_OR_RETURN(auto open, OpenContactBetween(tx, cadre.id, *caller.actor.person_id));
    if (open) return FieldFailure(StatusCode::kConflict, "token", "cadres.already_in_contact");
    TS_ASSIGN_OR_RETURN(Period period, LoadPeriod(tx, Today(ctx), true));

    Contact c = ConsentedContact(cadre, *caller.actor.person_id, input.field, input.consent_version, now);
    c.status = "active";
    c.origin = "invitation";
    c.invitation_id = i.id;
    c.started_at = now;
    TS_ASSIGN_OR_RETURN(c.id, InsertContact(tx, c));
    ++i.accepted_count;
    if (i.person_id) {
      i.status = "accepted";
      i.decided_at = now;
    }
    TS_RETURN_IF_ERROR(SaveInvitationState(tx, i));
    TS_RETURN_IF_ERROR(ApplyFigures(tx, cadre, ActiveContactDelta(c, period, +1)));
    // The young person's own act: recorded without an organization, so no subtree's log lists it.
    TS_RETURN_IF_ERROR(
        ctx.audit.Record(tx, caller, {"cadres.contact.accept", "cadres_contact", c.id, "", "", ContactAuditJson(c)}));
    TS_RETURN_IF_ERROR(NotifyCadre(tx, ctx, cadre, "contact_started", c.id));
    return ViewAsParty(tx, ctx, caller.actor, c, cadre);
  });
}

}  // namespace tianshan::cadres
