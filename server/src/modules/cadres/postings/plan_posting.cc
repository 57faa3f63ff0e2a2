// A committee plans a posting: load → validate → authorize (both the cadre's organization and
// the host under the caller's cadres.plan_postings) → no overlap with another posting of the
// cadre (the cadre locked) → insert, figures, audit; one transaction.
#include "modules/cadres/cadre_repository.h"
#include "modules/cadres/cadre_support.h"
#include "modules/cadres/permissions.h"
#include "modules/cadres/postings/posting_support.h"

namespace tianshan::cadres {

Result<PostingView> PlanPosting(const AppContext& ctx, const auth::Caller& caller, const PlanPostingInput& input) {
  std::vector<FieldError> errors;
  if (input.ends_on < input.starts_on) {
    errors.push_back({"ends_on", "cadres.ends_before_start", ""});
  } else if (DayNumber(input.ends_on) - DayNumber(input.starts_on) + 1 > kMaxPostingDays) {
    errors.push_back({"ends_on", "cadres.posting_too_long", ""});
  }
  if (!errors.empty()) return Status::Invalid(std::move(errors));
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<PostingView> {
    const int64_t now = ctx.clock.NowMillis();
    // A person the caller may not plan for reads as no cadre at all (ids reveal nothing); an
    // enrolment made here is undone with the transaction when anything below fails.
    TS_ASSIGN_OR_RETURN(Cadre cadre, EnrollPerson(tx, ctx, input.person_id, "person_id"));
    if (!CanPlanPostings(caller.actor, cadre.org_path)) return Status::Invalid("person_id", "cadres.not_a_cadre");
    if (ctx.organizations == nullptr) return Status::NotFound("organization.not_found");
    TS_ASSIGN_OR_RETURN(auto host, ctx.organizations->Find(tx, input.host_organization_id));
    if (!host || !CanPlanPostings(caller.actor, host->path)) {
      return Status::Invalid("host_organization_id", "cadres.host_not_found");
    }
    TS_ASSIGN_OR_RETURN(cadre, LockCadre(tx, cadre.id, now));
    TS_ASSIGN_OR_RETURN(auto overlap, OverlappingPosting(tx, cadre.id, input.starts_on, input.ends_on));
    if (overlap) {
      return Status::Conflict("cadres.posting_overlaps")
          .WithField("starts_on", "cadres.posting_overlaps", overlap->starts_on + " – " + overlap->ends_on);
    }
    TS_ASSIGN_OR_RETURN(PostingFigures before, CurrentPostingFigures(tx, ctx, cadre.id));
    Posting p = NewPosting(cadre, *host, input.starts_on, input.ends_on, input.tasks, caller.actor.account_id, now);
    TS_ASSIGN_OR_RETURN(p.id, InsertPosting(tx, p));
    TS_RETURN_IF_ERROR(MovePostingFigures(tx, ctx, cadre, before));
    TS_RETURN_IF_ERROR(ctx.audit.Record(
        tx, caller, {"cadres.posting.plan", "cadres_posting", p.id, p.org_path, "", PostingAuditJson(p)}));
    return ViewPosting(tx, ctx, caller.actor, p, true);
  });
}

}  // namespace tianshan::cadres
