#pragma once
// HTTP adapters of the volunteering module: parse, call one use case, map the result.
// Routes are listed in openapi.json beside this file.

#include "http/router.h"
#include "kit/module.h"

namespace tianshan::volunteering {

void RegisterTeamAndProjectRoutes(http::Router& router, const AppContext& ctx);
void RegisterSignUpRoutes(http::Router& router, const AppContext& ctx);
void RegisterHoursRoutes(http::Router& router, const AppContext& ctx);
void RegisterCertificateRoutes(http::Router& router, const AppContext& ctx);

}  // namespace tianshan::volunteering
