#include "modules/publishing/permissions.h"
#include "modules/publishing/use_case_support.h"

namespace tianshan::publishing {

Result<ArticleView> CreateArticleIn(storage::Transaction& tx, const AppContext& ctx, const Caller& caller,
                                    const ColumnAccess& access, const ArticleFields& fields) {
  const Column& column = access.column;
  if (!CanWrite(caller.actor, column.org_path, access.membership)) return Status::Forbidden();
  TS_ASSIGN_OR_RETURN(ArticleFields checked, CheckArticleFields(tx, fields));
  Article a;
  a.column_id = column.id;
  a.organization_id = column.organization_id;
  a.org_path = column.org_path;
  a.show_on_parents = column.show_on_parents;
  a.fields = std::move(checked);
  a.status = status::kDraft;
  a.revision = 1;
  a.created_by = caller.actor.account_id;
  a.created_at = a.updated_at = ctx.clock.NowMillis();
  TS_ASSIGN_OR_RETURN(a.id, InsertArticle(tx, a));
  TS_RETURN_IF_ERROR(InsertRevision(tx, a, caller.actor.account_id, a.created_at));
  TS_RETURN_IF_ERROR(AuditArticle(tx, ctx, caller, "article.create", a, ""));
  return ViewOf(tx, caller.actor, ArticleAccess{a, column, access.membership});
}

Result<ArticleView> CreateArticle(const AppContext& ctx, const Caller& caller, int64_t column_id,
                                  const ArticleFields& fields) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<ArticleView> {
    TS_ASSIGN_OR_RETURN(auto access, LoadColumn(tx, caller.actor, column_id));
    return CreateArticleIn(tx, ctx, caller, access, fields);
  });
}

}  // namespace tianshan::publishing
