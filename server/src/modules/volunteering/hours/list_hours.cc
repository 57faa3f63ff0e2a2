#include "modules/volunteering/hours/list_hours.h"

#include "modules/volunteering/hours/hours_repository.h"
#include "modules/volunteering/permissions.h"
#include "modules/volunteering/signups/signup_repository.h"
#include "modules/volunteering/teams/team_repository.h"

namespace tianshan::volunteering {

Result<MyHours> ListMyHours(const AppContext& ctx, const auth::Actor& actor, int64_t before_id, int limit) {
  if (!actor.person_id) return Status::Forbidden("volunteer.needs_person");
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<MyHours> {
    MyHours h;
    TS_ASSIGN_OR_RETURN(h.total_minutes, VolunteerTotal(tx, *actor.person_id));
    TS_ASSIGN_OR_RETURN(h.entries, ListPersonLedger(tx, *actor.person_id, before_id, limit + 1));
    if (static_cast<int>(h.entries.size()) > limit) {
      h.entries.pop_back();
      h.next_cursor = h.entries.back().id;
    }
    if (before_id == 0) {
      TS_ASSIGN_OR_RETURN(h.reports, ListPersonReports(tx, *actor.person_id, 20));
    }
    return h;
  });
}

Result<LedgerPage> ListLedger(const AppContext& ctx, const auth::Actor& actor, int64_t organization_id,
                              int64_t before_id, int limit) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<LedgerPage> {
    TS_ASSIGN_OR_RETURN(auto org, FindOrganization(tx, ctx, organization_id));
    if (!CanApproveHours(actor, org.path, false)) return Status::NotFound("volunteer.organization_unknown");
    LedgerPage page;
    TS_ASSIGN_OR_RETURN(page.items, ListSubtreeLedger(tx, org.path, before_id, limit + 1));
    if (static_cast<int>(page.items.size()) > limit) {
      page.items.pop_back();
      page.next_cursor = page.items.back().id;
    }
    return page;
  });
}

Result<ReportPage> ListHourReports(const AppContext& ctx, const auth::Actor& actor, int64_t team_id,
                                   const std::optional<std::string>& status, int64_t after_id, int limit) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<ReportPage> {
    TS_ASSIGN_OR_RETURN(auto team, FindTeam(tx, team_id));
    if (!team) return Status::NotFound("volunteer.team_not_found");
    TS_ASSIGN_OR_RETURN(auto org, FindOrganization(tx, ctx, team->organization_id));
    TS_ASSIGN_OR_RETURN(bool leader, ActorInTeam(tx, actor, team_id, true));
    if (!CanApproveHours(actor, org.path, leader)) return Status::Forbidden("volunteer.needs_manager");
    ReportPage page;
    TS_ASSIGN_OR_RETURN(page.items, ListTeamReports(tx, team_id, status, after_id, limit + 1));
    if (static_cast<int>(page.items.size()) > limit) {
      page.items.pop_back();
      page.next_cursor = page.items.back().id;
    }
    return page;
  });
}

}  // namespace tianshan::volunteering
