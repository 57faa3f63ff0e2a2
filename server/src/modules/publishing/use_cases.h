#pragma once
// The use cases of the publishing module. Each runs in one transaction: load → validate →
// authorize → change → audit (and notify), so an audit entry and a notification exist exactly
// when the change does. An organization, column or article outside every grant is 404, so ids
// reveal nothing; one the caller reads but may not act on is 403; a workflow step from the
// wrong state is 409 ("publishing.wrong_state"); bad fields are one 422 naming each field, the
// link policy's refusals naming the offending text.

#include <optional>
#include <string>
#include <vector>

#include "auth/caller.h"
#include "kit/module.h"
#include "modules/publishing/article.h"
#include "modules/publishing/column_repository.h"

namespace tianshan::publishing {

using auth::Caller;

// --- columns ---
struct ColumnInput {
  std::string name;
  int64_t parent_id = 0;
  int position = 0;
  bool is_public = true;
  bool show_on_parents = false;
  std::vector<int64_t> editors;
  std::vector<int64_t> reviewers;
};

struct ColumnView {
  Column column;
  std::vector<std::string> trail;  // names, root column first (the breadcrumb)
  std::vector<ColumnMember> members;
  bool can_edit = false;    // change the column and its members
  bool can_write = false;   // write articles in it
  bool can_review = false;  // review its articles
};

Result<ColumnView> CreateColumn(const AppContext& ctx, const Caller& caller, int64_t organization_id,
                                const ColumnInput& input);
Result<ColumnView> UpdateColumn(const AppContext& ctx, const Caller& caller, int64_t column_id,
                                const ColumnInput& input);
Result<std::vector<ColumnView>> ListColumns(const AppContext& ctx, const auth::Actor& actor, int64_t organization_id);

// --- articles ---
struct ArticleActions {
  bool edit = false, submit = false, approve = false, reject = false, publish = false, withdraw = false;
};

struct ArticleView {
  Article article;
  std::vector<std::string> trail;  // the column's breadcrumb
  ArticleActions can;
};

struct ArticlePage {
  std::vector<ArticleView> items;
  std::optional<int64_t> next_cursor;
};

struct ArticleFilter {
  std::optional<int64_t> column_id;
  std::optional<std::string> status;
  bool scheduled = false;
  std::optional<std::string> q;
  std::optional<int64_t> before_id;
  int limit = 20;
};

Result<ArticleView> CreateArticle(const AppContext& ctx, const Caller& caller, int64_t column_id,
                                  const ArticleFields& fields);
// `revision`: the revision the editor started from; another save in between is 409.
Result<ArticleView> UpdateArticle(const AppContext& ctx, const Caller& caller, int64_t article_id, int revision,
                                  const ArticleFields& fields);
// Creates a draft from a published page's text (page_text.h); every field is checked by the
// link policy first, the breadcrumb included.
Result<ArticleView> ImportArticle(const AppContext& ctx, const Caller& caller, int64_t column_id,
                                  const std::string& text);
Result<ArticleView> GetArticle(const AppContext& ctx, const auth::Actor& actor, int64_t article_id);
Result<ArticlePage> ListArticles(const AppContext& ctx, const auth::Actor& actor, int64_t organization_id,
                                 const ArticleFilter& filter);

Result<ArticleView> SubmitArticle(const AppContext& ctx, const Caller& caller, int64_t article_id);
Result<ArticleView> ApproveArticle(const AppContext& ctx, const Caller& caller, int64_t article_id,
                                   const std::optional<std::string>& note);
Result<ArticleView> RejectArticle(const AppContext& ctx, const Caller& caller, int64_t article_id,
                                  const std::string& note);
// Publishes an approved article now, or schedules it for `at` (which must be in the future);
// the job runner publishes it then ("publishing.publish_scheduled").
Result<ArticleView> PublishArticle(const AppContext& ctx, const Caller& caller, int64_t article_id,
                                   std::optional<int64_t> at);
Result<ArticleView> WithdrawArticle(const AppContext& ctx, const Caller& caller, int64_t article_id,
                                    const std::string& reason);

Result<std::vector<Revision>> ListRevisions(const AppContext& ctx, const auth::Actor& actor, int64_t article_id);
Result<Revision> GetRevision(const AppContext& ctx, const auth::Actor& actor, int64_t article_id, int revision);

// The job: publishes the article of the payload when it is still approved for that time.
Status PublishScheduled(const AppContext& ctx, const JobRun& run);

// --- uploads ---
Result<Upload> UploadFile(const AppContext& ctx, const Caller& caller, int64_t organization_id,
                          const std::string& file_name, const std::string& content);

}  // namespace tianshan::publishing
