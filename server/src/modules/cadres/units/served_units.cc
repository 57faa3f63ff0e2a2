// The cadre's side of "4+1": register with a unit, end a registration, log a service, list.
#include <algorithm>

#include "core/json.h"
#include "modules/cadres/cadre_repository.h"
#include "modules/cadres/cadre_support.h"
#include "modules/cadres/figures.h"
#include "modules/cadres/units/use_cases.h"

namespace tianshan::cadres {
namespace {

constexpr int kLatestServices = 5;

std::string UnitAuditJson(const ServedUnit& u) {
  JsonOut out;
  out.StartObject().Field("unit_id", u.unit_id).Field("status", u.status).EndObject();
  return out.Take();
}

Result<ServedUnitView> ViewUnit(storage::Transaction& tx, const AppContext& ctx, const ServedUnit& u,
                                const ServiceSummary& year) {
  ServedUnitView v;
  v.unit = u;
  v.year = year;
  if (ctx.organizations != nullptr) {
    TS_ASSIGN_OR_RETURN(auto org, ctx.organizations->Find(tx, u.unit_id));
    if (org) v.unit_name = org->name;
  }
  TS_ASSIGN_OR_RETURN(v.services, SelectServicesOfServedUnit(tx, u.id, kLatestServices));
  v.can_log = v.can_end = u.status == "active";
  return v;
}

// The caller's registration `id`: 404 when it is not theirs.
Result<std::pair<Cadre, ServedUnit>> LoadOwnUnit(storage::Transaction& tx, const AppContext& ctx,
                                                 const auth::Actor& actor, int64_t id) {
  TS_ASSIGN_OR_RETURN(CallerCadre me, FindCallerCadre(tx, ctx, actor, false, false));
  TS_ASSIGN_OR_RETURN(auto unit, FindServedUnit(tx, id));
  if (!unit || me.cadre.id == 0 || unit->cadre_id != me.cadre.id) return Status::NotFound("cadres.unit_not_found");
  return std::make_pair(me.cadre, *unit);
}

}  // namespace

Result<std::vector<ServedUnitView>> ListMyServedUnits(const AppContext& ctx, const auth::Actor& actor) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<std::vector<ServedUnitView>> {
    TS_ASSIGN_OR_RETURN(CallerCadre me, FindCallerCadre(tx, ctx, actor, false, false));
    std::vector<ServedUnitView> out;
    if (me.cadre.id == 0) return out;
    TS_ASSIGN_OR_RETURN(Period p, LoadPeriod(tx, Today(ctx), false));
    TS_ASSIGN_OR_RETURN(auto units, SelectServedUnitsOfCadre(tx, me.cadre.id));
    TS_ASSIGN_OR_RETURN(auto summaries, SummariesOfCadre(tx, me.cadre.id, p.year_start, p.year_end));
    std::stable_partition(units.begin(), units.end(), [](const ServedUnit& u) { return u.status == "active"; });
    for (const auto& u : units) {
      TS_ASSIGN_OR_RETURN(auto v, ViewUnit(tx, ctx, u, summaries[u.id]));
      out.push_back(std::move(v));
    }
    return out;
  });
}

