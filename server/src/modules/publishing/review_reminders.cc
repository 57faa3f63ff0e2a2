#include "modules/publishing/review_reminders.h"

#include <map>

#include "core/calendar.h"
#include "modules/notifications/public/notify.h"
#include "modules/organizations/public/counters.h"

namespace tianshan::publishing {

Status RemindWaitingReview(const AppContext& ctx, const JobRun&) {
  constexpr int64_t kDay = 24LL * 3600 * 1000;
  const int64_t now = ctx.clock.NowMillis();
  const std::string day = TodayInChina(now);
  const int64_t cutoff = now - kReviewOverdueDays * kDay;
  return ctx.db.Write([&](storage::Transaction& tx) -> Status {
    TS_ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT organization_id, COUNT(*) AS n FROM publishing_articles WHERE "
                                            "status = 'submitted' AND updated_at < ? GROUP BY organization_id",
                                            {cutoff}));
    std::map<int64_t, int64_t> overdue;
    for (const auto& r : rows) {
      const int64_t org = r.Int("organization_id"), n = r.Int("n");
      overdue[org] = n;
      notifications::Notification note{"publishing.review_waiting",
                                       "publishing.notice.overdue_title",
                                       "publishing.notice.overdue_body",
                                       {{"count", std::to_string(n)}, {"days", std::to_string(kReviewOverdueDays)}},
                                       "/app/organizations/" + std::to_string(org) + "/publishing?filter=submitted",
                                       "publishing.review_overdue@" + day};
      notifications::Recipients to{.organization_id = org, .roles = {auth::Role::kCommitteeAdmin}};
      TS_RETURN_IF_ERROR(notifications::Notify(tx, ctx, to, note).status());
    }
    return organizations::SetSelfCounters(tx, kOverdueReviewCounter, overdue);
  });
}

}  // namespace tianshan::publishing
