#pragma once
// HTTP adapters of the committee's routes (README.md): the dashboard, per-cadre quota status
// and its .xlsx. `ctx` must outlive the router.

#include "http/router.h"
#include "kit/module.h"

namespace tianshan::cadres {

void RegisterCommitteeRoutes(http::Router& router, const AppContext& ctx);

}  // namespace tianshan::cadres
