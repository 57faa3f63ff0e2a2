#include "modules/cadres/cadre_repository.h"
#include "modules/cadres/cadre_support.h"
#include "modules/cadres/contacts/contact_repository.h"
#include "modules/cadres/contacts/contact_support.h"
#include "modules/cadres/contacts/notices.h"
#include "modules/people/public/facts.h"

namespace tianshan::cadres {

Result<ContactView> RequestContact(const AppContext& ctx, const auth::Caller& caller, int64_t cadre_id,
                                   const ConsentInput& input) {
  if (input.consent_version != CurrentConsent().version) {
    return Status::Invalid("consent_version", "cadres.consent_outdated");
  }
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<ContactView> {
    const int64_t now = ctx.clock.NowMillis();
    TS_ASSIGN_OR_RETURN(auto found, FindCadre(tx, cadre_id));
    if (!found) return Status::NotFound("cadres.not_found");
    TS_ASSIGN_OR_RETURN(auto positions, people::OpenPositionsOf(tx, found->person_id));
    if (positions.empty()) return Status::NotFound("cadres.not_found");
    if (!caller.actor.person_id) return Status::Forbidden("cadres.no_person");
    if (found->person_id == *caller.actor.person_id) return Status::Invalid("cadre_id", "cadres.self_contact");
    TS_ASSIGN_OR_RETURN(Cadre cadre, LockCadre(tx, cadre_id, now));
    TS_RETURN_IF_ERROR(CheckAge(tx, ctx, *caller.actor.person_id, "birth_date"));
    TS_ASSIGN_OR_RETURN(auto open, OpenContactBetween(tx, cadre.id, *caller.actor.person_id));
    if (open) return FieldFailure(StatusCode::kConflict, "cadre_id", "cadres.already_in_contact");
    Contact c = ConsentedContact(cadre, *caller.actor.person_id, input.field, input.consent_version, now);
    c.status = "requested";
    c.origin = "request";
    TS_ASSIGN_OR_RETURN(c.id, InsertContact(tx, c));
    // The young person's own act: no organization, so no subtree's log lists it.
    TS_RETURN_IF_ERROR(
        ctx.audit.Record(tx, caller, {"cadres.contact.request", "cadres_contact", c.id, "", "", ContactAuditJson(c)}));
    TS_RETURN_IF_ERROR(NotifyCadre(tx, ctx, cadre, "contact_requested", c.id));
    return ViewAsParty(tx, ctx, caller.actor, c, cadre);
  });
}

}  // namespace tianshan::cadres
