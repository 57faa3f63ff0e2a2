#include "modules/volunteering/projects/project_repository.h"

#include "modules/volunteering/repository_support.h"
#include "storage/sql_text.h"

namespace tianshan::volunteering {
namespace {

// Projects with their team's name: "p" is the project, "t" its team.
constexpr const char* kSelectProjects =
    "SELECT p.id, p.organization_id, p.org_path, p.team_id, p.title, p.description, p.category, p.brand, "
    "p.location, p.venue_id, p.contact, p.visibility, p.status, p.created_at, p.updated_at, t.name AS team_name "
    "FROM volunteering_projects p LEFT JOIN volunteering_teams t ON t.id = p.team_id ";
constexpr const char* kShiftColumns =
    "id, project_id, starts_at, ends_at, capacity, confirmed, waitlisted, role, requirements, min_age, status";

Project ToProject(const storage::Row& r) {
  Project p;
  p.id = r.Int("id");
  p.organization_id = r.Int("organization_id");
  p.org_path = r.Text("org_path");
  p.team_id = r.OptInt("team_id");
  p.fields.title = r.Text("title");
  p.fields.description = r.OptText("description");
  p.fields.category = r.Text("category");
  p.fields.brand = r.OptText("brand");
  p.fields.location = r.OptText("location");
  p.fields.venue_id = r.OptInt("venue_id");
  p.fields.contact = r.OptText("contact");
  p.fields.visibility = r.Text("visibility");
  p.status = r.Text("status");
  p.created_at = r.Int("created_at");
  p.updated_at = r.Int("updated_at");
  p.team_name = r.OptText("team_name");
  return p;
}

}  // namespace

Shift ShiftFromRow(const storage::Row& r) {
  Shift s;
  s.id = r.Int("id");
  s.project_id = r.Int("project_id");
  s.starts_at = r.Int("starts_at");
  s.ends_at = r.Int("ends_at");
  s.capacity = static_cast<int>(r.Int("capacity"));
  s.confirmed = static_cast<int>(r.Int("confirmed"));
  s.waitlisted = static_cast<int>(r.Int("waitlisted"));
  s.role = r.OptText("role");
  s.requirements = r.OptText("requirements");
  if (auto age = r.OptInt("min_age")) s.min_age = static_cast<int>(*age);
  s.status = r.Text("status");
  return s;
}

namespace {

std::string SelectShifts(const std::string& where) {
  return std::string("SELECT ") + kShiftColumns + " FROM volunteering_shifts " + where;
}

}  // namespace

Result<int64_t> InsertProject(storage::Transaction& tx, const Project& p, int64_t now) {
  const auto& f = p.fields;
  TS_ASSIGN_OR_RETURN(
      auto row, tx.QueryOne("INSERT INTO volunteering_projects (organization_id, org_path, team_id, title, "
                            "description, category, brand, location, venue_id, contact, visibility, status, "
                            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                            {p.organization_id, p.org_path, p.team_id, f.title, f.description, f.category, f.brand,
                             f.location, f.venue_id, f.contact, f.visibility, p.status, now, now}));
  return row->Int(0);
}

Result<std::optional<Project>> FindProject(storage::Transaction& tx, int64_t id, bool lock) {
  return OneRow(tx.QueryOne(kSelectProjects + std::string("WHERE p.id = ?") + ForUpdate(tx, lock, "p"), {id}),
                ToProject);
}

Status UpdateProjectFields(storage::Transaction& tx, int64_t id, const ProjectFields& f, int64_t now) {
  return tx
      .Execute(
          "UPDATE volunteering_projects SET title = ?, description = ?, category = ?, brand = ?, location = ?, "
          "venue_id = ?, contact = ?, visibility = ?, updated_at = ? WHERE id = ?",
          {f.title, f.description, f.category, f.brand, f.location, f.venue_id, f.contact, f.visibility, now, id})
      .status();
}

Status SetProjectStatus(storage::Transaction& tx, int64_t id, const std::string& status, int64_t now) {
  return tx.Execute("UPDATE volunteering_projects SET status = ?, updated_at = ? WHERE id = ?", {status, now, id})
      .status();
}

Result<std::vector<Project>> ListProjects(storage::Transaction& tx, const ProjectQuery& q) {
  std::string sql = kSelectProjects + std::string("WHERE p.id > ?");
  std::vector<storage::Param> params = {q.after_id};
  std::string upper;
  if (!q.path.empty()) {
    upper = storage::PrefixUpperBound(q.path);
    sql += " AND p.org_path >= ? AND p.org_path < ?";
    params.emplace_back(q.path);
    params.emplace_back(upper);
  }
  if (q.status) {
    sql += " AND p.status = ?";
    params.emplace_back(*q.status);
  }
  if (q.team_id) {
    sql += " AND p.team_id = ?";
    params.emplace_back(*q.team_id);
  }
  if (q.public_only) sql += " AND p.visibility = 'public' AND p.status IN ('recruiting', 'running', 'finished')";
  sql += " ORDER BY p.id LIMIT ?";
  params.emplace_back(q.limit);
  return AllRows(tx.Query(sql, std::span<const storage::Param>(params)), ToProject);
}

Result<int64_t> InsertShift(storage::Transaction& tx, const Shift& s, int64_t now) {
  TS_ASSIGN_OR_RETURN(auto row,
                      tx.QueryOne("INSERT INTO volunteering_shifts (project_id, starts_at, ends_at, capacity, role, "
                                  "requirements, min_age, status, created_at, updated_at) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?) RETURNING id",
                                  {s.project_id, s.starts_at, s.ends_at, s.capacity, s.role, s.requirements,
                                   s.min_age ? storage::Param(*s.min_age) : storage::Param(), now, now}));
  return row->Int(0);
}

Result<std::optional<Shift>> FindShift(storage::Transaction& tx, int64_t id, bool lock) {
  return OneRow(tx.QueryOne(SelectShifts("WHERE id = ?" + ForUpdate(tx, lock)), {id}), ShiftFromRow);
}

Result<std::vector<Shift>> ListShifts(storage::Transaction& tx, int64_t project_id) {
  return AllRows(tx.Query(SelectShifts("WHERE project_id = ? ORDER BY starts_at, id"), {project_id}), ShiftFromRow);
}

Status UpdateShiftFields(storage::Transaction& tx, const Shift& s, int64_t now) {
  return tx
      .Execute(
          "UPDATE volunteering_shifts SET starts_at = ?, ends_at = ?, capacity = ?, role = ?, requirements = ?, "
          "min_age = ?, updated_at = ? WHERE id = ?",
          {s.starts_at, s.ends_at, s.capacity, s.role, s.requirements,
           s.min_age ? storage::Param(*s.min_age) : storage::Param(), now, s.id})
      .status();
}

Status MarkShiftCancelled(storage::Transaction& tx, int64_t id, int64_t now) {
  return tx
      .Execute(
          "UPDATE volunteering_shifts SET status = 'cancelled', confirmed = 0, waitlisted = 0, updated_at = ? "
          "WHERE id = ?",
          {now, id})
      .status();
}

Result<bool> TakeSeat(storage::Transaction& tx, int64_t shift_id, int64_t now) {
  TS_ASSIGN_OR_RETURN(int64_t n, tx.Execute("UPDATE volunteering_shifts SET confirmed = confirmed + 1, updated_at = ? "
                                            "WHERE id = ? AND status = 'open' AND confirmed < capacity",
                                            {now, shift_id}));
  return n == 1;
}

Result<std::optional<OpenSeats>> FindOpenSeats(storage::Transaction& tx, int64_t shift_id) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT confirmed < capacity AS free, waitlist_seq, waitlisted "
                                            "FROM volunteering_shifts WHERE id = ? AND status = 'open'",
                                            {shift_id}));
  if (!row) return std::optional<OpenSeats>();
  return std::optional<OpenSeats>(OpenSeats{row->Int("free") != 0, row->Int("waitlist_seq"), row->Int("waitlisted")});
}

