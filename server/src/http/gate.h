#pragma once
// Route gates: who may call a route, named where the route is registered, so that one source
// feeds the permission matrix over every route (server/tests/api/permission_matrix_test.cc)
// and `tianshan routes`. A gate is the name of the manifest permission (kit/permission.h)
// deciding the route on the object its path names ("people.read"; "people.transfers@to" for
// one side of a two-sided object), kGateSelf, kGateSignedIn, or kGatePublic (every
// Access::kPublic route, without saying so).
//
//   http::Gated(router, "people.read").Get("/api/v1/people/{id}", endpoint);
//
// Gates are kept beside the router (routes are added once, before serving) in a process-wide
// table keyed by the route; thread-safe.

#include <string>

#include "http/router.h"

namespace tianshan::http {

inline constexpr const char* kGatePublic = "public";       // anyone, no session
inline constexpr const char* kGateSelf = "self";           // a session; the caller's own records only
inline constexpr const char* kGateSignedIn = "signed-in";  // a session; the same for everyone signed in

// Adds session routes (Access::kSession) to `router`, recording `gate` for each.
class Gated {
 public:
  Gated(Router& router, std::string gate) : router_(router), gate_(std::move(gate)) {}
  Route& Get(std::string pattern, Endpoint endpoint);
  Route& Post(std::string pattern, Endpoint endpoint);
  Route& Patch(std::string pattern, Endpoint endpoint);
  Route& Put(std::string pattern, Endpoint endpoint);
  Route& Delete(std::string pattern, Endpoint endpoint);
  Route& Add(std::string method, std::string pattern, Handler handler, bool csrf_exempt = false);
  Route& AddAsync(std::string method, std::string pattern, AsyncHandler handler, bool csrf_exempt = false);

 private:
  Route& Record(Route& route);
  Router& router_;
  std::string gate_;
};

// The gate of `route`: kGatePublic for a public route, "" when its registration named none.
std::string GateOf(const Route& route);

}  // namespace tianshan::http
