#include "modules/cadres/units/demo_units.h"

#include "modules/cadres/cadre_repository.h"
#include "modules/cadres/cadre_support.h"
#include "modules/cadres/figures.h"
#include "modules/cadres/units/unit_repository.h"
#include "modules/people/public/facts.h"

namespace tianshan::cadres {

Status LoadDemoUnits(storage::Transaction& tx, AppContext& ctx, DemoContext& demo) {
  auto street = demo.organization_ids.find("天山街道团工委");
  if (street == demo.organization_ids.end() || ctx.organizations == nullptr) return Status::Ok();
  TS_ASSIGN_OR_RETURN(auto positions, people::OpenPositionsAt(tx, street->second));
  if (positions.empty()) return Status::Ok();
  const int64_t now = ctx.clock.NowMillis();
  const std::string today = Today(ctx);
  TS_ASSIGN_OR_RETURN(Period period, LoadPeriod(tx, today, true));
  TS_ASSIGN_OR_RETURN(Cadre cadre, EnrollPerson(tx, ctx, positions.front().person_id, "person_id"));
  TS_ASSIGN_OR_RETURN(cadre, LockCadre(tx, cadre.id, now));
  struct DemoService {
    int64_t days_ago;
    int minutes;
    const char* what;
    const char* status;
    const char* reason;
  };
  struct DemoUnit {
    const char* unit;
    std::vector<DemoService> services;
  };
  const DemoUnit units[] = {
      {"风云社区团支部",
       {{20, 120, "组织社区青年参加“青春光影”观影交流活动", "confirmed", nullptr},
        {6, 60, "向支部团员宣讲青年就业创业政策", "disputed", "当天支部未安排宣讲，请核对日期"}}},
      {"佳福小区团支部", {{3, 90, "与小区物业对接青年志愿服务队活动场地", "pending", nullptr}}},
  };
  FigureDelta d;
  for (const auto& u : units) {
    auto unit_id = demo.organization_ids.find(u.unit);
    if (unit_id == demo.organization_ids.end()) continue;
    TS_ASSIGN_OR_RETURN(auto org, ctx.organizations->Find(tx, unit_id->second));
    if (!org) continue;
    ServedUnit su{0, cadre.id, cadre.org_path, org->id, org->path, "active", now, std::nullopt};
    TS_ASSIGN_OR_RETURN(su.id, InsertServedUnit(tx, su));
    d.served_units += 1;
    for (const auto& s : u.services) {
      UnitService row;
      row.served_unit_id = su.id;
      row.cadre_id = cadre.id;
      row.unit_path = org->path;
      row.served_on = AddDays(today, -s.days_ago);
      row.minutes = s.minutes;
      row.what = s.what;
      row.status = "pending";
      row.created_at = now;
      TS_ASSIGN_OR_RETURN(row.id, InsertUnitService(tx, row));
      if (std::string(s.status) == "pending") continue;
      row.status = s.status;
      if (s.reason != nullptr) row.dispute_reason = s.reason;
      row.decided_at = now;
      TS_RETURN_IF_ERROR(SaveServiceDecision(tx, row));
      if (row.status == "confirmed" && period.InYear(row.served_on)) d.service_minutes += row.minutes;
    }
  }
  return ApplyFigures(tx, cadre, d);
}

}  // namespace tianshan::cadres
