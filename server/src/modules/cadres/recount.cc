#include "modules/cadres/recount.h"

#include <algorithm>
#include <functional>
#include <map>

#include "core/calendar.h"
#include "modules/cadres/cadre_repository.h"
#include "modules/cadres/cadre_support.h"
#include "modules/cadres/postings/posting_repository.h"
#include "modules/cadres/public/counters.h"
#include "modules/notifications/public/notify.h"
#include "modules/organizations/public/counters.h"

namespace tianshan::cadres {
namespace {

// Per cadre, what the rows say for `period`: every figure the register row keeps.
constexpr const char* kRecountSql =
    "SELECT c.id, c.organization_id, c.active_contacts, c.fields_covered, c.activity_due, c.talk_due, c.help_open, "
    "c.help_overdue, c.contact_target, c.posting_days, c.service_minutes, "
    "(SELECT COUNT(*) FROM cadres_contacts k WHERE k.cadre_id = c.id AND k.status = 'active') AS n_contacts, "
    "(SELECT COUNT(DISTINCT field) FROM cadres_contacts k WHERE k.cadre_id = c.id AND k.status = 'active') AS "
    "n_fields, "
    "(SELECT COUNT(*) FROM cadres_contacts k WHERE k.cadre_id = c.id AND k.status = 'active' AND "
    "(k.last_activity_on IS NULL OR k.last_activity_on < ?)) AS n_activity_due, "
    "(SELECT COUNT(*) FROM cadres_contacts k WHERE k.cadre_id = c.id AND k.status = 'active' AND "
    "(k.last_talk_on IS NULL OR k.last_talk_on < ?)) AS n_talk_due, "
    "(SELECT COUNT(*) FROM cadres_help_requests h WHERE h.cadre_id = c.id AND h.status IN ('open', "
    "'in_progress')) AS n_help_open, "
    "(SELECT COUNT(*) FROM cadres_help_requests h WHERE h.cadre_id = c.id AND h.status IN ('open', "
    "'in_progress') AND h.created_on <= ?) AS n_help_overdue, "
    "(SELECT COUNT(*) FROM cadres_served_units u WHERE u.cadre_id = c.id AND u.status = 'active') AS n_served_units, "
    "(SELECT COALESCE(SUM(s.minutes), 0) FROM cadres_services s WHERE s.cadre_id = c.id AND s.status = 'confirmed' "
    "AND s.served_on >= ? AND s.served_on <= ?) AS n_service_minutes "
    "FROM cadres_cadres c ORDER BY c.id";

Result<storage::Rows> RecountRows(storage::Transaction& tx, const Period& p) {
  return tx.Query(kRecountSql, {p.quarter_start, p.year_start, p.help_cutoff, p.year_start, p.year_end});
}

std::string Today(const AppContext& ctx, const JobRun& run) {
  // The day the run was due (China time), so a late retry still counts for its own day.
  return TodayInChina(run.due_at > 0 ? run.due_at : ctx.clock.NowMillis());
}

// Reminder jobs notify in transactions of this many recipients, so that a national network's
// cadres (185,000 at national scale) never hold the one SQLite writer, or a PostgreSQL
// transaction, for minutes. A run that fails midway is retried whole; the notifications' digest
// keys keep the recipients of chunks already committed from being notified twice.
constexpr size_t kRecipientsPerTransaction = 500;

Status NotifyInChunks(const AppContext& ctx, size_t count,
                      const std::function<Status(storage::Transaction&, size_t)>& notify_one) {
  for (size_t start = 0; start < count; start += kRecipientsPerTransaction) {
    const size_t end = std::min(count, start + kRecipientsPerTransaction);
    TS_RETURN_IF_ERROR(ctx.db.Write([&](storage::Transaction& tx) -> Status {
      for (size_t i = start; i < end; ++i) TS_RETURN_IF_ERROR(notify_one(tx, i));
      return Status::Ok();
    }));
  }
  return Status::Ok();
}

}  // namespace

Status RecountFigures(const AppContext& ctx, const JobRun& run) {
  const std::string today = Today(ctx, run);
  return ctx.db.Write([&](storage::Transaction& tx) -> Status {
    TS_ASSIGN_OR_RETURN(Period stored, LoadPeriod(tx, today, false));
    // A retry of yesterday's run never moves the day back.
    const std::string as_of = std::max(stored.as_of, today);
    TS_RETURN_IF_ERROR(SavePeriod(tx, as_of, ctx.clock.NowMillis()));
    const Period p = PeriodOf(as_of);
    TS_ASSIGN_OR_RETURN(auto rows, RecountRows(tx, p));
    TS_ASSIGN_OR_RETURN(auto postings, AllPostingFigures(tx, p));
    std::map<int64_t, int64_t> activity, talk, help;
    std::map<int64_t, int64_t> posting_counts, posted, posting_days, unreported, service_minutes;
    for (const auto& r : rows) {
      const int64_t org = r.Int("organization_id");
      const PostingFigures f = postings[r.Int("id")];
      posting_counts[org] += f.postings;
      posted[org] += f.posted;
      posting_days[org] += f.days;
      unreported[org] += f.unreported;
      if (r.Int("posting_days") != f.days) {
        TS_RETURN_IF_ERROR(tx.Execute("UPDATE cadres_cadres SET posting_days = ? WHERE id = ?", {f.days, r.Int("id")}));
      }
      service_minutes[org] += r.Int("n_service_minutes");
      if (r.Int("service_minutes") != r.Int("n_service_minutes")) {
        TS_RETURN_IF_ERROR(tx.Execute("UPDATE cadres_cadres SET service_minutes = ? WHERE id = ?",
                                      {r.Int("n_service_minutes"), r.Int("id")}));
      }
      activity[org] += r.Int("n_activity_due");
      talk[org] += r.Int("n_talk_due");
      help[org] += r.Int("n_help_overdue");
      if (r.Int("activity_due") != r.Int("n_activity_due") || r.Int("talk_due") != r.Int("n_talk_due") ||
          r.Int("help_overdue") != r.Int("n_help_overdue")) {
        TS_RETURN_IF_ERROR(
            tx.Execute("UPDATE cadres_cadres SET activity_due = ?, talk_due = ?, help_overdue = ? "
                       "WHERE id = ?",
                       {r.Int("n_activity_due"), r.Int("n_talk_due"), r.Int("n_help_overdue"), r.Int("id")}));
      }
    }
    TS_RETURN_IF_ERROR(organizations::SetSelfCounters(tx, counter::kActivityDue, activity));
    TS_RETURN_IF_ERROR(organizations::SetSelfCounters(tx, counter::kTalkDue, talk));
    TS_RETURN_IF_ERROR(organizations::SetSelfCounters(tx, counter::kPostings, posting_counts));
    TS_RETURN_IF_ERROR(organizations::SetSelfCounters(tx, counter::kPosted, posted));
    TS_RETURN_IF_ERROR(organizations::SetSelfCounters(tx, counter::kPostingDays, posting_days));
    TS_RETURN_IF_ERROR(organizations::SetSelfCounters(tx, counter::kUnreported, unreported));
    TS_RETURN_IF_ERROR(organizations::SetSelfCounters(tx, counter::kServiceMinutes, service_minutes));
    return organizations::SetSelfCounters(tx, counter::kHelpOverdue, help);
  });
}

Status RemindCadres(const AppContext& ctx, const JobRun& run) {
  const std::string today = Today(ctx, run);
  TS_ASSIGN_OR_RETURN(auto rows, ctx.db.Read([&](storage::Transaction& tx) {
    return tx.Query(
        "SELECT person_id, activity_due, talk_due, help_overdue FROM cadres_cadres WHERE activity_due > 0 OR "
        "talk_due > 0 OR help_overdue > 0 ORDER BY id");
  }));
  return NotifyInChunks(ctx, rows.size(), [&](storage::Transaction& tx, size_t i) {
    const auto& r = rows[i];
    notifications::Notification n{"cadres.reminders",
                                  "cadres.notice.reminder_title",
                                  "cadres.notice.reminder_body",
                                  {{"activity", std::to_string(r.Int("activity_due"))},
                                   {"talk", std::to_string(r.Int("talk_due"))},
                                   {"help", std::to_string(r.Int("help_overdue"))}},
                                  "/app/cadres",
                                  "cadres.reminders@" + today};
    return notifications::Notify(tx, ctx, {.people = {r.Int("person_id")}}, n).status();
  });
}

Status RemindUnreportedPostings(const AppContext& ctx, const JobRun& run) {
  const std::string today = Today(ctx, run);
  TS_ASSIGN_OR_RETURN(auto due,
                      ctx.db.Read([&](storage::Transaction& tx) { return SelectUnreportedByCadre(tx, today); }));
  return NotifyInChunks(ctx, due.size(), [&](storage::Transaction& tx, size_t i) {
    notifications::Notification n{"cadres.posting_reminders",
                                  "cadres.notice.unreported_title",
                                  "cadres.notice.unreported_body",
                                  {{"count", std::to_string(due[i].postings)}},
                                  "/app/my-postings",
                                  "cadres.posting_reminders@" + today};
    return notifications::Notify(tx, ctx, {.people = {due[i].person_id}}, n).status();
  });
}

Result<std::vector<std::string>> VerifyCounters(const AppContext& ctx) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<std::vector<std::string>> {
    TS_ASSIGN_OR_RETURN(Period p, LoadPeriod(tx, cadres::Today(ctx), false));
    TS_ASSIGN_OR_RETURN(auto rows, RecountRows(tx, p));
    TS_ASSIGN_OR_RETURN(auto postings, AllPostingFigures(tx, p));
    std::vector<std::string> out;
    organizations::SelfCounts counts;
    const std::pair<const char*, const char*> figures[] = {
        {"active_contacts", "n_contacts"},
        {"fields_covered", "n_fields"},
        {"activity_due", "n_activity_due"},
        {"talk_due", "n_talk_due"},
        {"help_open", "n_help_open"},
        {"help_overdue", "n_help_overdue"},
        {"service_minutes", "n_service_minutes"},
    };
    for (const auto& r : rows) {
      auto& at = counts[r.Int("organization_id")];
      for (const auto& [stored, counted] : figures) {
        if (r.Int(stored) != r.Int(counted)) {
          out.push_back("cadres: cadre " + std::to_string(r.Int("id")) + " " + stored + ": stored " +
                        std::to_string(r.Int(stored)) + ", expected " + std::to_string(r.Int(counted)));
        }
      }
      at[std::string(counter::kCadres)] += 1;
      at[std::string(counter::kAtQuota)] += r.Int("n_contacts") >= r.Int("contact_target") ? 1 : 0;
      at[std::string(counter::kContacts)] += r.Int("n_contacts");
      at[std::string(counter::kFieldsCovered)] += r.Int("n_fields");
      at[std::string(counter::kActivityDue)] += r.Int("n_activity_due");
      at[std::string(counter::kTalkDue)] += r.Int("n_talk_due");
      at[std::string(counter::kHelpOpen)] += r.Int("n_help_open");
      at[std::string(counter::kHelpOverdue)] += r.Int("n_help_overdue");
      const PostingFigures f = postings[r.Int("id")];
      if (r.Int("posting_days") != f.days) {
        out.push_back("cadres: cadre " + std::to_string(r.Int("id")) + " posting_days: stored " +
                      std::to_string(r.Int("posting_days")) + ", expected " + std::to_string(f.days));
      }
      at[std::string(counter::kPostings)] += f.postings;
      at[std::string(counter::kPosted)] += f.posted;
      at[std::string(counter::kPostingDays)] += f.days;
      at[std::string(counter::kUnreported)] += f.unreported;
      at[std::string(counter::kServedUnits)] += r.Int("n_served_units");
      at[std::string(counter::kServiceMinutes)] += r.Int("n_service_minutes");
    }
    std::vector<std::string> keys = {
        std::string(counter::kCadres),        std::string(counter::kAtQuota),       std::string(counter::kContacts),
        std::string(counter::kFieldsCovered), std::string(counter::kActivityDue),   std::string(counter::kTalkDue),
        std::string(counter::kHelpOpen),      std::string(counter::kHelpOverdue),   std::string(counter::kPostings),
        std::string(counter::kPosted),        std::string(counter::kPostingDays),   std::string(counter::kUnreported),
        std::string(counter::kServedUnits),   std::string(counter::kServiceMinutes)};
    for (const auto& field : Fields()) keys.push_back(std::string(counter::kFieldPrefix) + field);
    for (const auto& field : Fields()) {
      TS_ASSIGN_OR_RETURN(auto by_org, tx.Query("SELECT organization_id, COUNT(*) AS value FROM cadres_contacts "
                                                "WHERE status = 'active' AND field = ? GROUP BY organization_id",
                                                {field}));
      for (const auto& r : by_org)
        counts[r.Int("organization_id")][std::string(counter::kFieldPrefix) + field] = r.Int("value");
    }
    std::vector<std::string_view> key_views(keys.begin(), keys.end());
    TS_ASSIGN_OR_RETURN(auto differences, organizations::CompareSelfCounters(tx, "cadres", key_views, counts));
    out.insert(out.end(), differences.begin(), differences.end());
    return out;
  });
}

}  // namespace tianshan::cadres
