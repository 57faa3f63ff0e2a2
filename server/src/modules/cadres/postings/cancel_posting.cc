// A planner cancels a posting before its end, with the reason: load → authorize (as planning:
// both the cadre's organization and the host) → still open, not ended → save, figures, audit.
#include "modules/cadres/cadre_repository.h"
#include "modules/cadres/cadre_support.h"
#include "modules/cadres/permissions.h"
#include "modules/cadres/postings/posting_support.h"

namespace tianshan::cadres {

Result<PostingView> CancelPosting(const AppContext& ctx, const auth::Caller& caller, int64_t id,
                                  const std::string& reason) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<PostingView> {
    const int64_t now = ctx.clock.NowMillis();
    TS_ASSIGN_OR_RETURN(SeenPosting seen, LoadSeenPosting(tx, caller.actor, id));
    Posting p = seen.posting;
    if (!CanPlanPostings(caller.actor, p.org_path) || !CanPlanPostings(caller.actor, p.host_path)) {
      return Status::Forbidden();
    }
    if (p.status != "planned" || p.confirmed_at) return Status::Conflict("cadres.posting_closed");
    if (p.ends_on < Today(ctx)) return Status::Conflict("cadres.posting_ended");
    TS_ASSIGN_OR_RETURN(Cadre cadre, LockCadre(tx, p.cadre_id, now));
    TS_ASSIGN_OR_RETURN(PostingFigures before, CurrentPostingFigures(tx, ctx, cadre.id));
    const std::string before_json = PostingAuditJson(p);
    p.status = "cancelled";
    p.cancel_reason = reason;
    p.cancelled_by = caller.actor.account_id;
    p.cancelled_at = p.updated_at = now;
    TS_RETURN_IF_ERROR(SavePostingCancellation(tx, p));
    TS_RETURN_IF_ERROR(MovePostingFigures(tx, ctx, cadre, before));
    TS_RETURN_IF_ERROR(ctx.audit.Record(
        tx, caller, {"cadres.posting.cancel", "cadres_posting", p.id, p.org_path, before_json, PostingAuditJson(p)}));
    return ViewPosting(tx, ctx, caller.actor, p, true);
  });
}

}  // namespace tianshan::cadres
