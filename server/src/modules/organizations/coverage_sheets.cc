#include "modules/organizations/coverage_sheets.h"

#include "core/tables/xlsx_writer.h"
#include "kit/export_only_sheet.h"
#include "modules/organizations/list_coverage_units.h"
#include "modules/organizations/organizations_sheet.h"
#include "modules/organizations/requests.h"

namespace tianshan::organizations {
namespace {

using tables::NumberCell;
using tables::TextCell;

double Number(int64_t v) { return static_cast<double>(v); }

Status WriteUnitsExport(const AppContext& ctx, const http::HttpRequest& req, SheetExportSink& sink) {
  TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
  http::QueryReader query(req);
  CoverageListQuery q = ReadCoverageListQuery(query);
  TS_RETURN_IF_ERROR(query.Finish());
  sink.Columns({{"单位名称", 30}, {"类型", 10}, {"青年职工数", 12}, {"登记组织", 26}, {"状态", 8}, {"覆盖组织", 26}});
  std::optional<int64_t> after;
  for (;;) {
    TS_ASSIGN_OR_RETURN(auto page,
                        ListCoverageUnits(ctx, *req.actor, id, q.covered, after, kSheetExportPageSize, q.scope));
    for (const auto& u : page.items) {
      TS_RETURN_IF_ERROR(
          sink.Row({TextCell(u.name), TextCell(SettingLabel(u.kind)), NumberCell(Number(u.young_employees)),
                    TextCell(u.organization_name), TextCell(u.covered() ? "已覆盖" : "未覆盖"),
                    TextCell(u.covered_by_name.value_or(""))}));
    }
    if (!page.next_cursor) return Status::Ok();
    after = page.next_cursor;
  }
}

Status WriteChildCoverageExport(const AppContext& ctx, const http::HttpRequest& req, SheetExportSink& sink) {
  TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
  TS_ASSIGN_OR_RETURN(auto table, ListChildCoverage(ctx, *req.actor, id));
  sink.Columns({{"下级组织", 30}, {"单位数", 10}, {"已覆盖", 10}, {"未覆盖", 10}, {"覆盖率", 10}});
  for (const auto& row : table.rows) {
    auto rate = row.rate();
    TS_RETURN_IF_ERROR(
        sink.Row({TextCell(row.name), NumberCell(Number(row.units)), NumberCell(Number(row.covered)),
                  NumberCell(Number(row.units - row.covered)), rate ? NumberCell(*rate) : TextCell("")}));
  }
  return Status::Ok();
}

}  // namespace

SheetDefinition CoverageUnitsSheet() {
  return ExportOnlySheet("coverage_units", "覆盖单位", "Coverage units",
                         {"name", "单位名称", "name", {}, true, "", 30, "示例：克拉玛依佳福物业服务有限公司"},
                         {"/api/v1/organizations/{id}/coverage-units/export", WriteUnitsExport});
}

SheetDefinition ChildCoverageSheet() {
  return ExportOnlySheet("coverage_by_child", "下级组织覆盖面", "Coverage by child organization",
                         {"organization", "下级组织", "organization", {}, true, "", 30, "示例：天山街道团工委"},
                         {"/api/v1/organizations/{id}/coverage-by-child/export", WriteChildCoverageExport});
}

}  // namespace tianshan::organizations
