#pragma once
// HTTP adapters of the services module (routes: README.md). `ctx` must outlive the router.

#include "http/router.h"
#include "kit/module.h"

namespace tianshan::services {

void RegisterRoutes(http::Router& router, const AppContext& ctx);
// Attendance and enrollment figures (attendance_handlers.cc), called by RegisterRoutes.
void RegisterAttendanceRoutes(http::Router& router, const AppContext& ctx);

}  // namespace tianshan::services
