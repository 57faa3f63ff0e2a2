#pragma once
// Use case: a sheet's list as an .xlsx (GET of the sheet's export route).
//
// The sheet reads the request exactly as its list route does (the same 400/404/422) and writes
// the rows that list shows the caller, masked the same way, walking its list use case page by
// page with the caller's own permissions (kit/sheet.h). This bounds the file: more than
// kMaxExportRows rows is 422 "spreadsheets.export_too_large" (narrow the list with filters).
// The file is named "<title>名单-<date in China>.xlsx". Runs in the request.

#include "http/http_types.h"
#include "kit/module.h"
#include "modules/spreadsheets/export_file.h"

namespace tianshan::spreadsheets {

// `sheet.list_export` must be set.
Result<ExportFile> ExportList(const AppContext& ctx, const SheetDefinition& sheet, const http::HttpRequest& req);

}  // namespace tianshan::spreadsheets
