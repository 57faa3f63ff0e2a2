#include "modules/publishing/article_repository.h"

#include "core/json.h"
#include "modules/publishing/article_json.h"
#include "storage/sql_text.h"

namespace tianshan::publishing {
namespace {

constexpr const char* kArticleColumns =
    "id, column_id, organization_id, org_path, show_on_parents, title, subtitle, source, source_url, author, editor, "
    "origin, cover_key, summary, tags, body_html, body_text, attachments, status, revision, created_by, submitted_by, "
    "approved_by, review_note, publish_at, published_at, withdrawn_at, withdrawn_reason, view_count, created_at, "
    "updated_at";

Article ReadArticle(const storage::Row& r) {
  Article a;
  a.id = r.Int("id");
  a.column_id = r.Int("column_id");
  a.organization_id = r.Int("organization_id");
  a.org_path = r.Text("org_path");
  a.show_on_parents = r.Bool("show_on_parents");
  ArticleFields& f = a.fields;
  f.title = r.Text("title");
  f.subtitle = r.OptText("subtitle");
  f.source = r.OptText("source");
  f.source_url = r.OptText("source_url");
  f.author = r.OptText("author");
  f.editor = r.OptText("editor");
  f.origin = r.Text("origin");
  f.cover_key = r.OptText("cover_key");
  f.summary = r.OptText("summary");
  f.tags = SplitList(r.Text("tags"));
  f.body_html = r.Text("body_html");
  f.body_text = r.Text("body_text");
  f.attachments = SplitList(r.Text("attachments"));
  a.status = r.Text("status");
  a.revision = static_cast<int>(r.Int("revision"));
  a.created_by = r.Int("created_by");
  a.submitted_by = r.OptInt("submitted_by");
  a.approved_by = r.OptInt("approved_by");
  a.review_note = r.OptText("review_note");
  a.publish_at = r.OptInt("publish_at");
  a.published_at = r.OptInt("published_at");
  a.withdrawn_at = r.OptInt("withdrawn_at");
  a.withdrawn_reason = r.OptText("withdrawn_reason");
  a.view_count = r.Int("view_count");
  a.created_at = r.Int("created_at");
  a.updated_at = r.Int("updated_at");
  return a;
}

// The WHERE clause of the public site's articles, with its parameters appended to `params`.
std::string SiteWhere(storage::Transaction& tx, const SiteQuery& q, std::vector<std::string>& held,
                      std::vector<storage::Param>& params, bool& fts) {
  const bool pg = tx.dialect() == storage::Dialect::kPostgres;
  std::string sql =
      " WHERE a.status = 'published' AND a.org_path >= ? AND a.org_path < ? AND (a.organization_id = ? "
      "OR a.show_on_parents = 1)";
  params.emplace_back(q.path);
  params.emplace_back(held.emplace_back(storage::PrefixUpperBound(q.path)));
  params.emplace_back(q.organization_id);
  if (!q.column_ids.empty()) {
    sql += " AND a.column_id IN (";
    for (size_t i = 0; i < q.column_ids.size(); ++i) {
      sql += i ? ", ?" : "?";
      params.emplace_back(q.column_ids[i]);
    }
    sql += ")";
  }
  fts = false;
  if (q.q) {
    if (Utf8Length(*q.q) >= 3 && !pg) {
      fts = true;
      sql += " AND a.id IN (SELECT rowid FROM publishing_search WHERE publishing_search MATCH ?)";
      params.emplace_back(held.emplace_back(storage::FtsPhrase(*q.q)));
    } else if (Utf8Length(*q.q) >= 3) {
      sql += " AND (a.title ILIKE ? ESCAPE '\\' OR a.body_text ILIKE ? ESCAPE '\\')";
      const std::string& pattern = held.emplace_back(storage::ContainsPattern(*q.q));
      params.emplace_back(pattern);
      params.emplace_back(pattern);
    } else {
      sql += " AND a.title LIKE ? ESCAPE '\\'";
      params.emplace_back(held.emplace_back(storage::ContainsPattern(*q.q)));
    }
  }
  return sql;
}

}  // namespace

std::string JoinList(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ",") + i;
  return out;
}

std::vector<std::string> SplitList(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    size_t comma = text.find(',');
    std::string_view part = text.substr(0, comma);
    if (!part.empty()) out.emplace_back(part);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

Result<int64_t> InsertArticle(storage::Transaction& tx, const Article& a) {
  const ArticleFields& f = a.fields;
  TS_ASSIGN_OR_RETURN(
      auto rows,
      tx.Query(
          "INSERT INTO publishing_articles (column_id, organization_id, org_path, show_on_parents, title, subtitle, "
          "source, source_url, author, editor, origin, cover_key, summary, tags, body_html, body_text, attachments, "
          "status, revision, created_by, published_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
          "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {a.column_id,
           a.organization_id,
           a.org_path,
           a.show_on_parents,
           f.title,
           f.subtitle,
           f.source,
           f.source_url,
           f.author,
           f.editor,
           f.origin,
           f.cover_key,
           f.summary,
           JoinList(f.tags),
           f.body_html,
           f.body_text,
           JoinList(f.attachments),
           a.status,
           a.revision,
           a.created_by,
           a.published_at,
           a.created_at,
           a.updated_at}));
  if (rows.empty()) return Status::Internal("error.internal").WithDetail("INSERT RETURNING gave no row");
  return rows[0].Int(0);
}

