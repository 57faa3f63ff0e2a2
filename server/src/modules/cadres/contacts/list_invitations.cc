#include "modules/cadres/cadre_support.h"
#include "modules/cadres/contacts/contact_repository.h"
#include "modules/cadres/contacts/use_cases.h"
#include "modules/people/public/facts.h"

namespace tianshan::cadres {

Result<std::vector<InvitationView>> ListInvitations(const AppContext& ctx, const auth::Actor& actor) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<std::vector<InvitationView>> {
    TS_ASSIGN_OR_RETURN(CallerCadre me, FindCallerCadre(tx, ctx, actor, false, false));
    std::vector<InvitationView> out;
    if (me.cadre.id == 0) return out;
    TS_ASSIGN_OR_RETURN(auto invitations, SelectOpenInvitations(tx, me.cadre.id, ctx.clock.NowMillis()));
    std::vector<int64_t> addressed;
    for (const auto& i : invitations) {
      if (i.person_id) addressed.push_back(*i.person_id);
    }
    TS_ASSIGN_OR_RETURN(auto names, people::PeopleByIds(tx, addressed));
    for (auto& i : invitations) {
      InvitationView v{std::move(i), std::nullopt};
      if (v.invitation.person_id) {
        if (auto p = names.find(*v.invitation.person_id); p != names.end()) v.person_name = p->second.name;
      }
      out.push_back(std::move(v));
    }
    return out;
  });
}

}  // namespace tianshan::cadres
