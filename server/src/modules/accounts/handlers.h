#pragma once
// HTTP adapters of the accounts module (see modules/accounts/module.h for the routes).

#include <functional>
#include <string>

#include "auth/session_store.h"
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
// DELETE /api/v1/session/list {current_password}: ends every session of mine, this one included
// (log out everywhere), once the password is entered again. Asynchronous like ChangePassword.
void EndAllMySessions(AppContext& ctx, http::HttpRequest& req, http::Reply reply);

// reauthenticate.cc: checks the caller's current `password` on the hashing pool and, when it
// matches, calls `then` with the account's password hash as read (on the pool's completion
// thread; `then` must reply). Otherwise replies itself: 422 on current_password (counted as a
// failed login), 429 while the account is locked, 503 when the pool is full.
using ReauthenticatedThen = std::function<void(const std::string& password_hash)>;
void Reauthenticate(AppContext& ctx, const http::HttpRequest& req, const std::string& password, http::Reply reply,
                    ReauthenticatedThen then);

// The session timeouts the platform is configured with (handlers.cc).
auth::SessionPolicy PolicyOf(const AppContext& ctx);

// Login alerts (login_alert.cc): the client's network ("203.0.113.0/24", "2001:db8::/64"), and
// inside the login's transaction, remembering where the account logged in from and notifying it
// of a new browser or network.
std::string NetworkOf(const http::HttpRequest& req);
Status RecordLoginPlace(storage::Transaction& tx, const AppContext& ctx, int64_t account_id,
                        const std::string& user_agent, const std::string& network, int64_t now);

}  // namespace tianshan::accounts
