// The host organization confirms a reported posting (cadres.confirm over the host), once.
#include "modules/cadres/permissions.h"
#include "modules/cadres/postings/posting_support.h"

namespace tianshan::cadres {

Result<PostingView> ConfirmPosting(const AppContext& ctx, const auth::Caller& caller, int64_t id) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<PostingView> {
    TS_ASSIGN_OR_RETURN(SeenPosting seen, LoadSeenPosting(tx, caller.actor, id));
    Posting p = seen.posting;
    if (!CanConfirmAt(caller.actor, p.host_path)) return Status::Forbidden();
    if (p.status != "planned" || p.confirmed_at) return Status::Conflict("cadres.posting_closed");
    if (!p.report) return Status::Conflict("cadres.posting_not_reported");
    const std::string before_json = PostingAuditJson(p);
    p.confirmed_by = caller.actor.account_id;
    p.confirmed_at = p.updated_at = ctx.clock.NowMillis();
    TS_RETURN_IF_ERROR(SavePostingConfirmation(tx, p));
    // Recorded at the host: the confirmation is the host's act.
    TS_RETURN_IF_ERROR(ctx.audit.Record(
        tx, caller, {"cadres.posting.confirm", "cadres_posting", p.id, p.host_path, before_json, PostingAuditJson(p)}));
    return ViewPosting(tx, ctx, caller.actor, p, true);
  });
}

}  // namespace tianshan::cadres
