#include "modules/volunteering/hours/correct_hours.h"

#include "modules/volunteering/hours/hours_repository.h"
#include "modules/volunteering/permissions.h"
#include "modules/volunteering/signups/signup_repository.h"

namespace tianshan::volunteering {

Result<std::vector<LedgerEntry>> CorrectLedgerEntry(const AppContext& ctx, const Caller& caller, int64_t entry_id,
                                                    std::optional<int64_t> new_minutes, const std::string& reason) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<std::vector<LedgerEntry>> {
    TS_ASSIGN_OR_RETURN(auto entry, FindLedgerEntry(tx, entry_id));
    if (!entry) return Status::NotFound("volunteer.entry_not_found");
    TS_ASSIGN_OR_RETURN(auto org, FindOrganization(tx, ctx, entry->organization_id));
    TS_ASSIGN_OR_RETURN(bool leader, ActorInTeam(tx, caller.actor, entry->team_id, true));
    if (!CanApproveHours(caller.actor, org.path, leader)) return Status::NotFound("volunteer.entry_not_found");
    if (entry->kind == "reversal") return Status::Conflict("volunteer.reversal_final");
    TS_ASSIGN_OR_RETURN(bool reversed, IsReversed(tx, entry_id));
    if (reversed) return Status::Conflict("volunteer.already_reversed");
    LedgerEntry reversal = *entry;
    reversal.kind = "reversal";
    reversal.minutes = -entry->minutes;
    reversal.raw_minutes.reset();
    reversal.reason = reason;
    reversal.reverses_id = entry->id;
    reversal.created_by = caller.actor.account_id;
    std::vector<LedgerEntry> out;
    TS_ASSIGN_OR_RETURN(reversal, AppendLedger(tx, ctx, reversal));
    TS_RETURN_IF_ERROR(ctx.audit.Record(tx, caller,
                                        {.action = "volunteer_hours.reverse",
                                         .entity_type = "volunteer_ledger",
                                         .entity_id = reversal.id,
                                         .organization_path = org.path,
                                         .before_json = LedgerAuditJson(*entry),
                                         .after_json = LedgerAuditJson(reversal)}));
    out.push_back(reversal);
    if (new_minutes) {
      LedgerEntry correction = *entry;
      correction.kind = "correction";
      correction.minutes = *new_minutes;
      correction.raw_minutes.reset();
      correction.reason = reason;
      correction.reverses_id.reset();
      correction.created_by = caller.actor.account_id;
      TS_ASSIGN_OR_RETURN(correction, AppendLedger(tx, ctx, correction));
      TS_RETURN_IF_ERROR(ctx.audit.Record(tx, caller,
                                          {.action = "volunteer_hours.correct",
                                           .entity_type = "volunteer_ledger",
                                           .entity_id = correction.id,
                                           .organization_path = org.path,
                                           .before_json = LedgerAuditJson(*entry),
                                           .after_json = LedgerAuditJson(correction)}));
      out.push_back(correction);
    }
    return out;
  });
}

Result<LedgerEntry> AdjustHours(const AppContext& ctx, const Caller& caller, const AdjustmentInput& input) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<LedgerEntry> {
    auto access = LoadManagedProject(tx, ctx, caller.actor, input.project_id);
    if (!access.ok()) {
      if (access.status().code() == StatusCode::kNotFound) {
        return Status::Invalid("project_id", "volunteer.project_not_found");
      }
      return access.status();
    }
    TS_ASSIGN_OR_RETURN(auto name, VolunteerName(tx, input.person_id));
    if (!name) return Status::Invalid("person_id", "volunteer.not_a_volunteer");
    LedgerEntry e;
    e.person_id = input.person_id;
    e.organization_id = access->project.organization_id;
    e.org_path = access->path;
    e.project_id = access->project.id;
    e.team_id = access->project.team_id;
    e.kind = "adjustment";
    e.minutes = input.minutes;
    e.worked_at = ChinaMidnight(input.worked_on);
    e.month = input.worked_on.substr(0, 7);
    e.reason = input.reason;
    e.created_by = caller.actor.account_id;
    TS_ASSIGN_OR_RETURN(e, AppendLedger(tx, ctx, e));
    TS_RETURN_IF_ERROR(ctx.audit.Record(tx, caller,
                                        {.action = "volunteer_hours.adjust",
                                         .entity_type = "volunteer_ledger",
                                         .entity_id = e.id,
                                         .organization_path = access->path,
                                         .after_json = LedgerAuditJson(e)}));
    return e;
  });
}

}  // namespace tianshan::volunteering
