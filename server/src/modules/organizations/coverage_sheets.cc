#include "modules/organizations/coverage_sheets.h"

#include "core/tables/xlsx_writer.h"
#include "modules/organizations/list_coverage_units.h"
#include "modules/organizations/requests.h"

namespace tianshan::organizations {
namespace {

using tables::NumberCell;
using tables::TextCell;

std::string UnitKindLabel(std::string_view kind) {
  if (kind == "non_public_enterprise") return "非公企业";
  if (kind == "industrial_park") return "园区";
  if (kind == "social_organization") return "社会组织";
  return std::string(kind);
}

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
          sink.Row({TextCell(u.name), TextCell(UnitKindLabel(u.kind)), NumberCell(Number(u.young_employees)),
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

// Coverage is registered on the tab and counted, never imported: a sheet with one column (its
// template's), whose imports are refused, and an export.
SheetDefinition ExportOnly(std::string name, std::string title_zh, std::string title_en, SheetColumn column,
                           SheetExport list_export) {
  SheetDefinition sheet;
  sheet.name = std::move(name);
  sheet.title_zh = std::move(title_zh);
  sheet.title_en = std::move(title_en);
  sheet.columns = {std::move(column)};
  sheet.authorize_import = [](storage::Transaction&, const AppContext&, const auth::Actor&,
                              int64_t) -> Result<SheetImportTarget> { return Status::Forbidden(); };
  sheet.import_row = [](storage::Transaction&, const AppContext&, const auth::Caller&, const SheetImportTarget&,
                        const SheetRow&, SheetImportState&) -> Result<SheetRowResult> { return Status::Forbidden(); };
  sheet.list_export = std::move(list_export);
  return sheet;
}

}  // namespace

SheetDefinition CoverageUnitsSheet() {
  return ExportOnly("coverage_units", "覆盖单位", "Coverage units",
                    {"name", "单位名称", "name", {}, true, "", 30, "示例：克拉玛依佳福物业服务有限公司"},
                    {"/api/v1/organizations/{id}/coverage-units/export", WriteUnitsExport});
}

SheetDefinition ChildCoverageSheet() {
  return ExportOnly("coverage_by_child", "下级组织覆盖面", "Coverage by child organization",
                    {"organization", "下级组织", "organization", {}, true, "", 30, "示例：天山街道团工委"},
                    {"/api/v1/organizations/{id}/coverage-by-child/export", WriteChildCoverageExport});
}

}  // namespace tianshan::organizations
