#include "modules/volunteering/teams/team_repository.h"

#include "storage/sql_text.h"

namespace tianshan::volunteering {
namespace {

constexpr const char* kTeamColumns =
    "id, organization_id, org_path, name, description, partner_name, status, created_at";
constexpr const char* kMemberColumns = "id, team_id, person_id, name, role, status, message, created_at";

Team ToTeam(const storage::Row& r) {
  Team t;
  t.id = r.Int(0);
  t.organization_id = r.Int(1);
  t.org_path = r.Text(2);
  t.name = r.Text(3);
  t.description = r.OptText(4);
  t.partner_name = r.OptText(5);
  t.status = r.Text(6);
  t.created_at = r.Int(7);
  return t;
}

TeamMember ToMember(const storage::Row& r) {
  TeamMember m;
  m.id = r.Int(0);
  m.team_id = r.Int(1);
  m.person_id = r.Int(2);
  m.name = r.Text(3);
  m.role = r.Text(4);
  m.status = r.Text(5);
  m.message = r.OptText(6);
  m.created_at = r.Int(7);
  return m;
}

}  // namespace

std::string_view ForUpdate(const storage::Transaction& tx, bool lock) {
  return lock && tx.dialect() == storage::Dialect::kPostgres ? " FOR UPDATE" : "";
}

Result<int64_t> InsertTeam(storage::Transaction& tx, const Team& t, int64_t now) {
  TS_ASSIGN_OR_RETURN(auto row,
                      tx.QueryOne("INSERT INTO volunteering_teams (organization_id, org_path, name, "
                                  "description, partner_name, status, created_at, updated_at) "
                                  "VALUES (?, ?, ?, ?, ?, 'active', ?, ?) RETURNING id",
                                  {t.organization_id, t.org_path, t.name, t.description, t.partner_name, now, now}));
  return row->Int(0);
}

Result<std::optional<Team>> FindTeam(storage::Transaction& tx, int64_t id) {
  TS_ASSIGN_OR_RETURN(
      auto row, tx.QueryOne(std::string("SELECT ") + kTeamColumns + " FROM volunteering_teams WHERE id = ?", {id}));
  if (!row) return std::optional<Team>();
  return std::optional<Team>(ToTeam(*row));
}

Result<std::vector<Team>> ListTeams(storage::Transaction& tx, const std::string& path, int64_t after_id, int limit) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(std::string("SELECT ") + kTeamColumns +
                                              " FROM volunteering_teams WHERE org_path >= ? AND org_path < ? "
                                              "AND id > ? ORDER BY id LIMIT ?",
                                          {path, storage::PrefixUpperBound(path), after_id, limit}));
  std::vector<Team> out;
  for (const auto& r : rows) out.push_back(ToTeam(r));
  return out;
}

Result<std::optional<TeamMember>> FindMember(storage::Transaction& tx, int64_t team_id, int64_t person_id) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne(std::string("SELECT ") + kMemberColumns +
                                                " FROM volunteering_team_members WHERE team_id = ? AND person_id = ?",
                                            {team_id, person_id}));
  if (!row) return std::optional<TeamMember>();
  return std::optional<TeamMember>(ToMember(*row));
}

Result<std::optional<TeamMember>> FindMemberById(storage::Transaction& tx, int64_t id) {
  TS_ASSIGN_OR_RETURN(
      auto row,
      tx.QueryOne(std::string("SELECT ") + kMemberColumns + " FROM volunteering_team_members WHERE id = ?", {id}));
  if (!row) return std::optional<TeamMember>();
  return std::optional<TeamMember>(ToMember(*row));
}

Result<int64_t> UpsertMember(storage::Transaction& tx, const TeamMember& m, int64_t now) {
  TS_ASSIGN_OR_RETURN(
      auto row,
      tx.QueryOne("INSERT INTO volunteering_team_members (team_id, person_id, name, role, status, message, "
                  "created_at, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (team_id, person_id) DO "
                  "UPDATE SET name = excluded.name, role = excluded.role, status = excluded.status, "
                  "message = excluded.message, created_at = excluded.created_at, decided_at = excluded.decided_at "
                  "RETURNING id",
                  {m.team_id, m.person_id, m.name, m.role, m.status, m.message, now,
                   m.status == "pending" ? storage::Param() : storage::Param(now)}));
  return row->Int(0);
}

Status SetMemberStatus(storage::Transaction& tx, int64_t id, const std::string& status, int64_t now) {
  return tx.Execute("UPDATE volunteering_team_members SET status = ?, decided_at = ? WHERE id = ?", {status, now, id})
      .status();
}

Result<std::vector<TeamMember>> ListMembers(storage::Transaction& tx, int64_t team_id,
                                            const std::optional<std::string>& status) {
  std::string sql = std::string("SELECT ") + kMemberColumns + " FROM volunteering_team_members WHERE team_id = ?";
  if (status) sql += " AND status = ?";
  sql += " ORDER BY role, id";
  TS_ASSIGN_OR_RETURN(auto rows, status ? tx.Query(sql, {team_id, *status}) : tx.Query(sql, {team_id}));
  std::vector<TeamMember> out;
  for (const auto& r : rows) out.push_back(ToMember(r));
  return out;
}

Result<bool> IsActiveMember(storage::Transaction& tx, int64_t team_id, int64_t person_id, bool leaders_only) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT 1 FROM volunteering_team_members WHERE team_id = ? AND "
                                            "person_id = ? AND status = 'active' AND (? = 0 OR role = 'leader')",
                                            {team_id, person_id, leaders_only ? 1 : 0}));
  return row.has_value();
}

}  // namespace tianshan::volunteering
