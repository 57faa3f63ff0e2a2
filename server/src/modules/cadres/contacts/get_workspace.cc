#include "modules/cadres/cadre_card.h"
#include "modules/cadres/cadre_repository.h"
#include "modules/cadres/cadre_support.h"
#include "modules/cadres/contacts/contact_repository.h"
#include "modules/cadres/contacts/use_cases.h"

namespace tianshan::cadres {

Result<Workspace> GetWorkspace(const AppContext& ctx, const auth::Actor& actor) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<Workspace> {
    TS_ASSIGN_OR_RETURN(CallerCadre me, FindCallerCadre(tx, ctx, actor, false, false));
    Workspace w;
    w.active = me.active;
    w.figures = me.cadre;
    if (me.cadre.id == 0) {
      // Not in the register yet: the target the first change will give.
      if (ctx.organizations != nullptr) {
        TS_ASSIGN_OR_RETURN(auto org, ctx.organizations->Find(tx, me.cadre.organization_id));
        if (org) {
          w.figures.org_path = org->path;
          TS_ASSIGN_OR_RETURN(Targets targets, EffectiveTargets(tx, org->path));
          w.figures.contact_target = targets.contacts;
        }
      }
    } else {
      ContactFilter requested{"requested", std::nullopt, std::nullopt, "", ""};
      TS_ASSIGN_OR_RETURN(auto waiting, SelectAllCadreContacts(tx, me.cadre.id, requested));
      w.requested = static_cast<int>(waiting.size());
    }
    TS_ASSIGN_OR_RETURN(w.card, LoadCadreCard(tx, ctx, w.figures));
    TS_ASSIGN_OR_RETURN(w.period, LoadPeriod(tx, Today(ctx), false));
    return w;
  });
}

}  // namespace tianshan::cadres
