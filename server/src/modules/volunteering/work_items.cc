#include "modules/volunteering/work_items.h"

namespace tianshan::volunteering {
namespace {

using auth::Role;

constexpr const char* kLedTeams =
    "SELECT team_id FROM volunteering_team_members WHERE person_id = ? AND status = 'active' AND role = 'leader'";

// Self-reports pending and checked-out sessions not yet in the ledger, of the teams and
// projects the caller manages (as committee_admin / branch_secretary) or leads.
Result<std::optional<int64_t>> CountHoursToConfirm(storage::Transaction& tx, const auth::Actor& actor, int64_t) {
  SubtreeFilter reports("t.org_path", GrantPaths(actor, {Role::kCommitteeAdmin, Role::kBranchSecretary}));
  SubtreeFilter sessions("p.org_path", GrantPaths(actor, {Role::kCommitteeAdmin, Role::kBranchSecretary}));
  const int64_t person = actor.person_id.value_or(0);
  if (reports.empty()) {
    TS_ASSIGN_OR_RETURN(auto leads, tx.QueryOne(std::string(kLedTeams) + " LIMIT 1", {person}));
    if (!leads) return std::optional<int64_t>();
  }
  std::vector<storage::Param> params;
  reports.AppendParams(params);
  params.emplace_back(person);
  sessions.AppendParams(params);
  params.emplace_back(person);
  const std::string sql =
      "SELECT (SELECT COUNT(*) FROM volunteering_hour_reports r JOIN volunteering_teams t ON t.id = r.team_id "
      "WHERE r.status = 'pending' AND ((" +
      reports.sql() + ") OR r.team_id IN (" + kLedTeams +
      "))) + (SELECT COUNT(*) FROM volunteering_attendance a JOIN volunteering_shifts s ON s.id = a.shift_id "
      "JOIN volunteering_projects p ON p.id = s.project_id WHERE a.checked_out_at IS NOT NULL AND "
      "a.ledger_entry_id IS NULL AND ((" +
      sessions.sql() + ") OR p.team_id IN (" + kLedTeams + "))) AS total";
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(sql, std::span<const storage::Param>(params)));
  return std::optional<int64_t>(rows.empty() ? 0 : rows[0].Int("total"));
}

// The caller's sign-ups (confirmed or on the waitlist) of shifts not yet over.
Result<std::optional<int64_t>> CountMyComingShifts(storage::Transaction& tx, const auth::Actor& actor, int64_t now) {
  if (!actor.person_id) return std::optional<int64_t>();
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT COUNT(*) FROM volunteering_signups WHERE person_id = ? AND "
                                            "status IN ('confirmed', 'waitlisted') AND ends_at > ?",
                                            {*actor.person_id, now}));
  return std::optional<int64_t>(row ? row->Int(0) : 0);
}

}  // namespace

std::vector<WorkItemDefinition> WorkItems() {
  return {
      {"volunteering.hours_to_confirm", "待确认的志愿时长", "Volunteer hours to confirm", "/app/volunteering/approvals",
       "volunteering.lead", CountHoursToConfirm},
      {"volunteering.my_shifts", "我报名的待参加服务", "My coming shifts", "/app/volunteering/my-shifts",
       "volunteering.volunteer", CountMyComingShifts},
  };
}

}  // namespace tianshan::volunteering
