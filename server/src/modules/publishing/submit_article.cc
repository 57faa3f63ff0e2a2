#include "modules/publishing/permissions.h"
#include "modules/publishing/use_case_support.h"

namespace tianshan::publishing {

Result<ArticleView> SubmitArticle(const AppContext& ctx, const Caller& caller, int64_t article_id) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<ArticleView> {
    TS_ASSIGN_OR_RETURN(auto access, LoadArticle(tx, caller.actor, article_id));
    Article& a = access.article;
    if (!CanWrite(caller.actor, a.org_path, access.membership)) return Status::Forbidden();
    if (a.status != status::kDraft) return Status::Conflict("publishing.wrong_state");
    const std::string before = ArticleAuditJson(a);
    a.status = status::kSubmitted;
    a.submitted_by = caller.actor.account_id;
    a.approved_by.reset();
    a.review_note.reset();
    TS_ASSIGN_OR_RETURN(auto view, Transition(tx, ctx, caller, access, status::kDraft, "article.submit", before));
    TS_RETURN_IF_ERROR(NotifyReviewers(tx, ctx, access));
    return view;
  });
}

}  // namespace tianshan::publishing
