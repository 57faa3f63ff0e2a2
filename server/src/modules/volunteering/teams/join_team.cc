#include "modules/volunteering/teams/join_team.h"

#include "core/json.h"
#include "modules/volunteering/permissions.h"
#include "modules/volunteering/person_lookup.h"
#include "modules/volunteering/teams/team_repository.h"

namespace tianshan::volunteering {
namespace {

std::string MemberJson(const TeamMember& m) {
  JsonOut out;
  out.StartObject()
      .Field("team_id", m.team_id)
      .Field("person_id", m.person_id)
      .Field("role", m.role)
      .Field("status", m.status)
      .Field("decision_reason", m.decision_reason)
      .EndObject();
  return out.Take();
}

Result<Team> LoadTeam(storage::Transaction& tx, int64_t team_id) {
  TS_ASSIGN_OR_RETURN(auto team, FindTeam(tx, team_id));
  if (!team) return Status::NotFound("volunteer.team_not_found");
  return *team;
}

}  // namespace

Result<TeamMember> ApplyToTeam(const AppContext& ctx, const Caller& caller, int64_t team_id,
                               const std::optional<std::string>& message) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<TeamMember> {
    TS_ASSIGN_OR_RETURN(auto team, LoadTeam(tx, team_id));
    if (team.status != "active") return Status::Conflict("volunteer.team_archived");
    TS_ASSIGN_OR_RETURN(auto person, OwnPerson(tx, ctx, caller.actor));
    TS_ASSIGN_OR_RETURN(auto existing, FindMember(tx, team_id, person.id));
    if (existing && (existing->status == "active" || existing->status == "pending")) {
      return Status::Conflict("volunteer.already_applied");
    }
    int64_t now = ctx.clock.NowMillis();
    TeamMember m{0, team_id, person.id, person.name, "member", "pending", message, now};
    TS_ASSIGN_OR_RETURN(m.id, UpsertMember(tx, m, now));
    TS_RETURN_IF_ERROR(ctx.audit.Record(tx, caller,
                                        {.action = "volunteer_team.apply",
                                         .entity_type = "volunteer_team_member",
                                         .entity_id = m.id,
                                         .organization_path = team.org_path,
                                         .before_json = existing ? MemberJson(*existing) : "",
                                         .after_json = MemberJson(m)}));
    return m;
  });
}

Result<TeamMember> DecideTeamApplication(const AppContext& ctx, const Caller& caller, int64_t team_id,
                                         int64_t member_id, const Decision& decision) {
  const bool approve = decision.approve;
  if (!approve && !decision.reason) return Status::Invalid("reason", "volunteer.reason_required");
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<TeamMember> {
    TS_ASSIGN_OR_RETURN(auto team, LoadTeam(tx, team_id));
    TS_ASSIGN_OR_RETURN(auto member, FindMemberById(tx, member_id));
    if (!member || member->team_id != team_id) return Status::NotFound("volunteer.member_not_found");
    TS_ASSIGN_OR_RETURN(auto org, FindOrganization(tx, ctx, team.organization_id));
    TS_ASSIGN_OR_RETURN(bool leader, ActorInTeam(tx, caller.actor, team_id, true));
    if (!CanDecideMembers(caller.actor, org.path, leader)) return Status::Forbidden("volunteer.needs_manager");
    if (member->status != "pending") return Status::Conflict("volunteer.not_pending");
    TeamMember before = *member;
    member->status = approve ? "active" : "rejected";
    if (!approve) member->decision_reason = decision.reason;
    TS_RETURN_IF_ERROR(SetMemberStatus(tx, member->id, member->status, member->decision_reason, ctx.clock.NowMillis()));
    TS_RETURN_IF_ERROR(ctx.audit.Record(tx, caller,
                                        {.action = approve ? "volunteer_team.approve" : "volunteer_team.reject",
                                         .entity_type = "volunteer_team_member",
                                         .entity_id = member->id,
                                         .organization_path = org.path,
                                         .before_json = MemberJson(before),
                                         .after_json = MemberJson(*member)}));
    return *member;
  });
}

Result<TeamMember> AddTeamLeader(const AppContext& ctx, const Caller& caller, int64_t team_id, int64_t person_id) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<TeamMember> {
    TS_ASSIGN_OR_RETURN(auto team, LoadTeam(tx, team_id));
    TS_ASSIGN_OR_RETURN(auto org, FindOrganization(tx, ctx, team.organization_id));
    if (!CanManageTeams(caller.actor, org.path)) return Status::Forbidden("volunteer.needs_manager");
    auto person = FindPersonFor(tx, ctx, caller.actor, person_id);
    if (!person.ok()) {
      if (person.status().code() == StatusCode::kNotFound) {
        return Status::Invalid("person_id", "volunteer.person_unknown");
      }
      return person.status();
    }
    int64_t now = ctx.clock.NowMillis();
    TeamMember m{0, team_id, person->id, person->name, "leader", "active", std::nullopt, now};
    TS_ASSIGN_OR_RETURN(m.id, UpsertMember(tx, m, now));
    TS_RETURN_IF_ERROR(ctx.audit.Record(tx, caller,
                                        {.action = "volunteer_team.add_leader",
                                         .entity_type = "volunteer_team_member",
                                         .entity_id = m.id,
                                         .organization_path = org.path,
                                         .after_json = MemberJson(m)}));
    return m;
  });
}

}  // namespace tianshan::volunteering
