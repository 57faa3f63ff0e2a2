#include "modules/volunteering/teams/team_repository.h"

#include "modules/volunteering/repository_support.h"
#include "storage/sql_text.h"

namespace tianshan::volunteering {
namespace {

constexpr const char* kTeamColumns =
    "id, organization_id, org_path, name, description, partner_name, status, created_at";
constexpr const char* kMemberColumns =
    "id, team_id, person_id, name, role, status, message, created_at, decision_reason";

Team ToTeam(const storage::Row& r) {
  Team t;
  t.id = r.Int("id");
  t.organization_id = r.Int("organization_id");
  t.org_path = r.Text("org_path");
  t.name = r.Text("name");
  t.description = r.OptText("description");
  t.partner_name = r.OptText("partner_name");
  t.status = r.Text("status");
  t.created_at = r.Int("created_at");
  return t;
}

TeamMember ToMember(const storage::Row& r) {
  TeamMember m;
  m.id = r.Int("id");
  m.team_id = r.Int("team_id");
  m.person_id = r.Int("person_id");
  m.name = r.Text("name");
  m.role = r.Text("role");
  m.status = r.Text("status");
  m.message = r.OptText("message");
  m.created_at = r.Int("created_at");
  m.decision_reason = r.OptText("decision_reason");
  return m;
}

// A team joined with one person's membership ("t" and "m" of the query below).
constexpr const char* kSelectPersonTeams =
    "SELECT t.id, t.organization_id, t.org_path, t.name, t.description, t.partner_name, t.status, t.created_at, "
    "m.id AS member_id, m.person_id, m.name AS member_name, m.role, m.status AS member_status, m.message, "
    "m.created_at AS member_created_at, m.decision_reason FROM volunteering_team_members m "
    "JOIN volunteering_teams t ON t.id = m.team_id ";

std::pair<Team, TeamMember> ToTeamAndMember(const storage::Row& r) {
  Team t = ToTeam(r);
  TeamMember m;
  m.id = r.Int("member_id");
  m.team_id = t.id;
  m.person_id = r.Int("person_id");
  m.name = r.Text("member_name");
  m.role = r.Text("role");
  m.status = r.Text("member_status");
  m.message = r.OptText("message");
  m.created_at = r.Int("member_created_at");
  m.decision_reason = r.OptText("decision_reason");
  return {std::move(t), std::move(m)};
}

std::string SelectTeams(const char* where) {
  return std::string("SELECT ") + kTeamColumns + " FROM volunteering_teams " + where;
}

std::string SelectMembers(const char* where) {
  return std::string("SELECT ") + kMemberColumns + " FROM volunteering_team_members " + where;
}

}  // namespace

Result<int64_t> InsertTeam(storage::Transaction& tx, const Team& t, int64_t now) {
  TS_ASSIGN_OR_RETURN(auto row,
                      tx.QueryOne("INSERT INTO volunteering_teams (organization_id, org_path, name, "
                                  "description, partner_name, status, created_at, updated_at) "
                                  "VALUES (?, ?, ?, ?, ?, 'active', ?, ?) RETURNING id",
                                  {t.organization_id, t.org_path, t.name, t.description, t.partner_name, now, now}));
  return row->Int(0);
}

Result<std::optional<Team>> FindTeam(storage::Transaction& tx, int64_t id) {
  return OneRow(tx.QueryOne(SelectTeams("WHERE id = ?"), {id}), ToTeam);
}

Result<std::optional<int64_t>> FindTeamByName(storage::Transaction& tx, int64_t organization_id,
                                              const std::string& name) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT id FROM volunteering_teams WHERE organization_id = ? AND name = ?",
                                            {organization_id, name}));
  if (!row) return std::optional<int64_t>();
  return std::optional<int64_t>(row->Int(0));
}

Result<std::vector<Team>> ListTeams(storage::Transaction& tx, const std::string& path, int64_t after_id, int limit) {
  return AllRows(tx.Query(SelectTeams("WHERE org_path >= ? AND org_path < ? AND id > ? ORDER BY id LIMIT ?"),
                          {path, storage::PrefixUpperBound(path), after_id, limit}),
                 ToTeam);
}

