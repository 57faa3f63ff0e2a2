#pragma once
// Response figures of application services, per service and rolled up the tree: applications
// submitted, completed, closed (completed, rejected or withdrawn), the completion rate
// (completed ÷ closed), and the median time from submission to the handler's first answer
// (accept or reject).
//
// Counts are maintained in the applications' own transactions: columns on the service row and
// the organizations' counters services.applications / _completed / _closed (self and subtree,
// checked by verify-counters). A median is no counter: each application keeps its own
// response_ms (set once, at the first answer) and the median is read with two indexed queries
// per service (COUNT, then ORDER BY response_ms LIMIT 2 OFFSET (n-1)/2: O(answered
// applications of the service)); for a subtree one scan of the subtree's answered
// applications' response_ms, sorted in memory (O(n log n) for n answered applications there).

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/actor.h"
#include "kit/module.h"
#include "modules/organizations/public/counters.h"
#include "modules/services/service.h"
#include "storage/database.h"

namespace tianshan::services {

inline constexpr std::string_view kApplicationsCounter = "services.applications";
inline constexpr std::string_view kCompletedCounter = "services.applications_completed";
inline constexpr std::string_view kClosedCounter = "services.applications_closed";

struct ResponseFigures {
  int64_t applications = 0;
  int64_t completed = 0;
  int64_t closed = 0;
  int64_t answered = 0;  // with a first answer
  std::optional<int64_t> median_response_ms;
  // completed ÷ closed; nullopt before anything closed.
  std::optional<double> CompletionRate() const;
};

// Inside SubmitApplication: one more application of its service and organization.
Status CountSubmitted(storage::Transaction& tx, const Application& a);
// Inside a step from `from` to `a.status` at `now`: the first answer's time, an end.
Status CountStep(storage::Transaction& tx, const Application& a, std::string_view from, int64_t now);

Result<ResponseFigures> ServiceResponseFigures(storage::Transaction& tx, int64_t service_id);
struct SubtreeResponseFigures {
  ResponseFigures total;
  std::map<int64_t, ResponseFigures> by_service;  // services of the subtree with applications
};
Result<SubtreeResponseFigures> ReadSubtreeResponseFigures(storage::Transaction& tx, int64_t organization_id,
                                                          const std::string& path);

// The use cases (services.read): one service's figures; a subtree's, with its services'.
Result<ResponseFigures> GetServiceResponses(const AppContext& ctx, const auth::Actor& actor, int64_t service_id);
Result<SubtreeResponseFigures> GetSubtreeResponses(const AppContext& ctx, const auth::Actor& actor,
                                                   int64_t organization_id);

// verify-counters: the self counts of the three counters, recounted; their keys appended.
Status AddResponseSelfCounts(storage::Transaction& tx, organizations::SelfCounts& counts,
                             std::vector<std::string>& keys);

}  // namespace tianshan::services
