#include "core/json.h"
#include "modules/publishing/permissions.h"
#include "modules/publishing/use_case_support.h"

namespace tianshan::publishing {

Result<ArticleView> WithdrawArticle(const AppContext& ctx, const Caller& caller, int64_t article_id,
                                    const std::string& reason) {
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos) return Status::Invalid("reason", "field.empty");
  if (Utf8Length(reason) > kMaxReason) return Status::Invalid("reason", "field.too_long", std::to_string(kMaxReason));
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<ArticleView> {
    TS_ASSIGN_OR_RETURN(auto access, LoadArticle(tx, caller.actor, article_id));
    Article& a = access.article;
    if (!CanReview(caller.actor, a.org_path, access.membership)) return Status::Forbidden();
    if (a.status != status::kPublished) return Status::Conflict("publishing.wrong_state");
    const std::string before = ArticleAuditJson(a);
    a.status = status::kWithdrawn;
    a.withdrawn_at = ctx.clock.NowMillis();
    a.withdrawn_reason = reason;
    TS_ASSIGN_OR_RETURN(auto view, Transition(tx, ctx, caller, access, status::kPublished, "article.withdraw", before));
    TS_RETURN_IF_ERROR(NotifyAuthor(tx, ctx, a, "withdrawn"));
    return view;
  });
}

}  // namespace tianshan::publishing
