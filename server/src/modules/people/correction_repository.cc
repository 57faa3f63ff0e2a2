#include "modules/people/correction_repository.h"

#include "modules/people/person_repository.h"
#include "storage/sql_text.h"

namespace tianshan::people {
namespace {

constexpr const char* kColumns =
    "id, person_id, org_path, old_name, new_name, old_identity_number, new_identity_number, reason, status, "
    "decision_reason, requested_by, decided_by, created_at, decided_at";

Correction ReadCorrection(const storage::Row& r) {
  Correction c;
  c.id = r.Int("id");
  c.person_id = r.Int("person_id");
  c.org_path = r.Text("org_path");
  c.old_name = r.Text("old_name");
  c.new_name = r.OptText("new_name");
  c.old_identity_number = r.OptText("old_identity_number");
  c.new_identity_number = r.OptText("new_identity_number");
  c.reason = r.Text("reason");
  c.status = r.Text("status");
  c.decision_reason = r.OptText("decision_reason");
  c.requested_by = r.Int("requested_by");
  c.decided_by = r.OptInt("decided_by");
  c.created_at = r.Int("created_at");
  c.decided_at = r.OptInt("decided_at");
  return c;
}

}  // namespace

Result<int64_t> InsertCorrection(storage::Transaction& tx, const Correction& c) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query("INSERT INTO people_corrections (person_id, org_path, old_name, new_name, "
                                          "old_identity_number, new_identity_number, reason, status, requested_by, "
                                          "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?) RETURNING id",
                                          {c.person_id, c.org_path, c.old_name, c.new_name, c.old_identity_number,
                                           c.new_identity_number, c.reason, c.requested_by, c.created_at}));
  if (rows.empty()) return Status::Internal("error.internal").WithDetail("INSERT RETURNING gave no row");
  return rows[0].Int("id");
}

Result<std::optional<Correction>> FindCorrection(storage::Transaction& tx, int64_t id, bool for_update) {
  TS_ASSIGN_OR_RETURN(auto row,
                      tx.QueryOne(std::string("SELECT ") + kColumns + " FROM people_corrections WHERE id = ?" +
                                      std::string(ForUpdate(tx, for_update)),
                                  {id}));
  if (!row) return std::optional<Correction>();
  return std::optional<Correction>(ReadCorrection(*row));
}

Result<bool> HasPendingCorrection(storage::Transaction& tx, int64_t person_id) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT 1 FROM people_corrections WHERE person_id = ? AND "
                                            "status = 'pending'",
                                            {person_id}));
  return row.has_value();
}

Result<PendingChanges> FindPendingChanges(storage::Transaction& tx, int64_t person_id) {
  TS_ASSIGN_OR_RETURN(auto row,
                      tx.QueryOne("SELECT EXISTS (SELECT 1 FROM people_corrections WHERE person_id = ? AND "
                                  "status = 'pending') AS correction, EXISTS (SELECT 1 FROM people_transfers WHERE "
                                  "person_id = ? AND status = 'pending') AS transfer",
                                  {person_id, person_id}));
  if (!row) return PendingChanges{};
  return PendingChanges{row->Bool("correction"), row->Bool("transfer")};
}

Status DecideCorrection(storage::Transaction& tx, int64_t id, std::string_view status,
                        const std::optional<std::string>& reason, int64_t decided_by, int64_t now) {
  TS_ASSIGN_OR_RETURN(int64_t n, tx.Execute("UPDATE people_corrections SET status = ?, decision_reason = ?, "
                                            "decided_by = ?, decided_at = ? WHERE id = ? AND status = 'pending'",
                                            {status, reason, decided_by, now, id}));
  if (n != 1) return Status::Conflict("people.correction_not_pending");
  return Status::Ok();
}

Result<std::vector<Correction>> ListCorrections(storage::Transaction& tx, const std::string& path,
                                                const std::string& status, std::optional<int64_t> after_id, int limit) {
  TS_ASSIGN_OR_RETURN(auto rows,
                      tx.Query(std::string("SELECT ") + kColumns +
                                   " FROM people_corrections WHERE status = ? AND org_path >= ? AND "
                                   "org_path < ? AND id > ? ORDER BY id LIMIT ?",
                               {status, path, storage::PrefixUpperBound(path), after_id.value_or(0), limit + 1}));
  std::vector<Correction> out;
  for (const auto& r : rows) out.push_back(ReadCorrection(r));
  return out;
}

}  // namespace tianshan::people