Result<ServedUnitView> RegisterServedUnit(const AppContext& ctx, const auth::Caller& caller, int64_t unit_id) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<ServedUnitView> {
    const int64_t now = ctx.clock.NowMillis();
    if (ctx.organizations == nullptr) return Status::NotFound("organization.not_found");
    TS_ASSIGN_OR_RETURN(auto org, ctx.organizations->Find(tx, unit_id));
    if (!org) return Status::Invalid("unit_id", "cadres.unit_not_found");
    TS_ASSIGN_OR_RETURN(CallerCadre me, FindCallerCadre(tx, ctx, caller.actor, true, true));
    TS_ASSIGN_OR_RETURN(Cadre cadre, LockCadre(tx, me.cadre.id, now));
    TS_ASSIGN_OR_RETURN(auto existing, FindActiveServedUnit(tx, cadre.id, unit_id));
    if (existing) return Status::Conflict("cadres.unit_registered").WithField("unit_id", "cadres.unit_registered", "");
    ServedUnit u{0, cadre.id, cadre.org_path, unit_id, org->path, "active", now, std::nullopt};
    TS_ASSIGN_OR_RETURN(u.id, InsertServedUnit(tx, u));
    FigureDelta d;
    d.served_units = 1;
    TS_RETURN_IF_ERROR(ApplyFigures(tx, cadre, d));
    TS_RETURN_IF_ERROR(ctx.audit.Record(
        tx, caller, {"cadres.unit.register", "cadres_served_unit", u.id, cadre.org_path, "", UnitAuditJson(u)}));
    return ViewUnit(tx, ctx, u, {});
  });
}

Result<ServedUnitView> EndServedUnitRegistration(const AppContext& ctx, const auth::Caller& caller, int64_t id) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<ServedUnitView> {
    const int64_t now = ctx.clock.NowMillis();
    TS_ASSIGN_OR_RETURN(auto own, LoadOwnUnit(tx, ctx, caller.actor, id));
    auto [cadre, u] = own;
    if (u.status != "active") return Status::Conflict("cadres.unit_ended");
    TS_ASSIGN_OR_RETURN(cadre, LockCadre(tx, cadre.id, now));
    const std::string before = UnitAuditJson(u);
    TS_RETURN_IF_ERROR(EndServedUnit(tx, u.id, now));
    u.status = "ended";
    u.ended_at = now;
    FigureDelta d;
    d.served_units = -1;
    TS_RETURN_IF_ERROR(ApplyFigures(tx, cadre, d));
    TS_RETURN_IF_ERROR(ctx.audit.Record(
        tx, caller, {"cadres.unit.end", "cadres_served_unit", u.id, cadre.org_path, before, UnitAuditJson(u)}));
    TS_ASSIGN_OR_RETURN(Period p, LoadPeriod(tx, Today(ctx), true));
    TS_ASSIGN_OR_RETURN(auto summaries, SummariesOfCadre(tx, cadre.id, p.year_start, p.year_end));
    return ViewUnit(tx, ctx, u, summaries[u.id]);
  });
}

Result<UnitService> LogUnitService(const AppContext& ctx, const auth::Caller& caller, const LogServiceInput& input) {
  if (input.served_on > Today(ctx)) return Status::Invalid("served_on", "cadres.date_in_future");
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<UnitService> {
    TS_ASSIGN_OR_RETURN(CallerCadre me, FindCallerCadre(tx, ctx, caller.actor, false, true));
    std::optional<ServedUnit> unit;
    if (me.cadre.id != 0) {
      TS_ASSIGN_OR_RETURN(unit, FindActiveServedUnit(tx, me.cadre.id, input.unit_id));
    }
    if (!unit) return Status::Invalid("unit_id", "cadres.unit_not_registered");
    UnitService s;
    s.served_unit_id = unit->id;
    s.cadre_id = unit->cadre_id;
    s.unit_path = unit->unit_path;
    s.served_on = input.served_on;
    s.minutes = input.minutes;
    s.what = input.what;
    s.status = "pending";
    s.created_at = ctx.clock.NowMillis();
    TS_ASSIGN_OR_RETURN(s.id, InsertUnitService(tx, s));
    // Counts only; recorded at the unit, whose secretary decides on it.
    JsonOut after;
    after.StartObject().Field("unit_id", unit->unit_id).Field("served_on", s.served_on);
    after.Field("minutes", static_cast<int64_t>(s.minutes)).Field("status", s.status).EndObject();
    TS_RETURN_IF_ERROR(ctx.audit.Record(
        tx, caller, {"cadres.service.log", "cadres_service", s.id, unit->unit_path, "", after.Take()}));
    return s;
  });
}

}  // namespace tianshan::cadres
