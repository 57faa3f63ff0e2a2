#include "modules/volunteering/hours/report_hours.h"

#include "core/json.h"
#include "modules/volunteering/hours/hours_repository.h"
#include "modules/volunteering/permissions.h"
#include "modules/volunteering/person_lookup.h"
#include "modules/volunteering/projects/project_repository.h"
#include "modules/volunteering/signups/signup_repository.h"
#include "modules/volunteering/teams/team_repository.h"

namespace tianshan::volunteering {

std::string ReportAuditJson(const HourReport& r) {
  JsonOut out;
  out.StartObject()
      .Field("person_id", r.person_id)
      .Field("team_id", r.team_id)
      .Field("project_id", r.project_id)
      .Field("worked_on", r.worked_on)
      .Field("minutes", r.minutes)
      .Field("status", r.status)
      .Field("decision_reason", r.decision_reason)
      .EndObject();
  return out.Take();
}

Result<HourReport> ReportHours(const AppContext& ctx, const Caller& caller, const HourReportInput& input) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<HourReport> {
    TS_ASSIGN_OR_RETURN(auto person, OwnPerson(tx, ctx, caller.actor));
    TS_ASSIGN_OR_RETURN(auto found_team, FindTeam(tx, input.team_id));
    TS_ASSIGN_OR_RETURN(bool member, IsActiveMember(tx, input.team_id, person.id, false));
    if (!found_team || found_team->status != "active" || !member) {
      return Status::Invalid("team_id", "volunteer.not_team_member");
    }
    const Team team = *found_team;
    if (input.project_id) {
      TS_ASSIGN_OR_RETURN(auto project, FindProject(tx, *input.project_id));
      if (!project || project->team_id != input.team_id) {
        return Status::Invalid("project_id", "volunteer.project_not_of_team");
      }
    }
    if (input.worked_on > ChinaDate(ctx.clock.NowMillis())) {
      return Status::Invalid("worked_on", "volunteer.time_in_future");
    }
    int64_t now = ctx.clock.NowMillis();
    TS_RETURN_IF_ERROR(LockVolunteer(tx, person.id, person.name, now));
    HourReport r;
    r.person_id = person.id;
    r.account_id = caller.actor.account_id;
    r.team_id = input.team_id;
    r.project_id = input.project_id;
    r.worked_on = input.worked_on;
    r.minutes = input.minutes;
    r.description = input.description;
    r.status = "pending";
    r.created_at = now;
    r.name = person.name;
    TS_ASSIGN_OR_RETURN(r.id, InsertHourReport(tx, r, now));
    TS_RETURN_IF_ERROR(ctx.audit.Record(tx, caller,
                                        {.action = "volunteer_hours.report",
                                         .entity_type = "volunteer_hour_report",
                                         .entity_id = r.id,
                                         .organization_path = team.org_path,
                                         .after_json = ReportAuditJson(r)}));
    return r;
  });
}

}  // namespace tianshan::volunteering
