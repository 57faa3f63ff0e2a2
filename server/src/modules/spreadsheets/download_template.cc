#include "modules/spreadsheets/download_template.h"

#include "core/tables/xlsx_writer.h"

namespace tianshan::spreadsheets {

Result<ExportFile> DownloadTemplate(const SheetDefinition& sheet) {
  tables::XlsxSheet file;
  file.name = sheet.title_zh;
  std::vector<tables::Cell> example;
  for (const auto& c : sheet.columns) {
    file.header.push_back(SheetTemplateHeader(c));
    file.column_widths.push_back(c.width + static_cast<double>(c.hint.size()) / 3);
    example.push_back(c.date && !c.example.empty() ? tables::DateCell(c.example) : tables::TextCell(c.example));
  }
  file.rows.push_back(std::move(example));
  TS_ASSIGN_OR_RETURN(std::string bytes, tables::WriteXlsx(file));
  return ExportFile{std::move(bytes), sheet.title_zh + "导入模板.xlsx"};
}

}  // namespace tianshan::spreadsheets
