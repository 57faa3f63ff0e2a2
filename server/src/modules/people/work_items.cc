#include "modules/people/work_items.h"

namespace tianshan::people {
namespace {

using auth::Role;

// A transfer waits for the receiving side once the sending side released it, for the sending
// side before (permissions.h).
WorkItemDefinition TransferItem(std::string key, std::string zh, std::string en, std::string direction, bool incoming) {
  return {std::move(key),
          std::move(zh),
          std::move(en),
          "/app/organizations/{id}/transfers?direction=" + direction,
          "people.transfers",
          [incoming](storage::Transaction& tx, const auth::Actor& actor, int64_t) -> Result<std::optional<int64_t>> {
            SubtreeFilter scope(incoming ? "to_path" : "from_path",
                                GrantPaths(actor, {Role::kCommitteeAdmin, Role::kBranchSecretary}));
            return CountWithin(tx, scope,
                               std::string("people_transfers WHERE status = 'pending' AND released_at IS ") +
                                   (incoming ? "NOT NULL" : "NULL"),
                               {});
          }};
}

}  // namespace

std::vector<WorkItemDefinition> WorkItems() {
  return {
      TransferItem("people.transfers_in", "待接收的转入", "Transfers in to accept", "incoming", true),
      TransferItem("people.transfers_out", "待同意的转出", "Transfers out to release", "outgoing", false),
      {"people.corrections", "待审核的信息更正", "Corrections to decide", "/app/organizations/{id}/corrections",
       "people.corrections",
       [](storage::Transaction& tx, const auth::Actor& actor, int64_t) -> Result<std::optional<int64_t>> {
         // Decided strictly above the person's organization, never by the one who asked.
         SubtreeFilter scope("org_path", GrantPaths(actor, {Role::kCommitteeAdmin}), true);
         return CountWithin(tx, scope, "people_corrections WHERE status = 'pending' AND requested_by <> ?",
                            {actor.account_id});
       }},
  };
}

}  // namespace tianshan::people
