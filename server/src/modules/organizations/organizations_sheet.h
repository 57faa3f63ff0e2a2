#pragma once
// The organizations sheet (kit/sheet.h): import organizations from a spreadsheet, export a
// subtree. Registered in the module's manifest; the spreadsheets engine runs it.
//
// Import: a row becomes a CreateOrganizationInput (kinds and settings in Chinese or English,
// messy phones and dates read by core/tables/cell_values.h) and goes through
// CreateOrganizationIn inside the engine's transaction, so the grants, rules, counters and
// audit entries are those of POST /organizations. 上级组织 names the parent: an organization
// created by a row above in the same file, or an active one in the import target's subtree
// (exact name, else short name); blank means the target. One match only, else a row error.
// Export: GET /organizations/{id}/subtree/export reads the subtree list's query and walks
// ListSubtree page by page with the caller's permissions (contact phones masked where the list
// masks them); the columns are the template's plus the status, the parent named when it is in
// the file.

#include <optional>
#include <string>
#include <string_view>

#include "kit/sheet.h"
#include "modules/organizations/public/organization.h"

namespace tianshan::organizations {

SheetDefinition OrganizationsSheet();

// One row read into organization fields, without I/O.
struct OrganizationSheetRow {
  OrganizationFields fields;
  std::optional<std::string> parent_name;  // nullopt: the import's target
  std::vector<SheetFieldError> errors;     // cell problems and the organization rules' errors
};
OrganizationSheetRow ReadOrganizationSheetRow(const SheetRow& row, int64_t now_millis);

// Closed lists of the sheet: 团委/团工委/团总支/团支部 and 机关/街道/社区/学校/非公企业/园区/社会组织/其他
// (and a few synonyms), or the English codes.
tables::CellResult<std::optional<std::string>> KindCell(const tables::Cell& cell);
tables::CellResult<std::optional<std::string>> SettingCell(const tables::Cell& cell);

// The export's `write` (organizations_export.cc).
// The Chinese name of a setting code (机关, 街道, 非公企业…; coverage units use the same codes), the
// code itself when unknown. As the sheet writes it and reads it back.
std::string SettingLabel(std::string_view setting);
Status WriteSubtreeExport(const AppContext& ctx, const http::HttpRequest& req, SheetExportSink& sink);

}  // namespace tianshan::organizations
