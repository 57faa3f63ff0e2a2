#pragma once
// The people sheet (kit/sheet.h): import members and young people from a spreadsheet, export
// the people list. Registered in the module's manifest; the spreadsheets engine runs it.
//
// Import: a row becomes a CreatePersonInput (messy cells read by core/tables/cell_values.h;
// gender and birth date may come from a valid identity number; kind blank means a member when
// 入团日期 is filled) and goes through CreatePersonIn inside the engine's transaction, so the
// grants, rules, counters and audit entries are those of POST /people. 所属组织 names an active
// organization in the import target's subtree (exact name, else short name); blank means the
// target. An identity number repeated within the file is reported on the later row.
// Export: GET /organizations/{id}/people/export reads the list's query (requests.h) and walks
// ListPeople page by page with the caller's permissions and masking; the columns are the
// template's (入团日期 and 团员编号 of members included), plus the position for kind=cadre.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kit/sheet.h"
#include "modules/people/create_person.h"

namespace tianshan::people {

SheetDefinition PeopleSheet();

// The export's `write` (people_export.cc).
Status WritePeopleExport(const AppContext& ctx, const http::HttpRequest& req, SheetExportSink& sink);

// One row read into the create use case's input, without I/O (organization ids are set by the
// import once the organization is known).
struct PersonSheetRow {
  CreatePersonInput input;
  std::optional<std::string> organization_name;  // nullopt: the import's target
  std::vector<SheetFieldError> errors;           // cell problems and the people rules' errors
};
PersonSheetRow ReadPersonSheetRow(const SheetRow& row, int64_t now_millis);

// The sheet column of a use case field ("membership.member_since" → "member_since",
// "organization_id" → "organization").
std::string PersonSheetField(std::string_view use_case_field);

// Closed lists of the sheet: 男/女/male/female/M/F → "male"/"female"; 团员/青年/member/youth.
tables::CellResult<std::optional<std::string>> GenderCell(const tables::Cell& cell);
tables::CellResult<std::optional<std::string>> PersonKindCell(const tables::Cell& cell);

}  // namespace tianshan::people
