#pragma once
// Use case: an organization's subtree (itself and everything below it) as an .xlsx.
//
// Walks organizations::ListSubtree page by page with the caller's permissions and the same
// filters (kind, setting, status, q), so the file holds the rows that list shows the caller;
// contact phones are masked where the list masks them. Columns follow the organization
// import template plus the status; the parent is named when it is in the file. More than
// kMaxExportRows rows: 422 "spreadsheets.export_too_large".

#include <optional>
#include <string>

#include "kit/module.h"
#include "modules/organizations/list_organizations.h"
#include "modules/spreadsheets/export_file.h"

namespace tianshan::spreadsheets {

Result<ExportFile> ExportOrganizations(const AppContext& ctx, const auth::Actor& actor, int64_t id,
                                       const organizations::ListFilter& filter, const std::optional<std::string>& q);

}  // namespace tianshan::spreadsheets
