#pragma once
// The accounts module: the HTTP face of auth/ (log in, who am I, log out) and the demo accounts.
// Accounts, grants, sessions and throttling themselves live in auth/, below every module.
// Routes:
//   POST   /api/v1/session   public, CSRF-exempt: log in with login name or phone + password
//   GET    /api/v1/session   the account, its person, its grants and the CSRF token
//   DELETE /api/v1/session   log out

#include "kit/module.h"

namespace tianshan::accounts {

ModuleDefinition AccountsModule();

}  // namespace tianshan::accounts
