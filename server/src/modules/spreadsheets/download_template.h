#pragma once
// Use case: the import template of a kind, as an .xlsx: a header row with the Chinese column
// names and their format hints ("*" marks a required column; the reader also accepts the
// English field names), one example row (its name starts with "示例", so an import skips it),
// every column stored as text so that identity numbers and phones keep all their digits.
// Anyone signed in may download it; it holds no data.

#include "core/result.h"
#include "modules/spreadsheets/export_file.h"
#include "modules/spreadsheets/sheet_rows.h"

namespace tianshan::spreadsheets {

Result<ExportFile> DownloadTemplate(ImportKind kind);

}  // namespace tianshan::spreadsheets
