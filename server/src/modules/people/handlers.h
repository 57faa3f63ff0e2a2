#pragma once
// HTTP adapters of the people module: parse (requests.h), call one use case, map the result.
// Routes (all under /api/v1, session required):
//   POST /people, GET /people/{id}, PATCH /people/{id}, GET /organizations/{id}/people,
//   POST /people/{id}/positions, POST /positions/{id}/end,
//   POST /transfers, POST /transfers/{id}/release|accept|reject|cancel,
//   GET /organizations/{id}/transfers,
//   POST /people/{id}/corrections, POST /corrections/{id}/approve|reject,
//   GET /organizations/{id}/corrections

#include "http/router.h"
#include "kit/module.h"

namespace tianshan::people {

void RegisterPersonRoutes(http::Router& router, AppContext& ctx);
void RegisterTransferRoutes(http::Router& router, AppContext& ctx);
void RegisterCorrectionRoutes(http::Router& router, AppContext& ctx);

}  // namespace tianshan::people
