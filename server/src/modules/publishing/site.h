#pragma once
// The public site's reads (no session): an organization's public columns and published
// articles, as the templates of site_pages.h show them. Nothing here reveals a draft, a
// submitted or an approved article; a withdrawn one shows only its title and the reason.

#include <optional>
#include <string>
#include <vector>

#include "auth/organization_directory.h"
#include "kit/module.h"
#include "modules/publishing/article.h"

namespace tianshan::publishing {

struct SiteBase {
  auth::OrganizationRef org;
  std::vector<Column> columns;  // public columns of the organization, parents before children
};

struct SiteList {
  SiteBase base;
  std::optional<Column> column;    // a column page
  std::vector<std::string> trail;  // the column's breadcrumb
  std::optional<std::string> q;    // a search page
  std::vector<Article> articles;
  int page = 1;
  int64_t total = 0;
  int per_page = 20;
};

struct SiteArticle {
  SiteBase base;
  Article article;
  std::vector<std::string> trail;
  std::string home_org_name;  // the organization that wrote it (a child's, shown on parents)
  std::vector<Upload> attachments;
};

// A published article as the platform's front page lists it, with the name of the
// organization whose site shows it.
struct Headline {
  Article article;
  std::string organization_name;
};

// The newest published articles of public columns across the whole network (at most `limit`),
// newest first: what any site already shows to anyone, so nothing here needs a session.
Result<std::vector<Headline>> LoadLatestHeadlines(const AppContext& ctx, int limit);

// NotFound for an organization or column that does not exist or is not public.
Result<SiteList> LoadSiteList(const AppContext& ctx, int64_t organization_id, std::optional<int64_t> column_id,
                              std::optional<std::string> q, int page, int per_page);
// NotFound unless the article is published or withdrawn and shown on this organization's site.
Result<SiteArticle> LoadSiteArticle(const AppContext& ctx, int64_t organization_id, int64_t article_id);

}  // namespace tianshan::publishing
