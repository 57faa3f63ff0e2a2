#pragma once
// The public site's routes (no session): pages, feeds, share QR codes, the stylesheet and
// uploaded media, answered from the page cache with ETag/Last-Modified and 304 on revalidation.
// `ctx` must outlive the router; the "publishing.site" service (SiteService) must be provided.

#include "http/router.h"
#include "kit/module.h"
#include "modules/publishing/page_cache.h"

namespace tianshan::publishing {

struct SiteService {
  PageCache pages;
  ViewCounter views;
};

void RegisterSiteRoutes(http::Router& router, const AppContext& ctx);

// The "publishing.flush_views" job: writes the counted views in one transaction.
Status FlushViews(const AppContext& ctx, const JobRun& run);

}  // namespace tianshan::publishing
