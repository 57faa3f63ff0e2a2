#include "modules/cadres/cadre_repository.h"
#include "modules/cadres/cadre_support.h"
#include "modules/cadres/contacts/contact_repository.h"
#include "modules/cadres/contacts/contact_support.h"
#include "modules/cadres/contacts/notices.h"

namespace tianshan::cadres {

Result<ContactView> EndContact(const AppContext& ctx, const auth::Caller& caller, int64_t contact_id) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<ContactView> {
    const int64_t now = ctx.clock.NowMillis();
    TS_ASSIGN_OR_RETURN(PartyContact party, LoadAsParty(tx, caller.actor, contact_id));
    TS_ASSIGN_OR_RETURN(Cadre cadre, LockCadre(tx, party.cadre.id, now));
    TS_ASSIGN_OR_RETURN(auto current, FindContact(tx, contact_id));
    Contact c = *current;
    if (!c.open()) return Status::Conflict("cadres.contact_closed");
    const std::string before = ContactAuditJson(c);
    const bool was_active = c.active();
    c.status = "ended";
    c.ended_at = c.updated_at = now;
    c.ended_by = party.caller_is_cadre ? "cadre" : "youth";
    TS_RETURN_IF_ERROR(SaveContactState(tx, c));
    if (was_active) {
      TS_ASSIGN_OR_RETURN(Period period, LoadPeriod(tx, Today(ctx), true));
      TS_RETURN_IF_ERROR(ApplyFigures(tx, cadre, ActiveContactDelta(*current, period, -1)));
    }
    // The young person's own act carries no organization (no subtree's log lists it).
    TS_RETURN_IF_ERROR(ctx.audit.Record(tx, caller,
                                        {"cadres.contact.end", "cadres_contact", c.id,
                                         party.caller_is_cadre ? cadre.org_path : "", before, ContactAuditJson(c)}));
    if (party.caller_is_cadre) {
      TS_RETURN_IF_ERROR(NotifyYouth(tx, ctx, c.person_id, "contact_ended"));
    } else {
      TS_RETURN_IF_ERROR(NotifyCadre(tx, ctx, cadre, "contact_ended", c.id));
    }
    return ViewAsParty(tx, ctx, caller.actor, c, cadre);
  });
}

}  // namespace tianshan::cadres
