// The reads of postings: the cadre's own, the committee's overview of a subtree, one posting.
#include "modules/cadres/cadre_repository.h"
#include "modules/cadres/cadre_support.h"
#include "modules/cadres/committee/use_cases.h"
#include "modules/cadres/postings/posting_support.h"

namespace tianshan::cadres {

Result<std::vector<PostingView>> ListMyPostings(const AppContext& ctx, const auth::Actor& actor) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<std::vector<PostingView>> {
    TS_ASSIGN_OR_RETURN(CallerCadre me, FindCallerCadre(tx, ctx, actor, false, false));
    if (me.cadre.id == 0) return std::vector<PostingView>();
    TS_ASSIGN_OR_RETURN(auto postings, SelectPostingsOfCadre(tx, me.cadre.id));
    return ViewPostings(tx, ctx, actor, postings);
  });
}

Result<PostingPage> ListPostings(const AppContext& ctx, const auth::Actor& actor, int64_t organization_id,
                                 const PostingListQuery& query) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<PostingPage> {
    TS_ASSIGN_OR_RETURN(std::string path, FiguresPath(tx, ctx, actor, organization_id));
    TS_ASSIGN_OR_RETURN(auto rows, SelectPostingsInSubtree(tx, path, query.year + "-01-01", query.year + "-12-31",
                                                           query.after_id, query.limit));
    PostingPage page;
    if (static_cast<int>(rows.size()) > query.limit) {
      rows.resize(query.limit);
      page.next_cursor = rows.back().id;
    }
    TS_ASSIGN_OR_RETURN(page.items, ViewPostings(tx, ctx, actor, rows));
    return page;
  });
}

Result<PostingPage> ListHostedPostings(const AppContext& ctx, const auth::Actor& actor, int64_t organization_id,
                                       std::optional<int64_t> before_id, int limit) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<PostingPage> {
    TS_ASSIGN_OR_RETURN(std::string path, ConfirmPath(tx, ctx, actor, organization_id));
    TS_ASSIGN_OR_RETURN(auto rows, SelectPostingsHostedIn(tx, path, before_id, limit));
    PostingPage page;
    if (static_cast<int>(rows.size()) > limit) {
      rows.resize(limit);
      page.next_cursor = rows.back().id;
    }
    TS_ASSIGN_OR_RETURN(page.items, ViewPostings(tx, ctx, actor, rows));
    return page;
  });
}

Result<PostingView> GetPosting(const AppContext& ctx, const auth::Actor& actor, int64_t id) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<PostingView> {
    TS_ASSIGN_OR_RETURN(SeenPosting seen, LoadSeenPosting(tx, actor, id));
    return ViewPosting(tx, ctx, actor, seen.posting, true);
  });
}

}  // namespace tianshan::cadres
