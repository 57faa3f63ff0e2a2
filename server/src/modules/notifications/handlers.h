#pragma once
// HTTP adapters of the notifications module (see module.h for the routes).

#include <memory>

#include "http/router.h"
#include "kit/module.h"
#include "modules/notifications/live_updates.h"

namespace tianshan::notifications {

void RegisterRoutes(http::Router& router, const AppContext& ctx, std::shared_ptr<LiveUpdates> live);

}  // namespace tianshan::notifications
