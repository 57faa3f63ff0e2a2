#pragma once
// HTTP adapters of the contact routes (README.md). `ctx` must outlive the router.

#include "http/router.h"
#include "kit/module.h"

namespace tianshan::cadres {

void RegisterContactRoutes(http::Router& router, const AppContext& ctx);

}  // namespace tianshan::cadres
