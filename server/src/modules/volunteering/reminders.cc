#include "modules/volunteering/reminders.h"

#include <map>

#include "core/calendar.h"
#include "core/china_time.h"
#include "modules/notifications/public/notify.h"
#include "modules/organizations/public/counters.h"

namespace tianshan::volunteering {
namespace {

constexpr int64_t kOneDay = 24LL * 3600 * 1000;

// "07-02 09:00", China time.
std::string ShortChinaTime(int64_t millis) { return ChinaDateTime(millis).substr(5); }

}  // namespace

Status RemindShiftsTomorrow(const AppContext& ctx, const JobRun&) {
  const int64_t from = ChinaMidnight(AddDays(ChinaDate(ctx.clock.NowMillis()), 1));
  return ctx.db.Write([&](storage::Transaction& tx) -> Status {
    TS_ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT u.id AS signup_id, u.account_id AS account_id, s.starts_at AS "
                                            "starts_at, p.title AS title, p.location AS location FROM "
                                            "volunteering_shifts s JOIN volunteering_projects p ON p.id = "
                                            "s.project_id JOIN volunteering_signups u ON u.shift_id = s.id WHERE "
                                            "s.starts_at >= ? AND s.starts_at < ? AND s.status = 'open' AND "
                                            "u.status = 'confirmed' ORDER BY u.id",
                                            {from, from + kOneDay}));
    for (const auto& r : rows) {
      notifications::Notification note{"volunteering.shift_tomorrow",
                                       "volunteer.notice.shift_tomorrow_title",
                                       "volunteer.notice.shift_tomorrow_body",
                                       {{"project", r.Text("title")},
                                        {"time", ShortChinaTime(r.Int("starts_at"))},
                                        {"place", r.OptText("location").value_or("")}},
                                       "/app/volunteering/my-shifts",
                                       "volunteering.shift_tomorrow@" + std::to_string(r.Int("signup_id"))};
      TS_RETURN_IF_ERROR(notifications::Notify(tx, ctx, {.accounts = {r.Int("account_id")}}, note).status());
    }
    return Status::Ok();
  });
}

Status RemindPendingHourReports(const AppContext& ctx, const JobRun&) {
  const int64_t now = ctx.clock.NowMillis();
  const std::string day = TodayInChina(now);
  const int64_t cutoff = now - kHourReportOverdueDays * kOneDay;
  return ctx.db.Write([&](storage::Transaction& tx) -> Status {
    TS_ASSIGN_OR_RETURN(auto by_team, tx.Query("SELECT t.id AS team_id, t.organization_id AS organization_id, "
                                               "COUNT(*) AS n FROM volunteering_hour_reports r JOIN "
                                               "volunteering_teams t ON t.id = r.team_id WHERE r.status = "
                                               "'pending' AND r.created_at < ? GROUP BY t.id, t.organization_id",
                                               {cutoff}));
    std::map<int64_t, int64_t> per_organization, per_team;
    for (const auto& r : by_team) {
      per_organization[r.Int("organization_id")] += r.Int("n");
      per_team[r.Int("team_id")] = r.Int("n");
    }
    // One digest per leader and day, counting the reports of every team they lead.
    std::map<int64_t, int64_t> per_leader;
    if (!per_team.empty()) {
      TS_ASSIGN_OR_RETURN(auto leaders, tx.Query("SELECT m.team_id AS team_id, m.person_id AS person_id FROM "
                                                 "volunteering_team_members m JOIN volunteering_hour_reports r ON "
                                                 "r.team_id = m.team_id WHERE m.role = 'leader' AND m.status = "
                                                 "'active' AND r.status = 'pending' AND r.created_at < ? GROUP BY "
                                                 "m.team_id, m.person_id",
                                                 {cutoff}));
      for (const auto& r : leaders) per_leader[r.Int("person_id")] += per_team[r.Int("team_id")];
    }
    for (const auto& [person, n] : per_leader) {
      notifications::Notification note{"volunteering.hours_overdue",
                                       "volunteer.notice.hours_overdue_title",
                                       "volunteer.notice.hours_overdue_body",
                                       {{"count", std::to_string(n)}, {"days", std::to_string(kHourReportOverdueDays)}},
                                       "/app/volunteering/approvals",
                                       "volunteering.hours_overdue@" + day};
      TS_RETURN_IF_ERROR(notifications::Notify(tx, ctx, {.people = {person}}, note).status());
    }
    return organizations::SetSelfCounters(tx, kOverdueHourReports, per_organization);
  });
}

Status NotifyPromoted(storage::Transaction& tx, const AppContext& ctx, const SignUp& sign_up) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT p.title AS title FROM volunteering_shifts s JOIN "
                                          "volunteering_projects p ON p.id = s.project_id WHERE s.id = ?",
                                          {sign_up.shift_id}));
  notifications::Notification note{
      "volunteering.promoted",
      "volunteer.notice.promoted_title",
      "volunteer.notice.promoted_body",
      {{"project", rows.empty() ? std::string() : rows[0].Text("title")}, {"time", ShortChinaTime(sign_up.starts_at)}},
      "/app/volunteering/my-shifts",
      std::nullopt};
  return notifications::Notify(tx, ctx, {.accounts = {sign_up.account_id}}, note).status();
}

}  // namespace tianshan::volunteering
