// The cadre logs a day's work on a posting: within its period, not in the future.
#include "core/json.h"
#include "modules/cadres/cadre_support.h"
#include "modules/cadres/postings/posting_support.h"

namespace tianshan::cadres {

Result<PostingView> LogPostingWork(const AppContext& ctx, const auth::Caller& caller, int64_t id,
                                   const LogPostingWorkInput& input) {
  const std::string today = Today(ctx);
  if (input.worked_on > today) return Status::Invalid("worked_on", "cadres.date_in_future");
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<PostingView> {
    TS_ASSIGN_OR_RETURN(SeenPosting seen, LoadSeenPosting(tx, caller.actor, id));
    const Posting& p = seen.posting;
    if (!seen.own) return Status::Forbidden("cadres.only_the_posted_cadre");
    if (p.status != "planned" || p.confirmed_at) return Status::Conflict("cadres.posting_closed");
    if (input.worked_on < p.starts_on || input.worked_on > p.ends_on) {
      return Status::Invalid("worked_on", "cadres.outside_posting");
    }
    PostingLog log{0, p.id, input.worked_on, input.minutes, input.what, ctx.clock.NowMillis()};
    TS_ASSIGN_OR_RETURN(log.id, InsertPostingLog(tx, log));
    JsonOut after;
    after.StartObject().Field("posting_id", p.id).Field("worked_on", log.worked_on);
    after.Field("minutes", static_cast<int64_t>(log.minutes)).EndObject();
    TS_RETURN_IF_ERROR(ctx.audit.Record(
        tx, caller, {"cadres.posting.log", "cadres_posting_log", log.id, p.org_path, "", after.Take()}));
    return ViewPosting(tx, ctx, caller.actor, p, true);
  });
}

}  // namespace tianshan::cadres
