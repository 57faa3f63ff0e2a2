#pragma once
// HTTP adapters of the __MODULE__ module (routes: module.h). `ctx` must outlive the router.

#include "http/router.h"
#include "kit/module.h"

namespace tianshan::__MODULE__ {

void RegisterRoutes(http::Router& router, const AppContext& ctx);

}  // namespace tianshan::__MODULE__
