#pragma once
// HTTP adapters of the volunteering module, one file per area (<area>/handlers.cc), each route
// written as parse → one use case → respond (http/edge.h). Routes are listed in openapi.json
// beside this file.

#include "http/edge.h"
#include "http/router.h"
#include "kit/module.h"

namespace tianshan::volunteering {

// The names every <area>/handlers.cc uses.
using http::Access;
using http::HttpRequest;
using http::HttpResponse;

void RegisterTeamRoutes(http::Router& router, const AppContext& ctx);
void RegisterProjectRoutes(http::Router& router, const AppContext& ctx);
void RegisterSignUpRoutes(http::Router& router, const AppContext& ctx);
void RegisterHoursRoutes(http::Router& router, const AppContext& ctx);
void RegisterCertificateRoutes(http::Router& router, const AppContext& ctx);

}  // namespace tianshan::volunteering
