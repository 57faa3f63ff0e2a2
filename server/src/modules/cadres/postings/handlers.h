#pragma once
// HTTP adapters of the posting routes ("8+4", README.md). `ctx` must outlive the router.

#include "http/router.h"
#include "kit/module.h"

namespace tianshan::cadres {

void RegisterPostingRoutes(http::Router& router, const AppContext& ctx);

}  // namespace tianshan::cadres
