#include "modules/people/verify_counters.h"

#include "modules/organizations/public/counters.h"

namespace tianshan::people {

Result<std::vector<std::string>> VerifyCounters(const AppContext& ctx) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<std::vector<std::string>> {
    namespace c = organizations::counter;
    organizations::SelfCounts counts;
    TS_RETURN_IF_ERROR(organizations::AddSelfCounts(tx, c::kMembers,
                                                    "SELECT organization_id, COUNT(*) AS value FROM people_memberships "
                                                    "WHERE status = 'active' GROUP BY organization_id",
                                                    counts));
    TS_RETURN_IF_ERROR(organizations::AddSelfCounts(tx, c::kYouth,
                                                    "SELECT organization_id, COUNT(*) AS value FROM people_persons "
                                                    "WHERE is_member = 0 GROUP BY organization_id",
                                                    counts));
    TS_RETURN_IF_ERROR(organizations::AddSelfCounts(tx, c::kCadres,
                                                    "SELECT organization_id, COUNT(*) AS value FROM people_positions "
                                                    "WHERE ended_on IS NULL GROUP BY organization_id",
                                                    counts));
    // Organizations any people row ever referred to: a count whose rows are all gone is 0 there.
    for (const char* sql : {
             "SELECT DISTINCT organization_id FROM people_persons",
             "SELECT DISTINCT organization_id FROM people_memberships",
             "SELECT DISTINCT organization_id FROM people_positions",
             "SELECT DISTINCT from_organization_id AS organization_id FROM people_transfers",
             "SELECT DISTINCT branch_id AS organization_id FROM people_transfers WHERE branch_id IS NOT NULL",
         }) {
      TS_RETURN_IF_ERROR(organizations::AddCountedOrganizations(tx, sql, counts));
    }
    TS_ASSIGN_OR_RETURN(auto out,
                        organizations::CompareSelfCounters(tx, "people", {c::kMembers, c::kYouth, c::kCadres}, counts));
    TS_ASSIGN_OR_RETURN(auto mismatched,
                        tx.Query("SELECT p.id FROM people_persons p LEFT JOIN people_memberships m "
                                 "ON m.person_id = p.id AND m.status = 'active' "
                                 "WHERE (m.id IS NULL AND p.is_member <> 0) OR (m.id IS NOT NULL AND "
                                 "(p.is_member = 0 OR m.organization_id <> p.organization_id)) ORDER BY p.id"));
    for (const auto& r : mismatched) {
      out.push_back("people: person " + std::to_string(r.Int("id")) +
                    " is_member/organization disagree with membership");
    }
    return out;
  });
}

}  // namespace tianshan::people
