#include "core/json.h"
#include "modules/publishing/permissions.h"
#include "modules/publishing/use_case_support.h"

namespace tianshan::publishing {

Result<ArticleView> ApproveArticle(const AppContext& ctx, const Caller& caller, int64_t article_id,
                                   const std::optional<std::string>& note) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<ArticleView> {
    TS_ASSIGN_OR_RETURN(auto access, LoadArticle(tx, caller.actor, article_id));
    Article& a = access.article;
    if (!CanReview(caller.actor, a.org_path, access.membership)) return Status::Forbidden();
    if (a.status != status::kSubmitted) return Status::Conflict("publishing.wrong_state");
    if (!MayApprove(caller.actor, a.created_by, a.submitted_by)) return Status::Forbidden("publishing.own_article");
    if (note && Utf8Length(*note) > kMaxReason)
      return Status::Invalid("note", "field.too_long", std::to_string(kMaxReason));
    const std::string before = ArticleAuditJson(a);
    a.status = status::kApproved;
    a.approved_by = caller.actor.account_id;
    a.review_note = note;
    TS_ASSIGN_OR_RETURN(auto view, Transition(tx, ctx, caller, access, status::kSubmitted, "article.approve", before));
    TS_RETURN_IF_ERROR(NotifyAuthor(tx, ctx, a, "approved"));
    return view;
  });
}

}  // namespace tianshan::publishing
