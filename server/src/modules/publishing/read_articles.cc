#include "modules/organizations/public/lookup.h"
#include "modules/publishing/permissions.h"
#include "modules/publishing/use_case_support.h"

namespace tianshan::publishing {

Result<ArticleView> GetArticle(const AppContext& ctx, const auth::Actor& actor, int64_t article_id) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<ArticleView> {
    TS_ASSIGN_OR_RETURN(auto access, LoadArticle(tx, actor, article_id));
    return ViewOf(tx, actor, access);
  });
}

Result<ArticlePage> ListArticles(const AppContext& ctx, const auth::Actor& actor, int64_t organization_id,
                                 const ArticleFilter& filter) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<ArticlePage> {
    TS_ASSIGN_OR_RETURN(auto org, organizations::LoadReadable(tx, actor, organization_id));
    if (!CanRead(actor, org.path)) return Status::Forbidden();
    ArticleQuery q;
    q.scope_path = org.path;
    q.organization_id = org.id;
    q.column_id = filter.column_id;
    q.status = filter.status;
    q.scheduled_only = filter.scheduled;
    q.q = filter.q;
    q.before_id = filter.before_id;
    q.limit = filter.limit;
    TS_ASSIGN_OR_RETURN(auto rows, SelectArticles(tx, q));
    ArticlePage page;
    for (auto& a : rows) {
      if (static_cast<int>(page.items.size()) == filter.limit) {
        page.next_cursor = page.items.back().article.id;
        break;
      }
      TS_ASSIGN_OR_RETURN(auto column, FindColumn(tx, a.column_id));
      if (!column) continue;
      TS_ASSIGN_OR_RETURN(auto membership, MembershipOf(tx, column->id, actor.account_id));
      TS_ASSIGN_OR_RETURN(auto view, ViewOf(tx, actor, ArticleAccess{std::move(a), std::move(*column), membership}));
      page.items.push_back(std::move(view));
    }
    return page;
  });
}

Result<std::vector<Revision>> ListRevisions(const AppContext& ctx, const auth::Actor& actor, int64_t article_id) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<std::vector<Revision>> {
    TS_ASSIGN_OR_RETURN(auto access, LoadArticle(tx, actor, article_id));
    return RevisionsOf(tx, access.article.id);
  });
}

Result<Revision> GetRevision(const AppContext& ctx, const auth::Actor& actor, int64_t article_id, int revision) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<Revision> {
    TS_ASSIGN_OR_RETURN(auto access, LoadArticle(tx, actor, article_id));
    TS_ASSIGN_OR_RETURN(auto found, FindRevision(tx, access.article.id, revision));
    if (!found) return Status::NotFound("publishing.revision_not_found");
    return *found;
  });
}

}  // namespace tianshan::publishing