namespace {

constexpr const char* kUpdate =
    "UPDATE publishing_articles SET title = ?, subtitle = ?, source = ?, source_url = ?, author = ?, editor = ?, "
    "origin "
    "= ?, cover_key = ?, summary = ?, tags = ?, body_html = ?, body_text = ?, attachments = ?, status = ?, revision = "
    "?, submitted_by = ?, approved_by = ?, review_note = ?, publish_at = ?, published_at = ?, withdrawn_at = ?, "
    "withdrawn_reason = ?, updated_at = ? WHERE id = ?";

Result<int64_t> RunUpdate(storage::Transaction& tx, const Article& a, std::optional<std::string_view> from) {
  const ArticleFields& f = a.fields;
  std::string sql = kUpdate;
  std::string held_from = from ? std::string(*from) : "";
  if (from) sql += " AND status = ?";
  const std::string tags = JoinList(f.tags), attachments = JoinList(f.attachments);
  std::vector<storage::Param> params = {f.title,        f.subtitle,         f.source,      f.source_url, f.author,
                                        f.editor,       f.origin,           f.cover_key,   f.summary,    tags,
                                        f.body_html,    f.body_text,        attachments,   a.status,     a.revision,
                                        a.submitted_by, a.approved_by,      a.review_note, a.publish_at, a.published_at,
                                        a.withdrawn_at, a.withdrawn_reason, a.updated_at,  a.id};
  if (from) params.emplace_back(held_from);
  return tx.Execute(sql, params);
}

}  // namespace

Status SaveArticle(storage::Transaction& tx, const Article& a) { return RunUpdate(tx, a, std::nullopt).status(); }

Result<bool> SaveArticleIfStatus(storage::Transaction& tx, const Article& a, std::string_view from) {
  TS_ASSIGN_OR_RETURN(int64_t changed, RunUpdate(tx, a, from));
  return changed == 1;
}

Result<std::optional<Article>> FindArticle(storage::Transaction& tx, int64_t id) {
  TS_ASSIGN_OR_RETURN(
      auto row, tx.QueryOne(std::string("SELECT ") + kArticleColumns + " FROM publishing_articles WHERE id = ?", {id}));
  if (!row) return std::optional<Article>();
  return std::optional<Article>(ReadArticle(*row));
}

Result<std::vector<Article>> SelectArticles(storage::Transaction& tx, const ArticleQuery& q) {
  std::vector<std::string> held;
  held.reserve(4);
  std::vector<storage::Param> params;
  std::string sql = std::string("SELECT ") + kArticleColumns +
                    " FROM publishing_articles WHERE org_path >= ? AND org_path < ? AND id < ?";
  params.emplace_back(q.scope_path);
  params.emplace_back(held.emplace_back(storage::PrefixUpperBound(q.scope_path)));
  params.emplace_back(q.before_id.value_or(INT64_MAX));
  if (q.organization_id) {
    sql += " AND organization_id = ?";
    params.emplace_back(*q.organization_id);
  }
  if (q.column_id) {
    sql += " AND column_id = ?";
    params.emplace_back(*q.column_id);
  }
  if (q.status) {
    sql += " AND status = ?";
    params.emplace_back(*q.status);
  }
  if (q.scheduled_only) sql += " AND status = 'approved' AND publish_at IS NOT NULL";
  if (q.q) {
    sql += " AND title LIKE ? ESCAPE '\\'";
    params.emplace_back(held.emplace_back(storage::ContainsPattern(*q.q)));
  }
  sql += " ORDER BY id DESC LIMIT ?";
  params.emplace_back(q.limit + 1);
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(sql, params));
  std::vector<Article> out;
  for (const auto& r : rows) out.push_back(ReadArticle(r));
  return out;
}

Result<std::vector<Article>> SelectPublished(storage::Transaction& tx, const SiteQuery& q) {
  std::vector<std::string> held;
  held.reserve(4);
  std::vector<storage::Param> params;
  bool fts = false;
  std::string sql = "SELECT " + std::string(kArticleColumns) + " FROM publishing_articles a" +
                    SiteWhere(tx, q, held, params, fts) + " ORDER BY a.published_at DESC, a.id DESC LIMIT ? OFFSET ?";
  params.emplace_back(q.limit);
  params.emplace_back(q.offset);
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(sql, params));
  std::vector<Article> out;
  for (const auto& r : rows) out.push_back(ReadArticle(r));
  return out;
}

Result<std::vector<Article>> SelectLatestPublic(storage::Transaction& tx, int limit) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(std::string("SELECT ") + kArticleColumns +
                                              " FROM publishing_articles WHERE status = 'published' AND column_id IN "
                                              "(SELECT id FROM publishing_columns WHERE is_public = 1) "
                                              "ORDER BY published_at DESC, id DESC LIMIT ?",
                                          {limit}));
  std::vector<Article> out;
  for (const auto& r : rows) out.push_back(ReadArticle(r));
  return out;
}

