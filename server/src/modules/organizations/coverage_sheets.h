#pragma once
// Excel exports of coverage (kit/sheet.h; the spreadsheets engine serves them), read exactly as
// their lists read the request and with the same readers:
//   GET /organizations/{id}/coverage-units/export?covered=&scope=  the units list (every page)
//   GET /organizations/{id}/coverage-by-child/export               the per-child coverage table
// Neither imports: units are registered one by one on the coverage tab, figures are counted.

#include "kit/sheet.h"

namespace tianshan::organizations {

SheetDefinition CoverageUnitsSheet();
SheetDefinition ChildCoverageSheet();

}  // namespace tianshan::organizations
