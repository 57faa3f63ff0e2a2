#pragma once
// SQL of publishing_articles, publishing_revisions and publishing_uploads (bound parameters only),
// inside the caller's transaction. Rows are read by column name.

#include <optional>
#include <string>
#include <vector>

#include "modules/publishing/article.h"
#include "storage/database.h"

namespace tianshan::publishing {

Result<int64_t> InsertArticle(storage::Transaction& tx, const Article& a);
// Writes every field and the workflow columns of `a` (by id).
Status SaveArticle(storage::Transaction& tx, const Article& a);
Result<std::optional<Article>> FindArticle(storage::Transaction& tx, int64_t id);
// Moves `id` from status `from` to the state in `a` only if it is still in `from`: the one
// writer of a transition wins when two race (false: someone else moved it first).
Result<bool> SaveArticleIfStatus(storage::Transaction& tx, const Article& a, std::string_view from);

struct ArticleQuery {
  std::string scope_path;                  // the organization's subtree
  std::optional<int64_t> organization_id;  // only this organization's own articles
  std::optional<int64_t> column_id;
  std::optional<std::string> status;
  bool scheduled_only = false;       // approved with a publish_at
  std::optional<std::string> q;      // title contains
  std::optional<int64_t> before_id;  // keyset: newest first
  int limit = 20;
};
// Newest first; `limit` + 1 rows when there are more.
Result<std::vector<Article>> SelectArticles(storage::Transaction& tx, const ArticleQuery& q);

// Published articles visible on the public site of the organization at `path` (its own and those
// of its subtree whose column shows on parents), newest first; `column_ids` narrows to columns.
struct SiteQuery {
  int64_t organization_id = 0;
  std::string path;
  std::vector<int64_t> column_ids;
  std::optional<std::string> q;  // full-text (title and body)
  int offset = 0;
  int limit = 20;
};
Result<std::vector<Article>> SelectPublished(storage::Transaction& tx, const SiteQuery& q);
Result<int64_t> CountPublished(storage::Transaction& tx, const SiteQuery& q);
// The newest published articles of public columns in the whole network, newest first.
Result<std::vector<Article>> SelectLatestPublic(storage::Transaction& tx, int limit);

Status InsertRevision(storage::Transaction& tx, const Article& a, int64_t saved_by, int64_t saved_at);
Result<std::vector<Revision>> RevisionsOf(storage::Transaction& tx, int64_t article_id);
Result<std::optional<Revision>> FindRevision(storage::Transaction& tx, int64_t article_id, int revision);

// Adds `delta` views to each article (the batched view counter's flush).
Status AddViews(storage::Transaction& tx, int64_t article_id, int64_t delta);

Result<int64_t> InsertUpload(storage::Transaction& tx, const Upload& u, const std::string& content_base64);
Result<std::optional<Upload>> FindUpload(storage::Transaction& tx, const std::string& key);
// The content, base64-encoded as stored.
Result<std::optional<std::string>> UploadContent(storage::Transaction& tx, const std::string& key);

// The display names of accounts (revisions, review notes); missing ids are left out.
Result<std::string> AccountName(storage::Transaction& tx, int64_t account_id);

}  // namespace tianshan::publishing
