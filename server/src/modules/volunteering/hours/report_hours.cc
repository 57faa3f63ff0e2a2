#include "modules/volunteering/hours/report_hours.h"

#include "core/json.h"
#include "modules/volunteering/hours/hours_repository.h"
#include "modules/volunteering/permissions.h"
#include "modules/volunteering/person_lookup.h"
#include "modules/volunteering/projects/project_repository.h"
#include "modules/volunteering/signups/signup_repository.h"
#include "modules/volunteering/teams/team_repository.h"

namespace tianshan::volunteering {
namespace {

std::string ReportJson(const HourReport& r) {
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

}  // namespace

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
                                         .after_json = ReportJson(r)}));
    return r;
  });
}

Result<HourReport> DecideHourReport(const AppContext& ctx, const Caller& caller, int64_t report_id,
                                    const Decision& decision) {
  const bool approve = decision.approve;
  const std::optional<std::string>& reason = decision.reason;
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<HourReport> {
    TS_ASSIGN_OR_RETURN(auto report, FindHourReport(tx, report_id, true));
    if (!report) return Status::NotFound("volunteer.report_not_found");
    TS_ASSIGN_OR_RETURN(auto found_team, FindTeam(tx, report->team_id));
    if (!found_team) return Status::NotFound("volunteer.report_not_found");
    const Team team = *found_team;
    TS_ASSIGN_OR_RETURN(auto team_org, FindOrganization(tx, ctx, team.organization_id));
    TS_ASSIGN_OR_RETURN(bool leader, ActorInTeam(tx, caller.actor, team.id, true));
    if (!CanApproveHours(caller.actor, team_org.path, leader)) return Status::NotFound("volunteer.report_not_found");
    if (caller.actor.person_id && *caller.actor.person_id == report->person_id) {
      return Status::Forbidden("volunteer.own_report");
    }
    if (report->status != "pending") return Status::Conflict("volunteer.not_pending");
    HourReport before = *report;
    int64_t now = ctx.clock.NowMillis();
    if (approve) {
      LedgerEntry e;
      e.person_id = report->person_id;
      e.organization_id = team.organization_id;
      e.org_path = team_org.path;
      e.team_id = team.id;
      e.project_id = report->project_id;
      if (report->project_id) {
        TS_ASSIGN_OR_RETURN(auto project, FindProject(tx, *report->project_id));
        if (!project) return Status::Internal("error.internal").WithDetail("report project vanished");
        TS_ASSIGN_OR_RETURN(auto project_org, FindOrganization(tx, ctx, project->organization_id));
        e.organization_id = project->organization_id;
        e.org_path = project_org.path;
      }
      e.kind = "report";
      e.minutes = report->minutes;
      e.raw_minutes = report->minutes;
      e.worked_at = ChinaMidnight(report->worked_on);
      e.month = report->worked_on.substr(0, 7);
      e.reason = report->description;
      e.created_by = caller.actor.account_id;
      TS_ASSIGN_OR_RETURN(e, AppendLedger(tx, ctx, e));
      report->ledger_entry_id = e.id;
      report->status = "approved";
    } else {
      report->status = "rejected";
    }
    report->decision_reason = reason;
    TS_RETURN_IF_ERROR(SaveReportDecision(tx, report->id, report->status, reason, caller.actor.account_id,
                                          report->ledger_entry_id, now));
    TS_RETURN_IF_ERROR(ctx.audit.Record(tx, caller,
                                        {.action = approve ? "volunteer_hours.approve" : "volunteer_hours.reject",
                                         .entity_type = "volunteer_hour_report",
                                         .entity_id = report->id,
                                         .organization_path = team_org.path,
                                         .before_json = ReportJson(before),
                                         .after_json = ReportJson(*report)}));
    return *report;
  });
}

}  // namespace tianshan::volunteering
