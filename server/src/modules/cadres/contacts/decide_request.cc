#include "modules/cadres/cadre_repository.h"
#include "modules/cadres/cadre_support.h"
#include "modules/cadres/contacts/contact_repository.h"
#include "modules/cadres/contacts/contact_support.h"
#include "modules/cadres/contacts/notices.h"

namespace tianshan::cadres {

Result<ContactView> DecideRequest(const AppContext& ctx, const auth::Caller& caller, int64_t contact_id, bool accept) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<ContactView> {
    const int64_t now = ctx.clock.NowMillis();
    TS_ASSIGN_OR_RETURN(PartyContact party, LoadAsParty(tx, caller.actor, contact_id));
    if (!party.caller_is_cadre) return Status::Forbidden("cadres.only_the_cadre");
    TS_ASSIGN_OR_RETURN(Cadre cadre, LockCadre(tx, party.cadre.id, now));
    TS_ASSIGN_OR_RETURN(auto current, FindContact(tx, contact_id));
    Contact c = *current;
    if (c.status != "requested") return Status::Conflict("cadres.not_requested");
    const std::string before = ContactAuditJson(c);
    c.updated_at = now;
    if (accept) {
      c.status = "active";
      c.started_at = now;
      TS_ASSIGN_OR_RETURN(Period period, LoadPeriod(tx, Today(ctx), true));
      TS_RETURN_IF_ERROR(SaveContactState(tx, c));
      TS_RETURN_IF_ERROR(ApplyFigures(tx, cadre, ActiveContactDelta(c, period, +1)));
    } else {
      c.status = "declined";
      c.ended_at = now;
      c.ended_by = "cadre";
      TS_RETURN_IF_ERROR(SaveContactState(tx, c));
    }
    TS_RETURN_IF_ERROR(ctx.audit.Record(tx, caller,
                                        {accept ? "cadres.contact.accept_request" : "cadres.contact.decline_request",
                                         "cadres_contact", c.id, cadre.org_path, before, ContactAuditJson(c)}));
    TS_RETURN_IF_ERROR(NotifyYouth(tx, ctx, c.person_id, accept ? "request_accepted" : "request_declined"));
    return ViewAsParty(tx, ctx, caller.actor, c, cadre);
  });
}

}  // namespace tianshan::cadres
