#pragma once
// The satisfaction figures of a subtree as an .xlsx, through the spreadsheets engine
// (kit/sheet.h): GET /api/v1/organizations/{id}/satisfaction/export answers what
// GET /organizations/{id}/satisfaction shows the caller (services.read; 404 otherwise), one row
// per rated service and the subtree's total. Export only: the sheet refuses every import.

#include "kit/sheet.h"

namespace tianshan::services {

SheetDefinition SatisfactionSheet();

}  // namespace tianshan::services
