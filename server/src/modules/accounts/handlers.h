#pragma once
// HTTP adapters of the accounts module (see modules/accounts/module.h for the routes).

#include "http/router.h"
#include "kit/module.h"

namespace tianshan::accounts {

// Asynchronous: the password check runs on the hasher pool, never on an I/O thread.
void LogIn(AppContext& ctx, http::HttpRequest& req, http::Reply reply);
http::HttpResponse GetSession(AppContext& ctx, http::HttpRequest& req);
http::HttpResponse LogOut(AppContext& ctx, http::HttpRequest& req);
// Asynchronous like LogIn: verifying and hashing run on the hasher pool (change_password.cc).
void ChangePassword(AppContext& ctx, http::HttpRequest& req, http::Reply reply);
// The caller's own sessions (my_sessions.cc).
Result<http::HttpResponse> ListMySessions(AppContext& ctx, http::HttpRequest& req);
Result<http::HttpResponse> EndMySession(AppContext& ctx, http::HttpRequest& req);

}  // namespace tianshan::accounts
