#include "modules/volunteering/hours/decide_hour_report.h"

#include <set>

#include "modules/volunteering/hours/hours_repository.h"
#include "modules/volunteering/hours/report_hours.h"
#include "modules/volunteering/permissions.h"
#include "modules/volunteering/projects/project_repository.h"
#include "modules/volunteering/teams/team_repository.h"

namespace tianshan::volunteering {
namespace {

// A report the caller may decide now, with where its team sits.
struct Decidable {
  HourReport report;
  Team team;
  std::string team_path;
};

// Load → authorize → state: NotFound, Forbidden ("volunteer.own_report") or Conflict
// ("volunteer.not_pending").
Result<Decidable> LoadDecidable(storage::Transaction& tx, const AppContext& ctx, const Caller& caller,
                                int64_t report_id) {
  TS_ASSIGN_OR_RETURN(auto report, FindHourReport(tx, report_id, true));
  if (!report) return Status::NotFound("volunteer.report_not_found");
  TS_ASSIGN_OR_RETURN(auto team, FindTeam(tx, report->team_id));
  if (!team) return Status::NotFound("volunteer.report_not_found");
  TS_ASSIGN_OR_RETURN(auto team_org, FindOrganization(tx, ctx, team->organization_id));
  TS_ASSIGN_OR_RETURN(bool leader, ActorInTeam(tx, caller.actor, team->id, true));
  if (!CanApproveHours(caller.actor, team_org.path, leader)) return Status::NotFound("volunteer.report_not_found");
  if (caller.actor.person_id && *caller.actor.person_id == report->person_id) {
    return Status::Forbidden("volunteer.own_report");
  }
  if (report->status != "pending") return Status::Conflict("volunteer.not_pending");
  return Decidable{std::move(*report), std::move(*team), team_org.path};
}

// The "report" ledger entry of an approved report: credited to its project's organization,
// else its team's.
Result<LedgerEntry> CreditReport(storage::Transaction& tx, const AppContext& ctx, const Caller& caller,
                                 const Decidable& d) {
  const HourReport& report = d.report;
  LedgerEntry e;
  e.person_id = report.person_id;
  e.organization_id = d.team.organization_id;
  e.org_path = d.team_path;
  e.team_id = d.team.id;
  e.project_id = report.project_id;
  if (report.project_id) {
    TS_ASSIGN_OR_RETURN(auto project, FindProject(tx, *report.project_id));
    if (!project) return Status::Internal("error.internal").WithDetail("report project vanished");
    TS_ASSIGN_OR_RETURN(auto project_org, FindOrganization(tx, ctx, project->organization_id));
    e.organization_id = project->organization_id;
    e.org_path = project_org.path;
  }
  e.kind = "report";
  e.minutes = report.minutes;
  e.raw_minutes = report.minutes;
  e.worked_at = ChinaMidnight(report.worked_on);
  e.month = report.worked_on.substr(0, 7);
  e.reason = report.description;
  e.created_by = caller.actor.account_id;
  return AppendLedger(tx, ctx, e);
}

Result<HourReport> Apply(storage::Transaction& tx, const AppContext& ctx, const Caller& caller, Decidable d,
                         const Decision& decision) {
  HourReport report = d.report;
  if (decision.approve) {
    TS_ASSIGN_OR_RETURN(auto entry, CreditReport(tx, ctx, caller, d));
    report.ledger_entry_id = entry.id;
    report.status = "approved";
  } else {
    report.status = "rejected";
  }
  report.decision_reason = decision.reason;
  TS_RETURN_IF_ERROR(SaveReportDecision(tx, report.id, report.status, report.decision_reason, caller.actor.account_id,
                                        report.ledger_entry_id, ctx.clock.NowMillis()));
  TS_RETURN_IF_ERROR(
      ctx.audit.Record(tx, caller,
                       {.action = decision.approve ? "volunteer_hours.approve" : "volunteer_hours.reject",
                        .entity_type = "volunteer_hour_report",
                        .entity_id = report.id,
                        .organization_path = d.team_path,
                        .before_json = ReportAuditJson(d.report),
                        .after_json = ReportAuditJson(report)}));
  return report;
}

Status NeedsReason(const Decision& decision) {
  if (!decision.approve && !decision.reason) return Status::Invalid("reason", "volunteer.reason_required");
  return Status::Ok();
}

}  // namespace

Result<HourReport> DecideHourReport(const AppContext& ctx, const Caller& caller, int64_t report_id,
                                    const Decision& decision) {
  TS_RETURN_IF_ERROR(NeedsReason(decision));
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<HourReport> {
    TS_ASSIGN_OR_RETURN(auto d, LoadDecidable(tx, ctx, caller, report_id));
    return Apply(tx, ctx, caller, std::move(d), decision);
  });
}

Result<std::vector<HourReport>> DecideHourReports(const AppContext& ctx, const Caller& caller,
                                                  const std::vector<int64_t>& report_ids, const Decision& decision) {
  TS_RETURN_IF_ERROR(NeedsReason(decision));
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<std::vector<HourReport>> {
    std::vector<Decidable> all;
    std::vector<FieldError> errors;
    std::set<int64_t> seen;
    for (size_t i = 0; i < report_ids.size(); ++i) {
      const std::string field = "report_ids[" + std::to_string(i) + "]";
      if (!seen.insert(report_ids[i]).second) {
        errors.push_back({field, "field.duplicate", ""});
        continue;
      }
      auto d = LoadDecidable(tx, ctx, caller, report_ids[i]);
      if (d.ok()) {
        all.push_back(std::move(*d));
        continue;
      }
      const StatusCode code = d.status().code();
      if (code != StatusCode::kNotFound && code != StatusCode::kForbidden && code != StatusCode::kConflict) {
        return d.status();
      }
      errors.push_back({field, d.status().message(), ""});
    }
    if (!errors.empty()) return Status::Invalid(std::move(errors));
    std::vector<HourReport> out;
    for (auto& d : all) {
      TS_ASSIGN_OR_RETURN(auto report, Apply(tx, ctx, caller, std::move(d), decision));
      out.push_back(std::move(report));
    }
    return out;
  });
}

}  // namespace tianshan::volunteering
