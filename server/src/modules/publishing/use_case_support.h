#pragma once
// What the publishing use cases share: loading a column or an article as the caller may see it,
// the actions the caller may take on an article now, checking an article's fields (sanitizer,
// link policy, uploads), audit entries and the workflow's notifications.

#include <string>

#include "modules/publishing/article_repository.h"
#include "modules/publishing/column_repository.h"
#include "modules/publishing/use_cases.h"

namespace tianshan::publishing {

struct ColumnAccess {
  Column column;
  Membership membership;
};
// The column when the actor may read its organization; NotFound ("publishing.column_not_found")
// otherwise.
Result<ColumnAccess> LoadColumn(storage::Transaction& tx, const auth::Actor& actor, int64_t column_id);

struct ArticleAccess {
  Article article;
  Column column;
  Membership membership;
};
// The article when the actor may read its organization; NotFound ("publishing.not_found") otherwise.
Result<ArticleAccess> LoadArticle(storage::Transaction& tx, const auth::Actor& actor, int64_t article_id);

ArticleActions ActionsFor(const auth::Actor& actor, const ArticleAccess& access);
Result<ArticleView> ViewOf(storage::Transaction& tx, const auth::Actor& actor, const ArticleAccess& access);

// The fields as stored: the body sanitized, every text checked by the link policy, images,
// the cover and attachments checked to be uploads of the organization's tree. One Invalid
// with every field error.
Result<ArticleFields> CheckArticleFields(storage::Transaction& tx, const ArticleFields& raw);

// Creates a draft in the column (create and import): the caller must write in it.
Result<ArticleView> CreateArticleIn(storage::Transaction& tx, const AppContext& ctx, const Caller& caller,
                                    const ColumnAccess& access, const ArticleFields& fields);

std::string ArticleAuditJson(const Article& a);
Status AuditArticle(storage::Transaction& tx, const AppContext& ctx, const Caller& caller, const std::string& action,
                    const Article& a, const std::string& before_json);

// Tells the column's reviewers and the organization's nearest committee admins that an article
// waits for review.
Status NotifyReviewers(storage::Transaction& tx, const AppContext& ctx, const ArticleAccess& access);
// Tells the article's author (and its submitter) what became of it: `what` is approved,
// rejected, published or withdrawn.
Status NotifyAuthor(storage::Transaction& tx, const AppContext& ctx, const Article& a, const std::string& what);

// Moves the article from `from` to the state in `a` (its one writer: a concurrent transition
// makes this one 409), writes the audit entry and returns the caller's view.
Result<ArticleView> Transition(storage::Transaction& tx, const AppContext& ctx, const Caller& caller,
                               ArticleAccess& access, std::string_view from, const std::string& action,
                               const std::string& before_json);

}  // namespace tianshan::publishing
