#pragma once
// A sheet that only exports (kit/sheet.h): figures and lists that are counted or registered on
// their screens, never imported. Its one column is the template's; an import of it is refused.
#include <string>
#include <utility>

#include "kit/sheet.h"

namespace tianshan {

inline SheetDefinition ExportOnlySheet(std::string name, std::string title_zh, std::string title_en, SheetColumn column,
                                       SheetExport list_export) {
  SheetDefinition sheet;
  sheet.name = std::move(name);
  sheet.title_zh = std::move(title_zh);
  sheet.title_en = std::move(title_en);
  sheet.columns = {std::move(column)};
  sheet.authorize_import = [](storage::Transaction&, const AppContext&, const auth::Actor&,
                              int64_t) -> Result<SheetImportTarget> { return Status::Forbidden(); };
  sheet.import_row = [](storage::Transaction&, const AppContext&, const auth::Caller&, const SheetImportTarget&,
                        const SheetRow&, SheetImportState&) -> Result<SheetRowResult> { return Status::Forbidden(); };
  sheet.list_export = std::move(list_export);
  return sheet;
}

}  // namespace tianshan
