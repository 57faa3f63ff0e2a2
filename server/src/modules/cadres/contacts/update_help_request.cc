#include "modules/cadres/cadre_repository.h"
#include "modules/cadres/cadre_support.h"
#include "modules/cadres/contacts/contact_support.h"
#include "modules/cadres/contacts/help_support.h"
#include "modules/cadres/contacts/interaction_repository.h"
#include "modules/cadres/contacts/notices.h"

namespace tianshan::cadres {

Result<HelpRequest> UpdateHelpRequest(const AppContext& ctx, const auth::Caller& caller, int64_t id,
                                      const UpdateHelpInput& input) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<HelpRequest> {
    const int64_t now = ctx.clock.NowMillis();
    const Status not_found = Status::NotFound("cadres.help_not_found");
    TS_ASSIGN_OR_RETURN(auto found, FindHelpRequest(tx, id));
    if (!found) return not_found;
    auto party = LoadAsParty(tx, caller.actor, found->contact_id);
    if (!party.ok()) return not_found;
    if (!party->caller_is_cadre) return Status::Forbidden("cadres.only_the_cadre");
    HelpRequest h = *found;
    if (!HelpIsOpen(h.status)) return Status::Conflict("cadres.help_closed");
    const bool closing = !HelpIsOpen(input.status);
    if (input.status == "open") return Status::Invalid("status", "cadres.help_bad_transition");
    if (closing && !input.help_given && !h.help_given)
      return Status::Invalid("help_given", "cadres.help_given_required");
    TS_ASSIGN_OR_RETURN(Cadre cadre, LockCadre(tx, party->cadre.id, now));
    const std::string before = HelpAuditJson(h);
    h.status = input.status;
    if (input.help_given) h.help_given = input.help_given;
    h.updated_at = now;
    if (closing) h.closed_at = now;
    TS_RETURN_IF_ERROR(SaveHelpRequest(tx, h));
    if (closing) {
      TS_ASSIGN_OR_RETURN(Period period, LoadPeriod(tx, Today(ctx), true));
      FigureDelta delta;
      delta.help_open = -1;
      delta.help_overdue = period.HelpOverdue(h.created_on) ? -1 : 0;
      delta.help_changed = true;
      TS_RETURN_IF_ERROR(ApplyFigures(tx, cadre, delta));
    }
    TS_RETURN_IF_ERROR(ctx.audit.Record(
        tx, caller, {"cadres.help.update", "cadres_help_request", h.id, cadre.org_path, before, HelpAuditJson(h)}));
    TS_RETURN_IF_ERROR(NotifyYouth(tx, ctx, party->contact.person_id, "help_updated"));
    return h;
  });
}

}  // namespace tianshan::cadres
