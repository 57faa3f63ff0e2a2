#include "modules/people/end_position.h"

#include "modules/organizations/public/counters.h"
#include "modules/people/person_repository.h"

namespace tianshan::people {

Result<Position> EndPosition(const AppContext& ctx, const Caller& caller, int64_t position_id,
                             const std::optional<std::string>& ended_on) {
  const std::string today = TodayInChina(ctx.clock.NowMillis());
  const std::string end = ended_on.value_or(today);
  if (!IsValidDate(end)) return Status::Invalid("ended_on", "people.bad_date");
  if (end > today) return Status::Invalid("ended_on", "people.date_in_future");
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<Position> {
    TS_ASSIGN_OR_RETURN(auto pos, FindPosition(tx, position_id, true));
    if (!pos) return Status::NotFound("people.position_not_found");
    TS_ASSIGN_OR_RETURN(std::string path, CurrentPath(tx, ctx, pos->organization_id, pos->org_path));
    auto holder = LoadVisiblePerson(tx, ctx, caller.actor, pos->person_id);
    if (!holder.ok() && !CanReadOrganization(caller.actor, path)) return Status::NotFound("people.position_not_found");
    if (!CanManagePositions(caller.actor, path)) return Status::Forbidden();
    if (pos->ended_on) return Status::Conflict("people.position_already_ended");
    if (end < pos->started_on) return Status::Invalid("ended_on", "people.end_before_start");
    TS_RETURN_IF_ERROR(ClosePosition(tx, position_id, end, ctx.clock.NowMillis()));
    TS_RETURN_IF_ERROR(organizations::AdjustCounter(tx, pos->organization_id, organizations::counter::kCadres, -1));
    Position after = *pos;
    after.ended_on = end;
    TS_RETURN_IF_ERROR(Audit(tx, ctx, caller, "position.end", "position", position_id, path, "{\"ended_on\":null}",
                             "{\"ended_on\":\"" + end + "\"}"));
    return after;
  });
}

}  // namespace tianshan::people