Result<int64_t> CountPublished(storage::Transaction& tx, const SiteQuery& q) {
  std::vector<std::string> held;
  held.reserve(4);
  std::vector<storage::Param> params;
  bool fts = false;
  std::string sql = "SELECT COUNT(*) FROM publishing_articles a" + SiteWhere(tx, q, held, params, fts);
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(sql, params));
  return rows.empty() ? 0 : rows[0].Int(0);
}

Status InsertRevision(storage::Transaction& tx, const Article& a, int64_t saved_by, int64_t saved_at) {
  const ArticleFields& f = a.fields;
  JsonOut fields;
  fields.StartObject();
  WriteArticleMeta(fields, f);
  fields.Field("tags", JoinList(f.tags)).Field("attachments", JoinList(f.attachments)).EndObject();
  return tx
      .Execute(
          "INSERT INTO publishing_revisions (article_id, revision, title, fields_json, body_html, body_text, "
          "saved_by, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          {a.id, a.revision, f.title, fields.Take(), f.body_html, f.body_text, saved_by, saved_at})
      .status();
}

namespace {

constexpr const char* kRevisionSelect =
    "SELECT r.id AS id, r.article_id AS article_id, r.revision AS revision, r.title AS title, r.fields_json AS "
    "fields_json, r.body_html AS body_html, r.body_text AS body_text, r.saved_by AS saved_by, r.saved_at AS saved_at, "
    "COALESCE(a.display_name, '') AS saved_by_name FROM publishing_revisions r LEFT JOIN auth_accounts a ON a.id = "
    "r.saved_by WHERE r.article_id = ?";

Revision ReadRevision(const storage::Row& r) {
  return Revision{r.Int("id"),         r.Int("article_id"),   static_cast<int>(r.Int("revision")),
                  r.Text("title"),     r.Text("fields_json"), r.Text("body_html"),
                  r.Text("body_text"), r.Int("saved_by"),     r.Text("saved_by_name"),
                  r.Int("saved_at")};
}

}  // namespace

Result<std::vector<Revision>> RevisionsOf(storage::Transaction& tx, int64_t article_id) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(std::string(kRevisionSelect) + " ORDER BY r.revision DESC", {article_id}));
  std::vector<Revision> out;
  for (const auto& r : rows) out.push_back(ReadRevision(r));
  return out;
}

Result<std::optional<Revision>> FindRevision(storage::Transaction& tx, int64_t article_id, int revision) {
  TS_ASSIGN_OR_RETURN(auto row,
                      tx.QueryOne(std::string(kRevisionSelect) + " AND r.revision = ?", {article_id, revision}));
  if (!row) return std::optional<Revision>();
  return std::optional<Revision>(ReadRevision(*row));
}

Status AddViews(storage::Transaction& tx, int64_t article_id, int64_t delta) {
  return tx.Execute("UPDATE publishing_articles SET view_count = view_count + ? WHERE id = ?", {delta, article_id})
      .status();
}

namespace {

constexpr const char* kUploadColumns =
    "id, media_key, organization_id, org_path, kind, media_type, file_name, size_bytes, digest, created_by, created_at";

}  // namespace

Result<int64_t> InsertUpload(storage::Transaction& tx, const Upload& u, const std::string& content_base64) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query("INSERT INTO publishing_uploads (media_key, organization_id, org_path, kind, "
                                          "media_type, file_name, size_bytes, digest, content_base64, created_by, "
                                          "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                                          {u.key, u.organization_id, u.org_path, u.kind, u.media_type, u.file_name,
                                           u.size, u.digest, content_base64, u.created_by, u.created_at}));
  if (rows.empty()) return Status::Internal("error.internal").WithDetail("INSERT RETURNING gave no row");
  return rows[0].Int(0);
}

Result<std::optional<Upload>> FindUpload(storage::Transaction& tx, const std::string& key) {
  TS_ASSIGN_OR_RETURN(
      auto row,
      tx.QueryOne(std::string("SELECT ") + kUploadColumns + " FROM publishing_uploads WHERE media_key = ?", {key}));
  if (!row) return std::optional<Upload>();
  const auto& r = *row;
  return std::optional<Upload>(Upload{r.Int("id"), r.Text("media_key"), r.Int("organization_id"), r.Text("org_path"),
                                      r.Text("kind"), r.Text("media_type"), r.Text("file_name"), r.Int("size_bytes"),
                                      r.Text("digest"), r.Int("created_by"), r.Int("created_at")});
}

Result<std::optional<std::string>> UploadContent(storage::Transaction& tx, const std::string& key) {
  TS_ASSIGN_OR_RETURN(auto row,
                      tx.QueryOne("SELECT content_base64 FROM publishing_uploads WHERE media_key = ?", {key}));
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(row->Text("content_base64"));
}

Result<std::string> AccountName(storage::Transaction& tx, int64_t account_id) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT display_name FROM auth_accounts WHERE id = ?", {account_id}));
  return row ? row->Text("display_name") : std::string();
}

}  // namespace tianshan::publishing
