#pragma once
// HTTP adapters of the accounts module (see modules/accounts/module.h for the routes).

#include "http/router.h"
#include "kit/module.h"

namespace tianshan::accounts {

// Asynchronous: the password check runs on the hasher pool, never on an I/O thread.
void LogIn(AppContext& ctx, http::HttpRequest& req, http::Reply reply);
http::HttpResponse GetSession(AppContext& ctx, http::HttpRequest& req);
http::HttpResponse LogOut(AppContext& ctx, http::HttpRequest& req);

}  // namespace tianshan::accounts
