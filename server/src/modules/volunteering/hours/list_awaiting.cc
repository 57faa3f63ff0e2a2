#include "modules/volunteering/hours/list_awaiting.h"

#include "modules/volunteering/hours/hours_repository.h"
#include "modules/volunteering/permissions.h"
#include "modules/volunteering/teams/team_repository.h"

namespace tianshan::volunteering {

Result<AwaitingPage> ListShiftsAwaitingConfirmation(const AppContext& ctx, const auth::Actor& actor,
                                                    std::optional<int64_t> organization_id, int64_t before_shift_id,
                                                    int limit) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<AwaitingPage> {
    AwaitingScope scope;
    if (organization_id) {
      TS_ASSIGN_OR_RETURN(auto org, FindOrganization(tx, ctx, *organization_id));
      if (!CanReadFigures(actor, org.path)) return Status::NotFound("volunteer.organization_unknown");
      if (!CanApproveHours(actor, org.path, false)) return Status::Forbidden("volunteer.needs_manager");
      scope.paths.push_back(org.path);
    } else {
      for (const auth::Grant* g : actor.GrantsWith({auth::Role::kCommitteeAdmin, auth::Role::kBranchSecretary})) {
        if (!g->organization_path.empty()) scope.paths.push_back(g->organization_path);
      }
      if (actor.person_id) {
        TS_ASSIGN_OR_RETURN(scope.team_ids, ListLedTeamIds(tx, *actor.person_id));
      }
    }
    AwaitingPage page;
    page.now = ctx.clock.NowMillis();
    if (scope.paths.empty() && scope.team_ids.empty()) return page;
    TS_ASSIGN_OR_RETURN(page.items, ListAwaitingShifts(tx, scope, before_shift_id, limit + 1));
    if (static_cast<int>(page.items.size()) > limit) {
      page.items.pop_back();
      page.next_cursor = page.items.back().shift.id;
    }
    return page;
  });
}

}  // namespace tianshan::volunteering
