#pragma once
// SQL for the hours ledger and its maintained aggregates, hour reports, settings, rankings
// and certificates (bound parameters only; caller's transaction).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "modules/volunteering/volunteering.h"
#include "storage/database.h"

namespace tianshan::volunteering {

Result<int64_t> InsertLedgerEntry(storage::Transaction& tx, const LedgerEntry& e, int64_t now);
Result<std::optional<LedgerEntry>> FindLedgerEntry(storage::Transaction& tx, int64_t id);
// True when some entry reverses `id`.
Result<bool> IsReversed(storage::Transaction& tx, int64_t id);
Result<std::vector<LedgerEntry>> ListPersonLedger(storage::Transaction& tx, int64_t person_id, int64_t before_id,
                                                  int limit);
Result<std::vector<LedgerEntry>> ListSubtreeLedger(storage::Transaction& tx, const std::string& path, int64_t before_id,
                                                   int limit);

// Adds `delta` to the volunteer's total unless it would become negative: false then.
Result<bool> AddVolunteerTotal(storage::Transaction& tx, int64_t person_id, int64_t delta, int64_t now);
// Adds `delta` to the (organization, person) total: the new value, or nullopt when it would
// become negative.
Result<std::optional<int64_t>> AddOrgPersonTotal(storage::Transaction& tx, int64_t organization_id, int64_t person_id,
                                                 int64_t delta);
Status AddPersonMonth(storage::Transaction& tx, int64_t organization_id, const std::string& org_path, int64_t person_id,
                      const std::string& month, int64_t delta);
Status AddTeamMonth(storage::Transaction& tx, int64_t team_id, const std::string& org_path, const std::string& month,
                    int64_t delta);

Result<int64_t> InsertHourReport(storage::Transaction& tx, const HourReport& r, int64_t now);
Result<std::optional<HourReport>> FindHourReport(storage::Transaction& tx, int64_t id, bool lock = false);
Status SaveReportDecision(storage::Transaction& tx, int64_t id, const std::string& status,
                          const std::optional<std::string>& reason, int64_t decided_by,
                          std::optional<int64_t> ledger_entry_id, int64_t now);
Result<std::vector<HourReport>> ListTeamReports(storage::Transaction& tx, int64_t team_id,
                                                const std::optional<std::string>& status, int64_t after_id, int limit);
Result<std::vector<HourReport>> ListPersonReports(storage::Transaction& tx, int64_t person_id, int limit);

// The hours rule of the deepest organization among `path_ids` with a setting (nullopt: none).
Result<std::optional<std::string>> FindHoursRule(storage::Transaction& tx, const std::vector<int64_t>& path_ids);
Result<std::optional<std::string>> OwnHoursRule(storage::Transaction& tx, int64_t organization_id);
Status SaveHoursRule(storage::Transaction& tx, int64_t organization_id, const std::string& rule, int64_t now);

struct RankRow {
  int64_t id = 0;  // person or team
  std::string name;
  int64_t minutes = 0;
  int64_t rank = 0;  // set by the use case
};
Result<std::vector<RankRow>> RankVolunteers(storage::Transaction& tx, const std::string& path, const std::string& from,
                                            const std::string& to, int offset, int limit);
Result<std::vector<RankRow>> RankTeams(storage::Transaction& tx, const std::string& path, const std::string& from,
                                       const std::string& to, int offset, int limit);
// How many volunteers (or teams) of the subtree have more than `minutes` in the period: the
// rank of one with exactly `minutes` is this + 1 (standard competition ranking).
Result<int64_t> CountRankedAbove(storage::Transaction& tx, bool teams, const std::string& path, const std::string& from,
                                 const std::string& to, int64_t minutes);
// Shifts with sessions whose hours are not confirmed yet, by the unconfirmed-attendance index.
struct AwaitingShift {
  Shift shift;
  std::string project_title;
  int64_t organization_id = 0;  // the project's
  std::optional<int64_t> team_id;
  std::optional<std::string> team_name;
  int64_t awaiting = 0;    // checked out, hours not confirmed yet
  int64_t checked_in = 0;  // checked in, not checked out yet
};
// Projects in any of the subtrees at `paths` or of any of `team_ids`.
struct AwaitingScope {
  std::vector<std::string> paths;
  std::vector<int64_t> team_ids;
};
// Newest shift first, ids below `before_shift_id` (0: from the start).
Result<std::vector<AwaitingShift>> ListAwaitingShifts(storage::Transaction& tx, const AwaitingScope& scope,
                                                      int64_t before_shift_id, int limit);
// Confirmed minutes per month in the subtree, months ascending.
Result<std::vector<std::pair<std::string, int64_t>>> MonthlyMinutes(storage::Transaction& tx, const std::string& path,
                                                                    const std::string& from, const std::string& to);

}  // namespace tianshan::volunteering
