#pragma once
// Use case: the people list of an organization as an .xlsx.
//
// Walks people::ListPeople page by page with the caller's own permissions, so the file holds
// exactly the rows the list endpoint would show this caller, masked the same way (phone and
// identity number as the people module's View says). Columns follow the people import
// template (without membership dates, which the list does not carry); kind=cadre adds the
// position. More than kMaxExportRows rows: 422 "spreadsheets.export_too_large".

#include "kit/module.h"
#include "modules/people/list_people.h"
#include "modules/spreadsheets/export_file.h"

namespace tianshan::spreadsheets {

// `input.limit` and `input.cursor` are ignored.
Result<ExportFile> ExportPeople(const AppContext& ctx, const auth::Actor& actor, people::ListPeopleInput input);

}  // namespace tianshan::spreadsheets
