#pragma once
// HTTP adapters of the publishing module's API (routes: module.h); the public site's routes are
// in site_handlers.h. `ctx` must outlive the router.

#include "http/router.h"
#include "kit/module.h"

namespace tianshan::publishing {

void RegisterRoutes(http::Router& router, const AppContext& ctx);

}  // namespace tianshan::publishing