Result<std::optional<WaitlistPlace>> AppendToWaitlist(storage::Transaction& tx, int64_t shift_id, const OpenSeats& seen,
                                                      int64_t now) {
  // No RETURNING: SQLite collects RETURNING rows in a temporary table opened on every execution.
  TS_ASSIGN_OR_RETURN(int64_t n, tx.Execute("UPDATE volunteering_shifts SET waitlisted = waitlisted + 1, "
                                            "waitlist_seq = waitlist_seq + 1, updated_at = ? "
                                            "WHERE id = ? AND status = 'open' AND waitlist_seq = ?",
                                            {now, shift_id, seen.waitlist_seq}));
  if (n != 1) return std::optional<WaitlistPlace>();
  return std::optional<WaitlistPlace>(WaitlistPlace{seen.waitlist_seq + 1, seen.waitlisted + 1});
}

Status MoveSeats(storage::Transaction& tx, int64_t shift_id, int d_confirmed, int d_waitlisted, int64_t now) {
  return tx
      .Execute(
          "UPDATE volunteering_shifts SET confirmed = confirmed + ?, waitlisted = waitlisted + ?, "
          "updated_at = ? WHERE id = ?",
          {d_confirmed, d_waitlisted, now, shift_id})
      .status();
}

}  // namespace tianshan::volunteering
