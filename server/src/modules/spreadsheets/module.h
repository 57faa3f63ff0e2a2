#pragma once
// The spreadsheets module: the generic engine that imports the sheets other modules declare
// (ModuleDefinition::sheets, kit/sheet.h) from .xlsx / .csv files in the shape of downloadable
// templates (validated row by row in the background, then imported all or nothing), and
// exports their lists as .xlsx. It owns no tables and includes no other module: each sheet's
// module reads its rows and runs its own use cases. See README.md.

#include "kit/module.h"

namespace tianshan {

// Serves every sheet in AppContext::sheets (filled from all modules before routes).
ModuleDefinition SpreadsheetsModule();

}  // namespace tianshan
