#pragma once
// Use case: a shift's roster as an .xlsx file (core/tables/xlsx_writer.h), for the leader to
// print or keep: the same people, order and check-in status as GET /shifts/{id}/roster, times
// in China time. 404 unless visible, 403 unless the caller manages the project (as the roster).
// Reads only; writes no audit entry (reads of personal data by managers are not audited, like
// the roster itself).

#include <string>

#include "modules/volunteering/use_case_support.h"

namespace tianshan::volunteering {

struct RosterFile {
  std::string file_name;  // "<project title> <shift start> 名单.xlsx"
  std::string bytes;
};

Result<RosterFile> ExportRoster(const AppContext& ctx, const auth::Actor& actor, int64_t shift_id);

}  // namespace tianshan::volunteering
