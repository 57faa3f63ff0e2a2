#include "modules/volunteering/teams/create_team.h"

#include "modules/volunteering/permissions.h"
#include "modules/volunteering/person_lookup.h"
#include "modules/volunteering/teams/team_repository.h"
#include "modules/volunteering/volunteering_json.h"

namespace tianshan::volunteering {

std::string TeamAuditJson(const Team& t) {
  return JsonText([&](JsonOut& out) { WriteTeam(out, t); });
}

Result<Team> CreateTeamUnchecked(storage::Transaction& tx, const AppContext& ctx, const CreateTeamInput& input,
                                 const std::vector<std::pair<int64_t, std::string>>& leaders) {
  TS_ASSIGN_OR_RETURN(auto org, FindOrganizationField(tx, ctx, input.organization_id, "organization_id"));
  TS_ASSIGN_OR_RETURN(auto dup, FindTeamByName(tx, input.organization_id, input.name));
  if (dup) return Status::Conflict("volunteer.team_name_taken").WithParam(input.name);
  int64_t now = ctx.clock.NowMillis();
  Team t;
  t.organization_id = org.id;
  t.org_path = org.path;
  t.name = input.name;
  t.description = input.description;
  t.partner_name = input.partner_name;
  t.created_at = now;
  TS_ASSIGN_OR_RETURN(t.id, InsertTeam(tx, t, now));
  for (const auto& [person_id, name] : leaders) {
    TeamMember m{0, t.id, person_id, name, "leader", "active", std::nullopt, now};
    TS_RETURN_IF_ERROR(UpsertMember(tx, m, now));
  }
  return t;
}

Result<TeamView> CreateTeam(const AppContext& ctx, const Caller& caller, const CreateTeamInput& input) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<TeamView> {
    TS_ASSIGN_OR_RETURN(auto org, FindOrganizationField(tx, ctx, input.organization_id, "organization_id"));
    if (!CanManageTeams(caller.actor, org.path)) return Status::Forbidden("volunteer.needs_manager");
    std::vector<std::pair<int64_t, std::string>> leaders;
    std::vector<FieldError> errors;
    for (size_t i = 0; i < input.leader_person_ids.size(); ++i) {
      auto person = FindPersonFor(tx, ctx, caller.actor, input.leader_person_ids[i]);
      if (!person.ok()) {
        if (person.status().code() != StatusCode::kNotFound) return person.status();
        errors.push_back({"leader_person_ids[" + std::to_string(i) + "]", "volunteer.person_unknown", ""});
        continue;
      }
      leaders.emplace_back(person->id, person->name);
    }
    if (!errors.empty()) return Status::Invalid(std::move(errors));
    TS_ASSIGN_OR_RETURN(auto team, CreateTeamUnchecked(tx, ctx, input, leaders));
    TS_RETURN_IF_ERROR(ctx.audit.Record(tx, caller,
                                        {.action = "volunteer_team.create",
                                         .entity_type = "volunteer_team",
                                         .entity_id = team.id,
                                         .organization_path = team.org_path,
                                         .after_json = TeamAuditJson(team)}));
    return ViewTeam(tx, ctx, &caller.actor, std::move(team));
  });
}

}  // namespace tianshan::volunteering
