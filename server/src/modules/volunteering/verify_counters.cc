#include "modules/volunteering/verify_counters.h"

#include <map>
#include <set>

#include "modules/organizations/public/counters.h"
#include "modules/volunteering/use_case_support.h"

namespace tianshan::volunteering {
namespace {

// Rows of (key..., value) from two queries that must agree; one line per difference.
Status CompareSets(storage::Transaction& tx, const char* what, const char* expected_sql, const char* actual_sql,
                   std::vector<std::string>& out) {
  std::map<std::string, int64_t> expected, actual;
  for (auto [sql, into] : {std::pair{expected_sql, &expected}, std::pair{actual_sql, &actual}}) {
    TS_ASSIGN_OR_RETURN(auto rows, tx.Query(sql));
    for (const auto& r : rows) {
      std::string key;
      for (size_t i = 0; i + 1 < r.size(); ++i) key += (i ? "/" : "") + r.Text(i);
      int64_t v = r.Int(r.size() - 1);
      if (v != 0) (*into)[key] = v;
    }
  }
  std::set<std::string> keys;
  for (const auto& [k, v] : expected) keys.insert(k);
  for (const auto& [k, v] : actual) keys.insert(k);
  for (const auto& k : keys) {
    int64_t want = expected.count(k) ? expected[k] : 0;
    int64_t have = actual.count(k) ? actual[k] : 0;
    if (want != have) {
      out.push_back(std::string("volunteering: ") + what + " " + k + " is " + std::to_string(have) + ", expected " +
                    std::to_string(want));
    }
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<std::string>> VerifyCounters(const AppContext& ctx) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<std::vector<std::string>> {
    // The organization counters: recounted self values against the stored ones.
    organizations::SelfCounts counts;
    TS_RETURN_IF_ERROR(organizations::AddSelfCounts(
        tx, counter::kHoursMinutes,
        "SELECT organization_id, SUM(minutes) AS value FROM volunteering_ledger GROUP BY organization_id", counts));
    TS_RETURN_IF_ERROR(organizations::AddSelfCounts(tx, counter::kVolunteers,
                                                    "SELECT organization_id, COUNT(*) AS value FROM "
                                                    "volunteering_org_person_totals WHERE minutes > 0 GROUP BY "
                                                    "organization_id",
                                                    counts));
    TS_RETURN_IF_ERROR(organizations::AddSelfCounts(tx, counter::kProjects,
                                                    "SELECT organization_id, COUNT(*) AS value FROM "
                                                    "volunteering_projects WHERE status <> 'archived' GROUP BY "
                                                    "organization_id",
                                                    counts));
    for (const char* sql : {"SELECT DISTINCT organization_id FROM volunteering_ledger",
                            "SELECT DISTINCT organization_id FROM volunteering_projects",
                            "SELECT DISTINCT organization_id FROM volunteering_org_person_totals"}) {
      TS_RETURN_IF_ERROR(organizations::AddCountedOrganizations(tx, sql, counts));
    }
    TS_ASSIGN_OR_RETURN(
        std::vector<std::string> out,
        organizations::CompareSelfCounters(tx, "volunteering",
                                           {counter::kHoursMinutes, counter::kVolunteers, counter::kProjects}, counts));
    TS_RETURN_IF_ERROR(
        CompareSets(tx, "shift confirmed",
                    "SELECT shift_id, COUNT(*) FROM volunteering_signups WHERE status = 'confirmed' GROUP BY shift_id",
                    "SELECT id, confirmed FROM volunteering_shifts", out));
    TS_RETURN_IF_ERROR(
        CompareSets(tx, "shift waitlisted",
                    "SELECT shift_id, COUNT(*) FROM volunteering_signups WHERE status = 'waitlisted' GROUP BY shift_id",
                    "SELECT id, waitlisted FROM volunteering_shifts", out));
    TS_ASSIGN_OR_RETURN(auto oversold, tx.Query("SELECT id FROM volunteering_shifts WHERE confirmed > capacity"));
    for (const auto& r : oversold)
      out.push_back("volunteering: shift " + r.Text(0) + " has more confirmed than capacity");
    TS_RETURN_IF_ERROR(CompareSets(tx, "volunteer total",
                                   "SELECT person_id, SUM(minutes) FROM volunteering_ledger GROUP BY person_id",
                                   "SELECT person_id, total_minutes FROM volunteering_volunteers", out));
    TS_RETURN_IF_ERROR(CompareSets(
        tx, "organization/person total",
        "SELECT organization_id, person_id, SUM(minutes) FROM volunteering_ledger GROUP BY organization_id, person_id",
        "SELECT organization_id, person_id, minutes FROM volunteering_org_person_totals", out));
    TS_RETURN_IF_ERROR(CompareSets(tx, "person month",
                                   "SELECT organization_id, person_id, month, SUM(minutes) FROM volunteering_ledger "
                                   "GROUP BY organization_id, person_id, month",
                                   "SELECT organization_id, person_id, month, minutes FROM volunteering_person_months",
                                   out));
    TS_RETURN_IF_ERROR(CompareSets(tx, "team month",
                                   "SELECT team_id, month, SUM(minutes) FROM volunteering_ledger WHERE team_id IS NOT "
                                   "NULL GROUP BY team_id, month",
                                   "SELECT team_id, month, minutes FROM volunteering_team_months", out));
    return out;
  });
}

}  // namespace tianshan::volunteering
