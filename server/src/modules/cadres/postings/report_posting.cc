// The cadre's posting report: once the posting has begun, rewritable until the host confirms.
// An ended posting leaves the "without a report" count with its first report.
#include "modules/cadres/cadre_repository.h"
#include "modules/cadres/cadre_support.h"
#include "modules/cadres/postings/posting_support.h"

namespace tianshan::cadres {

Result<PostingView> ReportPosting(const AppContext& ctx, const auth::Caller& caller, int64_t id,
                                  const std::string& report) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<PostingView> {
    const int64_t now = ctx.clock.NowMillis();
    TS_ASSIGN_OR_RETURN(SeenPosting seen, LoadSeenPosting(tx, caller.actor, id));
    Posting p = seen.posting;
    if (!seen.own) return Status::Forbidden("cadres.only_the_posted_cadre");
    if (p.status != "planned" || p.confirmed_at) return Status::Conflict("cadres.posting_closed");
    if (p.starts_on > Today(ctx)) return Status::Conflict("cadres.posting_not_begun");
    TS_ASSIGN_OR_RETURN(Cadre cadre, LockCadre(tx, p.cadre_id, now));
    TS_ASSIGN_OR_RETURN(PostingFigures before, CurrentPostingFigures(tx, ctx, cadre.id));
    const std::string before_json = PostingAuditJson(p);
    p.report = report;
    p.reported_at = now;
    p.updated_at = now;
    TS_RETURN_IF_ERROR(SavePostingReport(tx, p));
    TS_RETURN_IF_ERROR(MovePostingFigures(tx, ctx, cadre, before));
    TS_RETURN_IF_ERROR(ctx.audit.Record(
        tx, caller, {"cadres.posting.report", "cadres_posting", p.id, p.org_path, before_json, PostingAuditJson(p)}));
    return ViewPosting(tx, ctx, caller.actor, p, true);
  });
}

}  // namespace tianshan::cadres
