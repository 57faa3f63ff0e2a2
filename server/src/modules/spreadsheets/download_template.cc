#include "modules/spreadsheets/download_template.h"

#include "core/tables/xlsx_writer.h"
#include "modules/people/public/person.h"

namespace tianshan::spreadsheets {
namespace {

using tables::DateCell;
using tables::TextCell;

std::vector<tables::Cell> ExampleRow(ImportKind kind) {
  if (kind == ImportKind::kPeople) {
    const std::string first17 = "65020319900102001";
    const std::string identity = first17 + people::IdentityCheckChar(first17);
    return {TextCell("示例：张三"),
            TextCell("男"),
            DateCell("1990-01-02"),
            TextCell("汉族"),
            TextCell("13812345678"),
            TextCell(identity),
            TextCell("本科"),
            TextCell("职员"),
            TextCell("克拉玛依市示例公司"),
            TextCell("团员"),
            TextCell(""),
            DateCell("2005-05-04"),
            TextCell("")};
  }
  return {TextCell("示例：风云社区团支部"),
          TextCell("风云社区"),
          TextCell("团支部"),
          TextCell("社区"),
          TextCell(""),
          TextCell("650203"),
          TextCell("克拉玛依市天山路 1 号"),
          TextCell("李四"),
          TextCell("0990-6888888"),
          DateCell("2016-05-04")};
}

}  // namespace

Result<ExportFile> DownloadTemplate(ImportKind kind) {
  tables::XlsxSheet sheet;
  sheet.name = kind == ImportKind::kPeople ? "人员" : "组织";
  for (const auto& c : Columns(kind)) {
    sheet.header.push_back(TemplateHeader(c));
    sheet.column_widths.push_back(c.width + static_cast<double>(c.hint.size()) / 3);
  }
  sheet.rows.push_back(ExampleRow(kind));
  TS_ASSIGN_OR_RETURN(std::string bytes, tables::WriteXlsx(sheet));
  return ExportFile{std::move(bytes), kind == ImportKind::kPeople ? "人员导入模板.xlsx" : "组织导入模板.xlsx"};
}

}  // namespace tianshan::spreadsheets
