// The unit's and the committee's side of "4+1": the confirmations queue, confirm or dispute,
// the year's summary per cadre and per unit.
#include <set>

#include "core/json.h"
#include "core/tables/xlsx_writer.h"
#include "modules/cadres/cadre_repository.h"
#include "modules/cadres/cadre_support.h"
#include "modules/cadres/committee/use_cases.h"
#include "modules/cadres/figures.h"
#include "modules/cadres/permissions.h"
#include "modules/cadres/units/use_cases.h"

namespace tianshan::cadres {
namespace {

Result<std::string> NameOf(storage::Transaction& tx, const AppContext& ctx, int64_t organization_id) {
  if (ctx.organizations == nullptr) return std::string();
  TS_ASSIGN_OR_RETURN(auto org, ctx.organizations->Find(tx, organization_id));
  return org ? org->name : std::string();
}

Result<std::map<int64_t, CadreCard>> CardsOf(storage::Transaction& tx, const AppContext& ctx,
                                             const std::set<int64_t>& cadre_ids) {
  std::vector<Cadre> cadres;
  for (int64_t id : cadre_ids) {
    TS_ASSIGN_OR_RETURN(auto c, FindCadre(tx, id));
    if (c) cadres.push_back(*c);
  }
  return LoadCadreCards(tx, ctx, cadres);
}

Result<std::vector<UnitServiceView>> ViewServices(storage::Transaction& tx, const AppContext& ctx,
                                                  const auth::Actor& actor, const std::vector<UnitService>& services) {
  std::set<int64_t> cadre_ids;
  for (const auto& s : services) cadre_ids.insert(s.cadre_id);
  TS_ASSIGN_OR_RETURN(auto cards, CardsOf(tx, ctx, cadre_ids));
  std::map<int64_t, std::string> names;  // by served unit
  std::vector<UnitServiceView> out;
  for (const auto& s : services) {
    UnitServiceView v;
    v.service = s;
    v.cadre = cards[s.cadre_id];
    if (!names.count(s.served_unit_id)) {
      TS_ASSIGN_OR_RETURN(auto unit, FindServedUnit(tx, s.served_unit_id));
      if (unit) {
        TS_ASSIGN_OR_RETURN(names[s.served_unit_id], NameOf(tx, ctx, unit->unit_id));
      }
    }
    v.unit_name = names[s.served_unit_id];
    v.can_decide = s.status == "pending" && CanConfirmAt(actor, s.unit_path);
    out.push_back(std::move(v));
  }
  return out;
}

std::string ServiceAuditJson(const UnitService& s) {
  JsonOut out;
  out.StartObject().Field("served_on", s.served_on).Field("minutes", static_cast<int64_t>(s.minutes));
  out.Field("status", s.status).Field("reason_chars", static_cast<int64_t>(Utf8Length(s.dispute_reason.value_or(""))));
  out.EndObject();
  return out.Take();
}

}  // namespace

Result<UnitServicePage> ListUnitServices(const AppContext& ctx, const auth::Actor& actor, int64_t organization_id,
                                         const UnitServiceQuery& query) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<UnitServicePage> {
    TS_ASSIGN_OR_RETURN(std::string path, ConfirmPath(tx, ctx, actor, organization_id));
    TS_ASSIGN_OR_RETURN(auto rows, SelectUnitServicesInSubtree(tx, path, query.status, query.after_id, query.limit));
    UnitServicePage page;
    if (static_cast<int>(rows.size()) > query.limit) {
      rows.resize(query.limit);
      page.next_cursor = rows.back().id;
    }
    TS_ASSIGN_OR_RETURN(page.items, ViewServices(tx, ctx, actor, rows));
    return page;
  });
}

