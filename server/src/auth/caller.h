#pragma once
// Who asks, as every use case sees it: the signed-in actor, the request id that ties audit
// entries to the access log, and the language answers are rendered in. Built by the HTTP edge
// (http::CallerOf) or by the command line and tests; `actor` must outlive the call.

#include <string>

#include "auth/actor.h"
#include "core/messages.h"

namespace tianshan::auth {

struct Caller {
  const Actor& actor;
  std::string request_id;
  Lang lang = Lang::kZh;
};

}  // namespace tianshan::auth
