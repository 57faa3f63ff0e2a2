#include "modules/people/reminders.h"

#include <map>

#include "core/calendar.h"
#include "modules/notifications/public/notify.h"
#include "modules/organizations/public/counters.h"
#include "modules/organizations/public/organization.h"

namespace tianshan::people {
namespace {

constexpr int64_t kDay = 24LL * 3600 * 1000;

// The organization a pending transfer waits at: the sending one until it is released.
constexpr const char* kWaitingAt =
    "CASE WHEN released_at IS NULL THEN from_organization_id ELSE to_organization_id END";

}  // namespace

Status RemindPendingTransfers(const AppContext& ctx, const JobRun& run) {
  const int64_t now = ctx.clock.NowMillis();
  const std::string day = TodayInChina(now);
  const int64_t cutoff = now - kTransferOverdueDays * kDay;
  return ctx.db.Write([&](storage::Transaction& tx) -> Status {
    TS_ASSIGN_OR_RETURN(auto by_org, tx.Query(std::string("SELECT ") + kWaitingAt +
                                                  " AS organization_id, COUNT(*) AS n FROM people_transfers "
                                                  "WHERE status = 'pending' AND created_at < ? GROUP BY " +
                                                  kWaitingAt,
                                              {cutoff}));
    std::map<int64_t, int64_t> overdue;
    for (const auto& r : by_org) {
      const int64_t org = r.Int("organization_id"), n = r.Int("n");
      overdue[org] = n;
      notifications::Notification note{"people.transfer_overdue",
                                       "people.notice.overdue_title",
                                       "people.notice.overdue_body",
                                       {{"count", std::to_string(n)}, {"days", std::to_string(kTransferOverdueDays)}},
                                       "/app/organizations/" + std::to_string(org) + "/transfers",
                                       "people.transfer_overdue@" + day};
      notifications::Recipients to{.organization_id = org,
                                   .roles = {auth::Role::kCommitteeAdmin, auth::Role::kBranchSecretary}};
      TS_RETURN_IF_ERROR(notifications::Notify(tx, ctx, to, note).status());
    }
    TS_ASSIGN_OR_RETURN(auto members, tx.Query("SELECT person_id, created_at FROM people_transfers WHERE status = "
                                               "'pending' AND created_at < ?",
                                               {cutoff}));
    for (const auto& r : members) {
      const int64_t days = (now - r.Int("created_at")) / kDay;
      notifications::Notification note{"people.transfer_overdue",
                                       "people.notice.my_overdue_title",
                                       "people.notice.my_overdue_body",
                                       {{"days", std::to_string(days)}},
                                       "/app",
                                       "people.my_transfer_overdue@" + day};
      TS_RETURN_IF_ERROR(notifications::Notify(tx, ctx, {.people = {r.Int("person_id")}}, note).status());
    }
    return organizations::SetSelfCounters(tx, organizations::counter::kOverdueTransfers, overdue);
  });
}

Status RemindPendingCorrections(const AppContext& ctx, const JobRun& run) {
  const int64_t now = ctx.clock.NowMillis();
  const std::string day = TodayInChina(now);
  const int64_t cutoff = now - kCorrectionOverdueDays * kDay;
  return ctx.db.Write([&](storage::Transaction& tx) -> Status {
    TS_ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT p.organization_id AS organization_id, COUNT(*) AS n FROM "
                                            "people_corrections c JOIN people_persons p ON p.id = c.person_id WHERE "
                                            "c.status = 'pending' AND c.created_at < ? GROUP BY p.organization_id",
                                            {cutoff}));
    std::map<int64_t, int64_t> overdue;
    for (const auto& r : rows) {
      const int64_t org = r.Int("organization_id"), n = r.Int("n");
      overdue[org] = n;
      if (ctx.organizations == nullptr) continue;
      TS_ASSIGN_OR_RETURN(auto ref, ctx.organizations->Find(tx, org));
      if (!ref) continue;
      // The approving level: strictly above the person's organization.
      std::vector<int64_t> above = organizations::PathIds(ref->path);
      if (above.size() < 2) continue;
      above.pop_back();
      notifications::Notification note{"people.correction_overdue",
                                       "people.notice.correction_title",
                                       "people.notice.correction_body",
                                       {{"count", std::to_string(n)}},
                                       "/app/organizations/" + std::to_string(above.back()) + "/people",
                                       "people.correction_overdue@" + day};
      notifications::Recipients to{.organization_id = above.back(), .roles = {auth::Role::kCommitteeAdmin}};
      TS_RETURN_IF_ERROR(notifications::Notify(tx, ctx, to, note).status());
    }
    return organizations::SetSelfCounters(tx, organizations::counter::kOverdueCorrections, overdue);
  });
}

}  // namespace tianshan::people
