#include "modules/cadres/cadre_repository.h"
#include "modules/cadres/cadre_support.h"
#include "modules/cadres/contacts/contact_support.h"
#include "modules/cadres/contacts/help_support.h"
#include "modules/cadres/contacts/interaction_repository.h"
#include "modules/cadres/contacts/notices.h"

namespace tianshan::cadres {

Result<HelpRequest> RaiseHelpRequest(const AppContext& ctx, const auth::Caller& caller, int64_t contact_id,
                                     const RaiseHelpInput& input) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<HelpRequest> {
    const int64_t now = ctx.clock.NowMillis();
    TS_ASSIGN_OR_RETURN(PartyContact party, LoadAsParty(tx, caller.actor, contact_id));
    if (!party.contact.active()) return Status::Conflict("cadres.contact_not_active");
    TS_ASSIGN_OR_RETURN(Cadre cadre, LockCadre(tx, party.cadre.id, now));
    TS_ASSIGN_OR_RETURN(Period period, LoadPeriod(tx, Today(ctx), true));
    HelpRequest h;
    h.contact_id = contact_id;
    h.cadre_id = cadre.id;
    h.org_path = cadre.org_path;
    h.category = input.category;
    h.description = input.description;
    h.status = "open";
    h.raised_by = party.caller_is_cadre ? "cadre" : "youth";
    h.created_on = Today(ctx);
    h.created_at = h.updated_at = now;
    TS_ASSIGN_OR_RETURN(h.id, InsertHelpRequest(tx, h));
    FigureDelta delta;
    delta.help_open = 1;
    delta.help_overdue = period.HelpOverdue(h.created_on) ? 1 : 0;
    delta.help_changed = true;
    TS_RETURN_IF_ERROR(ApplyFigures(tx, cadre, delta));
    // The young person's own act carries no organization (no subtree's log lists it).
    TS_RETURN_IF_ERROR(ctx.audit.Record(tx, caller,
                                        {"cadres.help.raise", "cadres_help_request", h.id,
                                         party.caller_is_cadre ? cadre.org_path : "", "", HelpAuditJson(h)}));
    if (!party.caller_is_cadre) TS_RETURN_IF_ERROR(NotifyCadre(tx, ctx, cadre, "help_raised", contact_id));
    return h;
  });
}

}  // namespace tianshan::cadres
