#pragma once
// The spreadsheets module: import of people and organizations from .xlsx / .csv files in the
// shape of downloadable templates (validated row by row in the background, then imported all
// or nothing), and .xlsx export of the people and organization lists. It owns no tables: it
// works only through the organizations and people modules' public use cases. See README.md.

#include "kit/module.h"

namespace tianshan {

// Needs the organizations and people modules registered before it.
ModuleDefinition SpreadsheetsModule();

}  // namespace tianshan
