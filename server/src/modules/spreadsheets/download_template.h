#pragma once
// Use case: the import template of a sheet, as an .xlsx: a header row with the sheet's Chinese
// column names and their format hints ("*" marks a required column; the reader also accepts
// the English field names), one example row from the columns' examples (its first cell starts
// with "示例", so an import skips it), every column stored as text so that identity numbers and
// phones keep all their digits. Anyone signed in may download it; it holds no data.

#include "core/result.h"
#include "kit/sheet.h"
#include "modules/spreadsheets/export_file.h"

namespace tianshan::spreadsheets {

Result<ExportFile> DownloadTemplate(const SheetDefinition& sheet);

}  // namespace tianshan::spreadsheets
