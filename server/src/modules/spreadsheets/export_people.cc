#include "modules/spreadsheets/export_people.h"

#include "core/tables/xlsx_writer.h"
#include "modules/people/person_json.h"
#include "modules/spreadsheets/cell_values.h"

namespace tianshan::spreadsheets {
namespace {

using tables::Cell;
using tables::DateCell;
using tables::TextCell;

std::string PositionLabel(const people::Position& p) {
  std::string title = p.title == "secretary" ? "书记" : p.title == "deputy_secretary" ? "副书记" : "委员";
  return title + (p.employment == "full_time" ? "（专职）" : "（兼职）");
}

}  // namespace

Result<ExportFile> ExportPeople(const AppContext& ctx, const auth::Actor& actor, people::ListPeopleInput input) {
  const bool cadre = input.kind && *input.kind == "cadre";
  tables::XlsxSheet sheet;
  sheet.name = "人员";
  sheet.header = {"姓名", "性别", "出生日期", "民族", "手机号码", "身份证号码",
                  "学历", "职业", "工作单位", "类别", "所属组织"};
  sheet.column_widths = {10, 6, 12, 8, 14, 22, 8, 10, 18, 8, 22};
  if (cadre) {
    sheet.header.insert(sheet.header.end(), {"职务", "任职组织", "任职日期"});
    sheet.column_widths.insert(sheet.column_widths.end(), {12, 22, 12});
  }
  input.limit = kExportPageSize;
  input.cursor.reset();
  for (;;) {
    TS_ASSIGN_OR_RETURN(auto page, people::ListPeople(ctx, actor, input));
    for (const auto& item : page.items) {
      if (sheet.rows.size() >= kMaxExportRows) {
        return Status::Invalid("limit", "spreadsheets.export_too_large", std::to_string(kMaxExportRows));
      }
      const people::Person& p = item.person;
      const people::PersonFields& f = p.fields;
      std::vector<Cell> row = {TextCell(f.name),
                               TextCell(GenderLabel(f.gender)),
                               DateCell(f.birth_date),
                               TextCell(f.ethnicity.value_or("")),
                               TextCell(people::VisiblePhone(f.phone, item.view).value_or("")),
                               TextCell(people::VisibleIdentity(f.identity_number, item.view).value_or("")),
                               TextCell(f.education.value_or("")),
                               TextCell(f.occupation.value_or("")),
                               TextCell(f.employer.value_or("")),
                               TextCell(PersonKindLabel(p.is_member)),
                               TextCell(item.organization_name)};
      if (cadre && item.position) {
        row.push_back(TextCell(PositionLabel(*item.position)));
        row.push_back(TextCell(item.position_organization_name));
        row.push_back(DateCell(item.position->started_on));
      }
      sheet.rows.push_back(std::move(row));
    }
    if (!page.next_cursor) break;
    input.cursor = page.next_cursor;
  }
  TS_ASSIGN_OR_RETURN(std::string bytes, tables::WriteXlsx(sheet));
  return ExportFile{std::move(bytes), "人员名单-" + TodayInChina(ctx.clock.NowMillis()) + ".xlsx"};
}

}  // namespace tianshan::spreadsheets
