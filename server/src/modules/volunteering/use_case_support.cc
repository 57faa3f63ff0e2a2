#include "modules/volunteering/use_case_support.h"

#include "core/crypto.h"
#include "core/json.h"
#include "modules/organizations/public/counters.h"
#include "modules/organizations/public/organization.h"
#include "modules/volunteering/hours/hours_repository.h"
#include "modules/volunteering/permissions.h"
#include "modules/volunteering/projects/project_repository.h"
#include "modules/volunteering/public/hours_rule.h"
#include "modules/volunteering/teams/team_repository.h"

namespace tianshan::volunteering {

Result<auth::OrganizationRef> FindOrganization(storage::Transaction& tx, const AppContext& ctx, int64_t id) {
  if (ctx.organizations == nullptr) return Status::NotFound("volunteer.organization_unknown");
  TS_ASSIGN_OR_RETURN(auto ref, ctx.organizations->Find(tx, id));
  if (!ref) return Status::NotFound("volunteer.organization_unknown");
  return *ref;
}

Result<auth::OrganizationRef> FindOrganizationField(storage::Transaction& tx, const AppContext& ctx, int64_t id,
                                                    const char* field) {
  auto ref = FindOrganization(tx, ctx, id);
  if (!ref.ok() && ref.status().code() == StatusCode::kNotFound) {
    return Status::Invalid(field, "volunteer.organization_unknown");
  }
  return ref;
}

Result<bool> ActorInTeam(storage::Transaction& tx, const auth::Actor& actor, std::optional<int64_t> team_id,
                         bool leaders_only) {
  if (!team_id || !actor.person_id) return false;
  return IsActiveMember(tx, *team_id, *actor.person_id, leaders_only);
}

Result<ProjectAccess> LoadProject(storage::Transaction& tx, const AppContext& ctx, const auth::Actor* actor,
                                  int64_t project_id, bool lock) {
  TS_ASSIGN_OR_RETURN(auto project, FindProject(tx, project_id, lock));
  if (!project) return Status::NotFound("volunteer.project_not_found");
  ProjectAccess a;
  a.project = std::move(*project);
  TS_ASSIGN_OR_RETURN(auto ref, FindOrganization(tx, ctx, a.project.organization_id));
  a.path = ref.path;
  bool leader = false, member = false;
  if (actor) {
    TS_ASSIGN_OR_RETURN(leader, ActorInTeam(tx, *actor, a.project.team_id, true));
    TS_ASSIGN_OR_RETURN(member, ActorInTeam(tx, *actor, a.project.team_id, false));
    a.manager = CanManageProject(*actor, a.path, leader);
  }
  bool published = a.project.status != "draft";
  if (a.manager) {
    a.visible = true;
  } else if (published && a.project.fields.visibility == "public") {
    a.visible = true;
  } else if (published && actor) {
    a.visible = CanSeeMembersOnly(*actor, a.path, member);
  }
  if (!a.visible) return Status::NotFound("volunteer.project_not_found");
  return a;
}

Result<ProjectAccess> LoadManagedProject(storage::Transaction& tx, const AppContext& ctx, const auth::Actor& actor,
                                         int64_t project_id, bool lock) {
  TS_ASSIGN_OR_RETURN(auto a, LoadProject(tx, ctx, &actor, project_id, lock));
  if (!a.manager) return Status::Forbidden("volunteer.needs_manager");
  return a;
}

Result<ShiftAccess> LoadShift(storage::Transaction& tx, const AppContext& ctx, const auth::Actor* actor,
                              int64_t shift_id, bool lock) {
  TS_ASSIGN_OR_RETURN(auto shift, FindShift(tx, shift_id, lock));
  if (!shift) return Status::NotFound("volunteer.shift_not_found");
  auto project = LoadProject(tx, ctx, actor, shift->project_id);
  if (!project.ok()) {
    if (project.status().code() == StatusCode::kNotFound) return Status::NotFound("volunteer.shift_not_found");
    return project.status();
  }
  return ShiftAccess{std::move(*shift), std::move(*project)};
}

Result<ShiftAccess> LoadManagedShift(storage::Transaction& tx, const AppContext& ctx, const auth::Actor& actor,
                                     int64_t shift_id, bool lock) {
  TS_ASSIGN_OR_RETURN(auto a, LoadShift(tx, ctx, &actor, shift_id, lock));
  if (!a.project.manager) return Status::Forbidden("volunteer.needs_manager");
  return a;
}

Result<std::string> SigningKey(storage::Transaction& tx, const AppContext& ctx) {
  if (!ctx.settings.secret.empty()) return ctx.settings.secret;
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT secret FROM volunteering_keys WHERE purpose = 'checkin'"));
  if (row) return row->Text(0);
  TS_RETURN_IF_ERROR(
      tx.Execute("INSERT INTO volunteering_keys (purpose, secret, created_at) VALUES ('checkin', ?, ?) "
                 "ON CONFLICT (purpose) DO NOTHING",
                 {RandomToken(32), ctx.clock.NowMillis()}));
  TS_ASSIGN_OR_RETURN(row, tx.QueryOne("SELECT secret FROM volunteering_keys WHERE purpose = 'checkin'"));
  if (!row) return Status::Retry("signing key not visible yet");
  return row->Text(0);
}

Result<std::string> EffectiveHoursRule(storage::Transaction& tx, const std::string& path) {
  TS_ASSIGN_OR_RETURN(auto rule, FindHoursRule(tx, organizations::PathIds(path)));
  return rule.value_or(std::string(kDefaultHoursRule));
}

Result<LedgerEntry> AppendLedger(storage::Transaction& tx, const AppContext& ctx, LedgerEntry e) {
  int64_t now = ctx.clock.NowMillis();
  TS_ASSIGN_OR_RETURN(bool added, AddVolunteerTotal(tx, e.person_id, e.minutes, now));
  if (!added) return Status::Invalid("minutes", "volunteer.negative_total");
  TS_ASSIGN_OR_RETURN(auto at_org, AddOrgPersonTotal(tx, e.organization_id, e.person_id, e.minutes));
  if (!at_org) return Status::Invalid("minutes", "volunteer.negative_total");
  TS_ASSIGN_OR_RETURN(e.id, InsertLedgerEntry(tx, e, now));
  e.created_at = now;
  if (e.minutes == 0) return e;
  TS_RETURN_IF_ERROR(AddPersonMonth(tx, e.organization_id, e.org_path, e.person_id, e.month, e.minutes));
  if (e.team_id) TS_RETURN_IF_ERROR(AddTeamMonth(tx, *e.team_id, e.org_path, e.month, e.minutes));
  TS_RETURN_IF_ERROR(organizations::AdjustCounter(tx, e.organization_id, counter::kHoursMinutes, e.minutes));
  int64_t before = *at_org - e.minutes;
  if (before == 0 && *at_org > 0) {
    TS_RETURN_IF_ERROR(organizations::AdjustCounter(tx, e.organization_id, counter::kVolunteers, 1));
  } else if (before > 0 && *at_org == 0) {
    TS_RETURN_IF_ERROR(organizations::AdjustCounter(tx, e.organization_id, counter::kVolunteers, -1));
  }
  return e;
}

std::string LedgerAuditJson(const LedgerEntry& e) {
  JsonOut out;
  out.StartObject()
      .Field("person_id", e.person_id)
      .Field("organization_id", e.organization_id)
      .Field("project_id", e.project_id)
      .Field("kind", e.kind)
      .Field("minutes", e.minutes)
      .Field("worked_at", e.worked_at)
      .Field("reason", e.reason)
      .Field("reverses_id", e.reverses_id)
      .EndObject();
  return out.Take();
}

}  // namespace tianshan::volunteering
