#include "modules/publishing/site.h"

#include "modules/publishing/article_repository.h"
#include "modules/publishing/column_repository.h"

namespace tianshan::publishing {
namespace {

Result<SiteBase> LoadBase(storage::Transaction& tx, const AppContext& ctx, int64_t organization_id) {
  if (ctx.organizations == nullptr) return Status::NotFound("organization.not_found");
  TS_ASSIGN_OR_RETURN(auto org, ctx.organizations->Find(tx, organization_id));
  if (!org) return Status::NotFound("organization.not_found");
  TS_ASSIGN_OR_RETURN(auto columns, ColumnsOf(tx, org->id));
  SiteBase base{*org, {}};
  for (auto& c : columns) {
    if (c.is_public) base.columns.push_back(std::move(c));
  }
  return base;
}

bool Shown(const SiteBase& base, const Article& a) {
  return a.organization_id == base.org.id ||
         (a.show_on_parents && a.org_path.compare(0, base.org.path.size(), base.org.path) == 0);
}

}  // namespace

Result<SiteList> LoadSiteList(const AppContext& ctx, int64_t organization_id, std::optional<int64_t> column_id,
                              std::optional<std::string> q, int page, int per_page) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<SiteList> {
    SiteList list;
    TS_ASSIGN_OR_RETURN(list.base, LoadBase(tx, ctx, organization_id));
    SiteQuery query;
    query.organization_id = list.base.org.id;
    query.path = list.base.org.path;
    if (column_id) {
      for (const auto& c : list.base.columns) {
        if (c.id == *column_id) list.column = c;
      }
      if (!list.column) return Status::NotFound("publishing.column_not_found");
      TS_ASSIGN_OR_RETURN(list.trail, ColumnTrail(tx, *list.column));
      query.column_ids.push_back(*column_id);
      // A parent column lists its children's articles too.
      for (const auto& c : list.base.columns) {
        if (c.parent_id == *column_id) query.column_ids.push_back(c.id);
      }
    }
    query.q = q;
    list.q = q;
    list.page = page;
    list.per_page = per_page;
    query.limit = per_page;
    query.offset = (page - 1) * per_page;
    TS_ASSIGN_OR_RETURN(list.articles, SelectPublished(tx, query));
    TS_ASSIGN_OR_RETURN(list.total, CountPublished(tx, query));
    return list;
  });
}

Result<std::vector<Headline>> LoadLatestHeadlines(const AppContext& ctx, int limit) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<std::vector<Headline>> {
    TS_ASSIGN_OR_RETURN(auto articles, SelectLatestPublic(tx, limit));
    std::vector<Headline> out;
    for (auto& a : articles) {
      Headline h{std::move(a), {}};
      if (ctx.organizations != nullptr) {
        TS_ASSIGN_OR_RETURN(auto org, ctx.organizations->Find(tx, h.article.organization_id));
        if (org) h.organization_name = org->name;
      }
      out.push_back(std::move(h));
    }
    return out;
  });
}

Result<SiteArticle> LoadSiteArticle(const AppContext& ctx, int64_t organization_id, int64_t article_id) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<SiteArticle> {
    SiteArticle out;
    TS_ASSIGN_OR_RETURN(out.base, LoadBase(tx, ctx, organization_id));
    TS_ASSIGN_OR_RETURN(auto found, FindArticle(tx, article_id));
    if (!found || (found->status != status::kPublished && found->status != status::kWithdrawn) ||
        !Shown(out.base, *found)) {
      return Status::NotFound("publishing.not_found");
    }
    out.article = std::move(*found);
    TS_ASSIGN_OR_RETURN(auto column, FindColumn(tx, out.article.column_id));
    if (column) {
      TS_ASSIGN_OR_RETURN(out.trail, ColumnTrail(tx, *column));
    }
    out.home_org_name = out.base.org.name;
    if (out.article.organization_id != out.base.org.id) {
      TS_ASSIGN_OR_RETURN(auto home, ctx.organizations->Find(tx, out.article.organization_id));
      if (home) out.home_org_name = home->name;
    }
    for (const auto& key : out.article.fields.attachments) {
      TS_ASSIGN_OR_RETURN(auto up, FindUpload(tx, key));
      if (up) out.attachments.push_back(std::move(*up));
    }
    return out;
  });
}

}  // namespace tianshan::publishing
