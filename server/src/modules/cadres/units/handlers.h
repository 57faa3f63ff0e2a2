#pragma once
// HTTP adapters of the served-unit routes ("4+1", README.md). `ctx` must outlive the router.

#include "http/router.h"
#include "kit/module.h"

namespace tianshan::cadres {

void RegisterUnitRoutes(http::Router& router, const AppContext& ctx);

}  // namespace tianshan::cadres
