#include "modules/cadres/cadre_support.h"
#include "modules/cadres/contacts/contact_repository.h"
#include "modules/cadres/contacts/contact_support.h"

namespace tianshan::cadres {

Result<InvitationView> RevokeInvitation(const AppContext& ctx, const auth::Caller& caller, int64_t id) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<InvitationView> {
    const Status not_found = Status::NotFound("cadres.invitation_not_found");
    auto me = FindCallerCadre(tx, ctx, caller.actor, false, false);
    if (!me.ok()) return not_found;
    TS_ASSIGN_OR_RETURN(auto found, FindInvitation(tx, id));
    if (!found || found->cadre_id != me->cadre.id) return not_found;
    Invitation i = *found;
    if (i.status != "open") return Status::Conflict("cadres.invitation_closed");
    i.status = "revoked";
    i.decided_at = ctx.clock.NowMillis();
    TS_RETURN_IF_ERROR(SaveInvitationState(tx, i));
    TS_RETURN_IF_ERROR(ctx.audit.Record(tx, caller,
                                        {"cadres.invitation.revoke", "cadres_invitation", i.id, me->cadre.org_path,
                                         R"({"status":"open"})", R"({"status":"revoked"})"}));
    return InvitationView{i, std::nullopt};
  });
}

}  // namespace tianshan::cadres
