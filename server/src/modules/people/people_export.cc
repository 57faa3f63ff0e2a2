#include "core/tables/xlsx_writer.h"
#include "modules/people/code_lists.h"
#include "modules/people/people_sheet.h"
#include "modules/people/person_json.h"
#include "modules/people/requests.h"

namespace tianshan::people {
namespace {

using tables::DateCell;
using tables::TextCell;

std::string GenderLabel(std::string_view gender) {
  if (gender == "male") return "男";
  if (gender == "female") return "女";
  return std::string(gender);
}

std::string PositionLabel(const Position& p) {
  std::string title = p.title == "secretary" ? "书记" : p.title == "deputy_secretary" ? "副书记" : "委员";
  return title + (p.employment == "full_time" ? "（专职）" : "（兼职）");
}

tables::Cell OptionalDate(const std::optional<std::string>& date) { return date ? DateCell(*date) : TextCell(""); }

}  // namespace

Status WritePeopleExport(const AppContext& ctx, const http::HttpRequest& req, SheetExportSink& sink) {
  TS_ASSIGN_OR_RETURN(ListPeopleInput input, ParseListPeople(req));
  const bool cadre = input.kind && *input.kind == "cadre";
  // The import template's columns, in its order, so that a file exported here imports elsewhere.
  std::vector<SheetExportColumn> columns = {{"姓名", 10},     {"性别", 6},        {"出生日期", 12}, {"民族", 8},
                                            {"手机号码", 14}, {"身份证号码", 22}, {"学历", 8},      {"职业", 10},
                                            {"工作单位", 18}, {"类别", 8},        {"所属组织", 22}, {"入团日期", 12},
                                            {"团员编号", 14}};
  if (cadre) columns.insert(columns.end(), {{"职务", 12}, {"任职组织", 22}, {"任职日期", 12}});
  sink.Columns(std::move(columns));
  input.limit = kSheetExportPageSize;
  input.cursor.reset();
  for (;;) {
    TS_ASSIGN_OR_RETURN(auto page, ListPeople(ctx, *req.actor, input));
    for (const auto& item : page.items) {
      const Person& p = item.person;
      const PersonFields& f = p.fields;
      std::vector<tables::Cell> row = {TextCell(f.name),
                                       TextCell(GenderLabel(f.gender)),
                                       DateCell(f.birth_date),
                                       TextCell(EthnicityName(f.ethnicity)),
                                       TextCell(VisiblePhone(f.phone, item.view).value_or("")),
                                       TextCell(VisibleIdentity(f.identity_number, item.view).value_or("")),
                                       TextCell(EducationName(f.education)),
                                       TextCell(f.occupation.value_or("")),
                                       TextCell(f.employer.value_or("")),
                                       TextCell(p.is_member ? "团员" : "青年"),
                                       TextCell(item.organization_name),
                                       OptionalDate(item.member_since),
                                       TextCell(item.member_number.value_or(""))};
      if (cadre && item.position) {
        row.push_back(TextCell(PositionLabel(*item.position)));
        row.push_back(TextCell(item.position_organization_name));
        row.push_back(DateCell(item.position->started_on));
      }
      TS_RETURN_IF_ERROR(sink.Row(std::move(row)));
    }
    if (!page.next_cursor) return Status::Ok();
    input.cursor = page.next_cursor;
  }
}

}  // namespace tianshan::people
