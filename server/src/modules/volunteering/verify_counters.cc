#include "modules/volunteering/verify_counters.h"

#include <array>
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
    std::vector<std::string> out;
    const std::array<std::pair<std::string_view, const char*>, 3> sources = {{
        {counter::kHoursMinutes,
         "SELECT organization_id, SUM(minutes) AS value FROM volunteering_ledger GROUP BY organization_id"},
        {counter::kVolunteers,
         "SELECT organization_id, COUNT(*) AS value FROM volunteering_org_person_totals WHERE minutes > 0 "
         "GROUP BY organization_id"},
        {counter::kProjects,
         "SELECT organization_id, COUNT(*) AS value FROM volunteering_projects WHERE status <> 'archived' "
         "GROUP BY organization_id"},
    }};
    std::map<std::pair<int64_t, std::string_view>, int64_t> expected;
    std::set<int64_t> orgs;
    for (const auto& [key, sql] : sources) {
      TS_ASSIGN_OR_RETURN(auto rows, tx.Query(sql));
      for (const auto& r : rows) expected[{r.Int("organization_id"), key}] = r.Int("value");
    }
    for (const char* sql : {"SELECT DISTINCT organization_id FROM volunteering_ledger",
                            "SELECT DISTINCT organization_id FROM volunteering_projects",
                            "SELECT DISTINCT organization_id FROM volunteering_org_person_totals"}) {
      TS_ASSIGN_OR_RETURN(auto rows, tx.Query(sql));
      for (const auto& r : rows) orgs.insert(r.Int(0));
    }
    for (int64_t org : orgs) {
      TS_ASSIGN_OR_RETURN(auto stored, organizations::ReadCounters(tx, org));
      for (const auto& [key, sql] : sources) {
        auto e = expected.find({org, key});
        int64_t want = e == expected.end() ? 0 : e->second;
        auto s = stored.find(key);
        int64_t have = s == stored.end() ? 0 : s->second.self;
        if (have != want) {
          out.push_back("volunteering: organization " + std::to_string(org) + " " + std::string(key) + ": self is " +
                        std::to_string(have) + ", expected " + std::to_string(want));
        }
      }
    }
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
