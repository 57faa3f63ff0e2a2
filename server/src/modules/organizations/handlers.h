#pragma once
// HTTP adapters of the organizations module: parse, call one use case, map the result.
// All routes need a session; `ctx` must outlive the router.
//
//   POST  /api/v1/organizations                       create (parent_id null: a new root)
//   GET   /api/v1/organizations/search?q=&limit=&cursor=&kind=&setting=&status=
//   GET   /api/v1/organizations/{id}
//   PATCH /api/v1/organizations/{id}
//   POST  /api/v1/organizations/{id}/archive
//   POST  /api/v1/organizations/{id}/move             {"new_parent_id": id|null}
//   GET   /api/v1/organizations/{id}/children?limit=&cursor=&status=
//   GET   /api/v1/organizations/{id}/subtree?limit=&cursor=&kind=&setting=&status=&q=
//   GET   /api/v1/organizations/{id}/stats
//   GET   /api/v1/organizations/{id}/coverage-units?covered=&scope=own|subtree&limit=&cursor=
//   GET   /api/v1/organizations/{id}/coverage-by-child   the per-child coverage table
//   POST  /api/v1/organizations/{id}/coverage-units
//   PATCH /api/v1/coverage-units/{id}

#include "http/router.h"
#include "kit/module.h"

namespace tianshan::organizations {

void RegisterOrganizationRoutes(http::Router& router, const AppContext& ctx);
void RegisterCoverageRoutes(http::Router& router, const AppContext& ctx);

}  // namespace tianshan::organizations