Result<UnitServiceView> DecideUnitService(const AppContext& ctx, const auth::Caller& caller, int64_t id,
                                          const DecideServiceInput& input) {
  if (input.decision == "dispute" && !input.reason) return Status::Invalid("reason", "cadres.reason_required");
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<UnitServiceView> {
    const int64_t now = ctx.clock.NowMillis();
    TS_ASSIGN_OR_RETURN(auto found, FindUnitService(tx, id));
    // Only the unit served (and the committees above it) decides; everyone else learns nothing.
    if (!found || !CanConfirmAt(caller.actor, found->unit_path)) return Status::NotFound("cadres.service_not_found");
    UnitService s = *found;
    if (s.status != "pending") return Status::Conflict("cadres.service_decided");
    const std::string before = ServiceAuditJson(s);
    s.status = input.decision == "confirm" ? "confirmed" : "disputed";
    if (s.status == "disputed") s.dispute_reason = input.reason;
    s.decided_by = caller.actor.account_id;
    s.decided_at = now;
    TS_ASSIGN_OR_RETURN(Cadre cadre, LockCadre(tx, s.cadre_id, now));
    TS_RETURN_IF_ERROR(SaveServiceDecision(tx, s));
    TS_ASSIGN_OR_RETURN(Period p, LoadPeriod(tx, Today(ctx), true));
    if (s.status == "confirmed" && p.InYear(s.served_on)) {
      FigureDelta d;
      d.service_minutes = s.minutes;
      TS_RETURN_IF_ERROR(ApplyFigures(tx, cadre, d));
    }
    TS_RETURN_IF_ERROR(ctx.audit.Record(
        tx, caller, {"cadres.service.decide", "cadres_service", s.id, s.unit_path, before, ServiceAuditJson(s)}));
    TS_ASSIGN_OR_RETURN(auto views, ViewServices(tx, ctx, caller.actor, {s}));
    return views.front();
  });
}

Result<ServedUnitsOverview> GetServedUnitsOverview(const AppContext& ctx, const auth::Actor& actor,
                                                   int64_t organization_id, const std::string& year) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<ServedUnitsOverview> {
    TS_ASSIGN_OR_RETURN(std::string path, FiguresPath(tx, ctx, actor, organization_id));
    ServedUnitsOverview out;
    out.year = year;
    const std::string from = year + "-01-01", to = year + "-12-31";
    TS_ASSIGN_OR_RETURN(auto by_cadre, SummariesByCadre(tx, path, from, to));
    std::set<int64_t> cadre_ids;
    for (const auto& r : by_cadre) cadre_ids.insert(r.key);
    TS_ASSIGN_OR_RETURN(auto cards, CardsOf(tx, ctx, cadre_ids));
    for (const auto& r : by_cadre) out.cadres.emplace_back(cards[r.key], r);
    TS_ASSIGN_OR_RETURN(auto by_unit, SummariesByUnit(tx, path, from, to));
    for (const auto& r : by_unit) {
      TS_ASSIGN_OR_RETURN(std::string name, NameOf(tx, ctx, r.key));
      out.units.emplace_back(name, r);
    }
    return out;
  });
}

Result<ExportedFile> ExportServedUnitsOverview(const AppContext& ctx, const auth::Actor& actor, int64_t organization_id,
                                               const std::string& year) {
  using tables::NumberCell;
  using tables::TextCell;
  TS_ASSIGN_OR_RETURN(auto overview, GetServedUnitsOverview(ctx, actor, organization_id, year));
  tables::XlsxSheet sheet;
  sheet.name = "服务基层单位";
  sheet.header = {"类别", "名称", "所属组织", "服务单位数/服务干部数", "服务次数", "已确认分钟数", "待确认", "有异议"};
  sheet.column_widths = {10, 24, 28, 20, 10, 14, 10, 10};
  auto figures = [](const SubtreeSummaryRow& r) {
    return std::vector<tables::Cell>{NumberCell(r.units), NumberCell(r.summary.services),
                                     NumberCell(r.summary.confirmed_minutes), NumberCell(r.summary.pending),
                                     NumberCell(r.summary.disputed)};
  };
  for (const auto& [card, r] : overview.cadres) {
    std::vector<tables::Cell> row = {TextCell("团干部"), TextCell(card.name), TextCell(card.organization_name)};
    for (auto& c : figures(r)) row.push_back(std::move(c));
    sheet.rows.push_back(std::move(row));
  }
  for (const auto& [name, r] : overview.units) {
    std::vector<tables::Cell> row = {TextCell("服务单位"), TextCell(name), TextCell("")};
    for (auto& c : figures(r)) row.push_back(std::move(c));
    sheet.rows.push_back(std::move(row));
  }
  TS_ASSIGN_OR_RETURN(std::string bytes, tables::WriteXlsx(sheet));
  return ExportedFile{std::move(bytes), "团干部服务基层单位-" + year + ".xlsx"};
}

}  // namespace tianshan::cadres
