#include "modules/volunteering/hours/confirm_hours.h"

#include <algorithm>

#include "modules/volunteering/public/hours_rule.h"
#include "modules/volunteering/signups/signup_repository.h"

namespace tianshan::volunteering {

Result<LedgerEntry> ConfirmSessionUnchecked(storage::Transaction& tx, const AppContext& ctx, const Project& project,
                                            const std::string& org_path, const Attendance& a, const std::string& rule,
                                            std::optional<int64_t> actor_account_id) {
  LedgerEntry e;
  e.person_id = a.person_id;
  e.organization_id = project.organization_id;
  e.org_path = org_path;
  e.project_id = project.id;
  e.team_id = project.team_id;
  e.shift_id = a.shift_id;
  e.kind = "session";
  int64_t millis = a.checked_out_at.value_or(a.checked_in_at) - a.checked_in_at;
  e.raw_minutes = millis / 60000;
  e.minutes = CreditedMinutes(rule, millis);
  e.hours_rule = rule;
  e.worked_at = a.checked_in_at;
  e.month = LedgerMonth(a.checked_in_at);
  e.created_by = actor_account_id;
  TS_ASSIGN_OR_RETURN(e, AppendLedger(tx, ctx, e));
  TS_RETURN_IF_ERROR(SetAttendanceLedger(tx, a.id, e.id, ctx.clock.NowMillis()));
  return e;
}

Result<std::vector<LedgerEntry>> ConfirmShiftHours(const AppContext& ctx, const Caller& caller, int64_t shift_id,
                                                   const std::vector<int64_t>& sign_up_ids) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<std::vector<LedgerEntry>> {
    TS_ASSIGN_OR_RETURN(auto access, LoadManagedShift(tx, ctx, caller.actor, shift_id, true));
    TS_ASSIGN_OR_RETURN(auto rule, EffectiveHoursRule(tx, access.project.path));
    TS_ASSIGN_OR_RETURN(auto sessions, ListShiftAttendance(tx, shift_id));
    std::vector<LedgerEntry> out;
    for (const auto& a : sessions) {
      if (a.ledger_entry_id || !a.checked_out_at) continue;
      if (!sign_up_ids.empty() && std::find(sign_up_ids.begin(), sign_up_ids.end(), a.signup_id) == sign_up_ids.end()) {
        continue;
      }
      TS_ASSIGN_OR_RETURN(auto e, ConfirmSessionUnchecked(tx, ctx, access.project.project, access.project.path, a, rule,
                                                          caller.actor.account_id));
      TS_RETURN_IF_ERROR(ctx.audit.Record(tx, caller,
                                          {.action = "volunteer_hours.confirm",
                                           .entity_type = "volunteer_ledger",
                                           .entity_id = e.id,
                                           .organization_path = access.project.path,
                                           .after_json = LedgerAuditJson(e)}));
      out.push_back(std::move(e));
    }
    return out;
  });
}

}  // namespace tianshan::volunteering
