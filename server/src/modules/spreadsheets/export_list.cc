#include "modules/spreadsheets/export_list.h"

#include "core/calendar.h"
#include "core/tables/xlsx_writer.h"

namespace tianshan::spreadsheets {
namespace {

// Collects the sheet's rows into one worksheet, up to kMaxExportRows.
class XlsxSink : public SheetExportSink {
 public:
  explicit XlsxSink(tables::XlsxSheet& file) : file_(file) {}

  void Columns(std::vector<SheetExportColumn> columns) override {
    for (auto& c : columns) {
      file_.header.push_back(std::move(c.header));
      file_.column_widths.push_back(c.width);
    }
  }

  Status Row(std::vector<tables::Cell> cells) override {
    if (file_.rows.size() >= kMaxExportRows) {
      return Status::Invalid("limit", "spreadsheets.export_too_large", std::to_string(kMaxExportRows));
    }
    file_.rows.push_back(std::move(cells));
    return Status::Ok();
  }

 private:
  tables::XlsxSheet& file_;
};

}  // namespace

Result<ExportFile> ExportList(const AppContext& ctx, const SheetDefinition& sheet, const http::HttpRequest& req) {
  tables::XlsxSheet file;
  file.name = sheet.title_zh;
  XlsxSink sink(file);
  TS_RETURN_IF_ERROR(sheet.list_export->write(ctx, req, sink));
  TS_ASSIGN_OR_RETURN(std::string bytes, tables::WriteXlsx(file));
  return ExportFile{std::move(bytes), sheet.title_zh + "名单-" + TodayInChina(ctx.clock.NowMillis()) + ".xlsx"};
}

}  // namespace tianshan::spreadsheets
