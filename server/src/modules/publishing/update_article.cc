#include "modules/publishing/permissions.h"
#include "modules/publishing/use_case_support.h"

namespace tianshan::publishing {

Result<ArticleView> UpdateArticle(const AppContext& ctx, const Caller& caller, int64_t article_id, int revision,
                                  const ArticleFields& fields) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<ArticleView> {
    TS_ASSIGN_OR_RETURN(auto access, LoadArticle(tx, caller.actor, article_id));
    Article& a = access.article;
    if (!CanWrite(caller.actor, a.org_path, access.membership)) return Status::Forbidden();
    if (a.status != status::kDraft && a.status != status::kWithdrawn) return Status::Conflict("publishing.wrong_state");
    if (revision != a.revision)
      return Status::Conflict("publishing.stale_revision").WithParam(std::to_string(a.revision));
    TS_ASSIGN_OR_RETURN(ArticleFields checked, CheckArticleFields(tx, fields));
    const std::string before = ArticleAuditJson(a);
    const std::string from = a.status;
    a.fields = std::move(checked);
    // A withdrawn article that is edited starts its way to the public again.
    a.status = status::kDraft;
    a.withdrawn_at.reset();
    a.withdrawn_reason.reset();
    a.published_at.reset();
    a.revision += 1;
    a.updated_at = ctx.clock.NowMillis();
    // Only the writer that still saw `revision` saves: two editors saving at once, one wins.
    TS_ASSIGN_OR_RETURN(int64_t changed, tx.Execute("UPDATE publishing_articles SET revision = ? WHERE id = ? AND "
                                                    "revision = ? AND status = ?",
                                                    {a.revision, a.id, revision, from}));
    if (changed != 1) return Status::Conflict("publishing.stale_revision");
    TS_RETURN_IF_ERROR(SaveArticle(tx, a));
    TS_RETURN_IF_ERROR(InsertRevision(tx, a, caller.actor.account_id, a.updated_at));
    TS_RETURN_IF_ERROR(AuditArticle(tx, ctx, caller, "article.update", a, before));
    return ViewOf(tx, caller.actor, access);
  });
}

}  // namespace tianshan::publishing
