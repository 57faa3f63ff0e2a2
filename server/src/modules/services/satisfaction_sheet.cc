#include "modules/services/satisfaction_sheet.h"

#include "core/tables/xlsx_writer.h"
#include "http/edge.h"
#include "kit/export_only_sheet.h"
#include "modules/services/figures.h"
#include "modules/services/use_cases.h"

namespace tianshan::services {
namespace {

using tables::NumberCell;
using tables::TextCell;

tables::Cell Optional(const std::optional<double>& v) { return v ? NumberCell(*v) : TextCell(""); }

std::vector<tables::Cell> Cells(const std::string& name, const Satisfaction& s, const ResponseFigures& r) {
  std::vector<tables::Cell> row = {TextCell(name), NumberCell(static_cast<double>(s.Count())), Optional(s.Average())};
  for (int64_t v : s.distribution) row.push_back(NumberCell(static_cast<double>(v)));
  row.push_back(NumberCell(static_cast<double>(r.applications)));
  row.push_back(NumberCell(static_cast<double>(r.completed)));
  row.push_back(Optional(r.CompletionRate()));
  row.push_back(Optional(r.median_response_ms
                             ? std::optional<double>(static_cast<double>(*r.median_response_ms) / 3600000.0)
                             : std::nullopt));
  return row;
}

Status WriteExport(const AppContext& ctx, const http::HttpRequest& req, SheetExportSink& sink) {
  TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
  TS_ASSIGN_OR_RETURN(auto figures, GetSubtreeSatisfaction(ctx, *req.actor, id));
  TS_ASSIGN_OR_RETURN(auto responses, GetSubtreeResponses(ctx, *req.actor, id));
  sink.Columns({{"服务", 30},
                {"评价数", 10},
                {"平均分", 10},
                {"1分", 8},
                {"2分", 8},
                {"3分", 8},
                {"4分", 8},
                {"5分", 8},
                {"申请数", 10},
                {"办结数", 10},
                {"办结率", 10},
                {"首次答复中位时长（小时）", 16}});
  for (const auto& [service, s] : figures.services) {
    auto it = responses.by_service.find(service.id);
    TS_RETURN_IF_ERROR(
        sink.Row(Cells(service.f.name, s, it == responses.by_service.end() ? ResponseFigures{} : it->second)));
  }
  return sink.Row(Cells("合计", figures.total, responses.total));
}

}  // namespace

SheetDefinition SatisfactionSheet() {
  // Figures are counted from ratings, never imported.
  return ExportOnlySheet("service_satisfaction", "服务满意度", "Service satisfaction",
                         {"service", "服务", "service", {}, true, "", 30, "示例：青年创业指导"},
                         {"/api/v1/organizations/{id}/satisfaction/export", WriteExport});
}

}  // namespace tianshan::services
