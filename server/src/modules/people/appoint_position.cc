#include "modules/people/appoint_position.h"

#include "core/json.h"
#include "modules/organizations/public/counters.h"
#include "modules/people/person_repository.h"

namespace tianshan::people {
namespace {

std::string PositionAuditJson(const Position& p) {
  JsonOut out;
  out.StartObject()
      .Field("person_id", p.person_id)
      .Field("organization_id", p.organization_id)
      .Field("title", p.title)
      .Field("employment", p.employment)
      .Field("started_on", p.started_on)
      .Field("ended_on", p.ended_on)
      .EndObject();
  return out.Take();
}

}  // namespace

Result<int64_t> InsertPositionUnchecked(storage::Transaction& tx, const AppContext& ctx, int64_t person_id,
                                        const AppointPositionInput& in, const std::string& path, bool adjust_counters) {
  Position p{0, person_id, in.organization_id, path, in.title, in.employment, in.started_on, std::nullopt};
  TS_ASSIGN_OR_RETURN(int64_t id, InsertPosition(tx, p, ctx.clock.NowMillis()));
  if (adjust_counters) {
    TS_RETURN_IF_ERROR(organizations::AdjustCounter(tx, in.organization_id, organizations::counter::kCadres, 1));
  }
  return id;
}

Result<Position> AppointPosition(const AppContext& ctx, const Caller& caller, int64_t person_id,
                                 const AppointPositionInput& in) {
  std::vector<FieldError> errors;
  if (!IsValidDate(in.started_on)) {
    errors.push_back({"started_on", "people.bad_date", {}});
  } else if (in.started_on > TodayInChina(ctx.clock.NowMillis())) {
    errors.push_back({"started_on", "people.date_in_future", {}});
  }
  if (!errors.empty()) return Status::Invalid(std::move(errors));
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<Position> {
    TS_ASSIGN_OR_RETURN(VisiblePerson vp, LoadVisiblePerson(tx, ctx, caller.actor, person_id, true));
    TS_ASSIGN_OR_RETURN(auto org, LoadTargetOrganization(tx, caller.actor, in.organization_id, "organization_id"));
    if (!CanManagePositions(caller.actor, org.path)) return Status::Forbidden();
    TS_ASSIGN_OR_RETURN(bool open, HasOpenPosition(tx, person_id, org.id));
    if (open) return Status::Conflict("people.position_open").WithField("organization_id", "people.position_open");
    TS_ASSIGN_OR_RETURN(int64_t id, InsertPositionUnchecked(tx, ctx, person_id, in, org.path, true));
    TS_ASSIGN_OR_RETURN(auto created, FindPosition(tx, id));
    TS_RETURN_IF_ERROR(
        Audit(tx, ctx, caller, "position.appoint", "position", id, org.path, "", PositionAuditJson(*created)));
    return std::move(*created);
  });
}

}  // namespace tianshan::people
