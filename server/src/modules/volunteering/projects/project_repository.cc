#include "modules/volunteering/projects/project_repository.h"

#include "modules/volunteering/teams/team_repository.h"
#include "storage/sql_text.h"

namespace tianshan::volunteering {
namespace {

constexpr const char* kProjectColumns =
    "id, organization_id, org_path, team_id, title, description, category, brand, location, venue_id, contact, "
    "visibility, status, created_at, updated_at";
constexpr const char* kShiftColumns =
    "id, project_id, starts_at, ends_at, capacity, confirmed, waitlisted, role, requirements, min_age, status";

Project ToProject(const storage::Row& r) {
  Project p;
  p.id = r.Int(0);
  p.organization_id = r.Int(1);
  p.org_path = r.Text(2);
  p.team_id = r.OptInt(3);
  p.fields.title = r.Text(4);
  p.fields.description = r.OptText(5);
  p.fields.category = r.Text(6);
  p.fields.brand = r.OptText(7);
  p.fields.location = r.OptText(8);
  p.fields.venue_id = r.OptInt(9);
  p.fields.contact = r.OptText(10);
  p.fields.visibility = r.Text(11);
  p.status = r.Text(12);
  p.created_at = r.Int(13);
  p.updated_at = r.Int(14);
  return p;
}

Shift ToShift(const storage::Row& r) {
  Shift s;
  s.id = r.Int(0);
  s.project_id = r.Int(1);
  s.starts_at = r.Int(2);
  s.ends_at = r.Int(3);
  s.capacity = static_cast<int>(r.Int(4));
  s.confirmed = static_cast<int>(r.Int(5));
  s.waitlisted = static_cast<int>(r.Int(6));
  s.role = r.OptText(7);
  s.requirements = r.OptText(8);
  if (!r.IsNull(9)) s.min_age = static_cast<int>(r.Int(9));
  s.status = r.Text(10);
  return s;
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
  TS_ASSIGN_OR_RETURN(
      auto row, tx.QueryOne(std::string("SELECT ") + kProjectColumns + " FROM volunteering_projects WHERE id = ?" +
                                std::string(ForUpdate(tx, lock)),
                            {id}));
  if (!row) return std::optional<Project>();
  return std::optional<Project>(ToProject(*row));
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
  std::string sql = std::string("SELECT ") + kProjectColumns + " FROM volunteering_projects WHERE id > ?";
  std::vector<storage::Param> params = {q.after_id};
  std::string upper;
  if (!q.path.empty()) {
    upper = storage::PrefixUpperBound(q.path);
    sql += " AND org_path >= ? AND org_path < ?";
    params.emplace_back(q.path);
    params.emplace_back(upper);
  }
  if (q.status) {
    sql += " AND status = ?";
    params.emplace_back(*q.status);
  }
  if (q.team_id) {
    sql += " AND team_id = ?";
    params.emplace_back(*q.team_id);
  }
  if (q.public_only) sql += " AND visibility = 'public' AND status IN ('recruiting', 'running', 'finished')";
  sql += " ORDER BY id LIMIT ?";
  params.emplace_back(q.limit);
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(sql, std::span<const storage::Param>(params)));
  std::vector<Project> out;
  for (const auto& r : rows) out.push_back(ToProject(r));
  return out;
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
  TS_ASSIGN_OR_RETURN(auto row,
                      tx.QueryOne(std::string("SELECT ") + kShiftColumns + " FROM volunteering_shifts WHERE id = ?" +
                                      std::string(ForUpdate(tx, lock)),
                                  {id}));
  if (!row) return std::optional<Shift>();
  return std::optional<Shift>(ToShift(*row));
}

Result<std::vector<Shift>> ListShifts(storage::Transaction& tx, int64_t project_id) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(std::string("SELECT ") + kShiftColumns +
                                              " FROM volunteering_shifts WHERE project_id = ? ORDER BY starts_at, id",
                                          {project_id}));
  std::vector<Shift> out;
  for (const auto& r : rows) out.push_back(ToShift(r));
  return out;
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

Result<std::optional<WaitlistPlace>> JoinWaitlist(storage::Transaction& tx, int64_t shift_id, int64_t now) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("UPDATE volunteering_shifts SET waitlisted = waitlisted + 1, "
                                            "waitlist_seq = waitlist_seq + 1, updated_at = ? "
                                            "WHERE id = ? AND status = 'open' RETURNING waitlist_seq, waitlisted",
                                            {now, shift_id}));
  if (!row) return std::optional<WaitlistPlace>();
  return std::optional<WaitlistPlace>(WaitlistPlace{row->Int(0), row->Int(1)});
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
