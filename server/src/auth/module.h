#pragma once
// The auth module: accounts, grants, sessions (log in, who am I, log out), login throttling.
// Routes:
//   POST   /api/v1/session   public, CSRF-exempt: log in with login name or phone + password
//   GET    /api/v1/session   the account, its person, its grants and the CSRF token
//   DELETE /api/v1/session   log out

#include "modules/module.h"

namespace tianshan::auth {

ModuleDefinition AuthModule();

}  // namespace tianshan::auth