Result<std::optional<TeamMember>> FindMember(storage::Transaction& tx, int64_t team_id, int64_t person_id) {
  return OneRow(tx.QueryOne(SelectMembers("WHERE team_id = ? AND person_id = ?"), {team_id, person_id}), ToMember);
}

Result<std::optional<TeamMember>> FindMemberById(storage::Transaction& tx, int64_t id) {
  return OneRow(tx.QueryOne(SelectMembers("WHERE id = ?"), {id}), ToMember);
}

Result<int64_t> UpsertMember(storage::Transaction& tx, const TeamMember& m, int64_t now) {
  TS_ASSIGN_OR_RETURN(
      auto row,
      tx.QueryOne("INSERT INTO volunteering_team_members (team_id, person_id, name, role, status, message, "
                  "created_at, decided_at, decision_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL) "
                  "ON CONFLICT (team_id, person_id) DO UPDATE SET name = excluded.name, role = excluded.role, "
                  "status = excluded.status, message = excluded.message, created_at = excluded.created_at, "
                  "decided_at = excluded.decided_at, decision_reason = NULL RETURNING id",
                  {m.team_id, m.person_id, m.name, m.role, m.status, m.message, now,
                   m.status == "pending" ? storage::Param() : storage::Param(now)}));
  return row->Int(0);
}

Status SetMemberStatus(storage::Transaction& tx, int64_t id, const std::string& status,
                       const std::optional<std::string>& reason, int64_t now) {
  return tx
      .Execute("UPDATE volunteering_team_members SET status = ?, decision_reason = ?, decided_at = ? WHERE id = ?",
               {status, reason, now, id})
      .status();
}

Status UpdateTeamFields(storage::Transaction& tx, const Team& t, int64_t now) {
  return tx
      .Execute(
          "UPDATE volunteering_teams SET name = ?, description = ?, partner_name = ?, status = ?, updated_at = ? "
          "WHERE id = ?",
          {t.name, t.description, t.partner_name, t.status, now, t.id})
      .status();
}

Result<std::vector<std::pair<Team, TeamMember>>> ListPersonTeams(storage::Transaction& tx, int64_t person_id,
                                                                 int64_t after_team_id, int limit) {
  return AllRows(tx.Query(kSelectPersonTeams + std::string("WHERE m.person_id = ? AND m.status IN ('active', "
                                                           "'pending') AND t.id > ? ORDER BY t.id LIMIT ?"),
                          {person_id, after_team_id, limit}),
                 ToTeamAndMember);
}

Result<std::vector<TeamMember>> ListMembers(storage::Transaction& tx, int64_t team_id,
                                            const std::optional<std::string>& status) {
  if (status) {
    return AllRows(tx.Query(SelectMembers("WHERE team_id = ? AND status = ? ORDER BY role, id"), {team_id, *status}),
                   ToMember);
  }
  return AllRows(tx.Query(SelectMembers("WHERE team_id = ? ORDER BY role, id"), {team_id}), ToMember);
}

Result<std::vector<int64_t>> ListLedTeamIds(storage::Transaction& tx, int64_t person_id) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT team_id FROM volunteering_team_members WHERE person_id = ? AND "
                                          "status = 'active' AND role = 'leader' ORDER BY team_id",
                                          {person_id}));
  std::vector<int64_t> ids;
  for (const auto& r : rows) ids.push_back(r.Int(0));
  return ids;
}

Result<bool> IsActiveMember(storage::Transaction& tx, int64_t team_id, int64_t person_id, bool leaders_only) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT 1 FROM volunteering_team_members WHERE team_id = ? AND "
                                            "person_id = ? AND status = 'active' AND (? = 0 OR role = 'leader')",
                                            {team_id, person_id, leaders_only ? 1 : 0}));
  return row.has_value();
}

}  // namespace tianshan::volunteering
