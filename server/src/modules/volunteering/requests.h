#pragma once
// Request reading shared by the volunteering routes (http/edge.h does the rest): the id-keyed
// page, times in bodies, and leaders' approve/reject decisions. Each area's requests.h reads
// its own bodies; every field error is collected into one 422.

#include <cstdint>
#include <optional>
#include <string>

#include "core/json.h"
#include "http/edge.h"
#include "modules/volunteering/volunteering.h"

namespace tianshan::volunteering {

inline constexpr int kDefaultLimit = 20;
inline constexpr int kMaxLimit = 200;

// ?limit=&cursor= where the cursor is the last id of the previous page (0: from the start).
struct IdPage {
  int limit = kDefaultLimit;
  int64_t after = 0;
};
IdPage ReadIdPage(http::QueryReader& query);

// The caller of a public route: signed-in callers are answered with what they may see and do,
// the public (nullptr) with what anyone may.
inline const auth::Actor* ActorOf(const http::HttpRequest& req) { return req.actor ? &*req.actor : nullptr; }

// A time field ("2026-07-01T09:00:00+08:00"; without a zone, China time) as UTC milliseconds;
// a malformed one is an error on the field ("volunteer.bad_time").
std::optional<int64_t> ReadTime(ObjectReader& body, const char* name, bool required);

// {"decision": "approve" | "reject", "reason": "..."}; the use case decides whether a reason
// is needed.
Result<Decision> ParseDecision(const http::HttpRequest& req);

}  // namespace tianshan::volunteering
