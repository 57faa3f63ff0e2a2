#include "modules/cadres/work_items.h"

#include "modules/people/public/facts.h"

namespace tianshan::cadres {

std::vector<WorkItemDefinition> WorkItems() {
  return {
      {"cadres.contact_requests", "待回应的联系请求", "Contact requests to answer", "/app/cadres", "cadres.work",
       [](storage::Transaction& tx, const auth::Actor& actor, int64_t) -> Result<std::optional<int64_t>> {
         // The caller's work as a cadre: an open cadre position, or a place in the register
         // (cadre_support.h FindCallerCadre, which the workspace's routes use).
         if (!actor.person_id) return std::optional<int64_t>();
         TS_ASSIGN_OR_RETURN(auto positions, people::OpenPositionsOf(tx, *actor.person_id));
         TS_ASSIGN_OR_RETURN(auto registered,
                             tx.Query("SELECT id FROM cadres_cadres WHERE person_id = ?", {*actor.person_id}));
         if (positions.empty() && registered.empty()) return std::optional<int64_t>();
         TS_ASSIGN_OR_RETURN(auto rows,
                             tx.Query("SELECT COUNT(*) AS n FROM cadres_contacts c JOIN cadres_cadres d "
                                      "ON d.id = c.cadre_id WHERE d.person_id = ? AND c.status = 'requested'",
                                      {*actor.person_id}));
         return std::optional<int64_t>(rows.empty() ? 0 : rows[0].Int("n"));
       }},
  };
}

}  // namespace tianshan::cadres
