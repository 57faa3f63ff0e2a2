#include "modules/organizations/public/lookup.h"
#include "modules/venues/permissions.h"
#include "modules/venues/use_cases.h"
#include "modules/venues/venue_repository.h"
#include "modules/venues/venue_support.h"

namespace tianshan::venues {
namespace {

std::string AuditJson(const Venue& v) {
  JsonOut out;
  out.StartObject()
      .Field("organization_id", v.organization_id)
      .Field("name", v.f.name)
      .Field("kind", v.f.kind)
      .Field("address", v.f.address)
      .Field("requires_approval", v.f.requires_approval)
      .Key("opening_hours");
  WriteHours(out, v.f.hours);
  out.Key("exceptions");
  WriteExceptions(out, v.f.exceptions);
  out.EndObject();
  return out.Take();
}

Status Validate(const VenueFields& f) {
  std::vector<FieldError> errors;
  CollectVenueErrors(f, errors);
  if (!errors.empty()) return Status::Invalid(std::move(errors));
  return Status::Ok();
}

}  // namespace

Result<VenueView> CreateVenue(const AppContext& ctx, const auth::Caller& caller, int64_t organization_id,
                              const VenueFields& input) {
  TS_RETURN_IF_ERROR(Validate(input));
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<VenueView> {
    TS_ASSIGN_OR_RETURN(auto org, organizations::LoadReadable(tx, caller.actor, organization_id));
    if (!CanRead(caller.actor, org.path)) return Status::NotFound("organization.not_found");
    if (!CanManage(caller.actor, org.path)) return Status::Forbidden();
    if (!org.active()) return Status::Conflict("organization.archived");
    TS_ASSIGN_OR_RETURN(bool taken, VenueNameTaken(tx, org.id, input.name, 0));
    if (taken) return Status::Conflict("venues.name_taken");
    Venue v;
    v.organization_id = org.id;
    v.org_path = org.path;
    v.f = input;
    v.created_by = caller.actor.account_id;
    v.created_at = v.updated_at = ctx.clock.NowMillis();
    TS_ASSIGN_OR_RETURN(v.id, InsertVenue(tx, v));
    TS_RETURN_IF_ERROR(ctx.audit.Record(tx, caller, {"venue.create", "venue", v.id, v.org_path, "", AuditJson(v)}));
    return VenueView{std::move(v), {}, true};
  });
}

Result<VenueView> UpdateVenue(const AppContext& ctx, const auth::Caller& caller, int64_t id, const VenueFields& input) {
  TS_RETURN_IF_ERROR(Validate(input));
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<VenueView> {
    TS_ASSIGN_OR_RETURN(auto v, LoadReadableVenue(tx, caller.actor, id));
    if (!CanManage(caller.actor, v.org_path)) return Status::Forbidden();
    TS_ASSIGN_OR_RETURN(bool taken, VenueNameTaken(tx, v.organization_id, input.name, v.id));
    if (taken) return Status::Conflict("venues.name_taken");
    const std::string before = AuditJson(v);
    v.f = input;
    v.updated_at = ctx.clock.NowMillis();
    TS_RETURN_IF_ERROR(SaveVenue(tx, v));
    TS_RETURN_IF_ERROR(ctx.audit.Record(tx, caller, {"venue.update", "venue", v.id, v.org_path, before, AuditJson(v)}));
    TS_ASSIGN_OR_RETURN(auto rooms, SelectRooms(tx, v.id));
    TS_ASSIGN_OR_RETURN(auto photos, publishing::FilesOf(tx, kPhotoOwner, v.id));
    return VenueView{std::move(v), std::move(rooms), true, std::move(photos)};
  });
}

Result<Room> CreateRoom(const AppContext& ctx, const auth::Caller& caller, int64_t venue_id, const RoomInput& input) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<Room> {
    TS_ASSIGN_OR_RETURN(auto v, LoadReadableVenue(tx, caller.actor, venue_id));
    if (!CanManage(caller.actor, v.org_path)) return Status::Forbidden();
    TS_ASSIGN_OR_RETURN(bool taken, RoomNameTaken(tx, v.id, input.name, 0));
    if (taken) return Status::Conflict("venues.room_name_taken");
    Room r;
    r.venue_id = v.id;
    r.name = input.name;
    r.capacity = input.capacity;
    r.equipment = input.equipment;
    r.created_at = r.updated_at = ctx.clock.NowMillis();
    TS_ASSIGN_OR_RETURN(r.id, InsertRoom(tx, r));
    TS_RETURN_IF_ERROR(
        ctx.audit.Record(tx, caller, {"venue_room.create", "venue_room", r.id, v.org_path, "", RoomAuditJson(r)}));
    return r;
  });
}

}  // namespace tianshan::venues
