#include "modules/people/verify_counters.h"

#include <array>
#include <map>
#include <set>

#include "modules/organizations/public/counters.h"

namespace tianshan::people {

Result<std::vector<std::string>> VerifyCounters(const AppContext& ctx) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<std::vector<std::string>> {
    namespace c = organizations::counter;
    const std::array<std::pair<std::string_view, const char*>, 3> sources = {{
        {c::kMembers,
         "SELECT organization_id, COUNT(*) FROM people_memberships WHERE status = 'active' "
         "GROUP BY organization_id"},
        {c::kYouth,
         "SELECT organization_id, COUNT(*) FROM people_persons WHERE is_member = 0 GROUP BY organization_id"},
        {c::kCadres,
         "SELECT organization_id, COUNT(*) FROM people_positions WHERE ended_on IS NULL "
         "GROUP BY organization_id"},
    }};
    std::map<std::pair<int64_t, std::string_view>, int64_t> expected;
    std::set<int64_t> orgs;
    for (const auto& [key, sql] : sources) {
      TS_ASSIGN_OR_RETURN(auto rows, tx.Query(sql));
      for (const auto& r : rows) expected[{r.Int(0), key}] = r.Int(1);
    }
    const char* referenced[] = {
        "SELECT DISTINCT organization_id FROM people_persons",
        "SELECT DISTINCT organization_id FROM people_memberships",
        "SELECT DISTINCT organization_id FROM people_positions",
        "SELECT DISTINCT from_organization_id FROM people_transfers",
        "SELECT DISTINCT branch_id FROM people_transfers WHERE branch_id IS NOT NULL",
    };
    for (const char* sql : referenced) {
      TS_ASSIGN_OR_RETURN(auto rows, tx.Query(sql));
      for (const auto& r : rows) orgs.insert(r.Int(0));
    }
    std::vector<std::string> out;
    for (int64_t org : orgs) {
      TS_ASSIGN_OR_RETURN(auto stored, organizations::ReadCounters(tx, org));
      for (const auto& [key, sql] : sources) {
        auto e = expected.find({org, key});
        int64_t want = e == expected.end() ? 0 : e->second;
        auto s = stored.find(key);
        int64_t have = s == stored.end() ? 0 : s->second.self;
        if (have != want) {
          out.push_back("people: organization " + std::to_string(org) + " " + std::string(key) + ": self is " +
                        std::to_string(have) + ", expected " + std::to_string(want));
        }
      }
    }
    TS_ASSIGN_OR_RETURN(auto mismatched,
                        tx.Query("SELECT p.id FROM people_persons p LEFT JOIN people_memberships m "
                                 "ON m.person_id = p.id AND m.status = 'active' "
                                 "WHERE (m.id IS NULL AND p.is_member <> 0) OR (m.id IS NOT NULL AND "
                                 "(p.is_member = 0 OR m.organization_id <> p.organization_id)) ORDER BY p.id"));
    for (const auto& r : mismatched) {
      out.push_back("people: person " + std::to_string(r.Int(0)) + " is_member/organization disagree with membership");
    }
    return out;
  });
}

}  // namespace tianshan::people
