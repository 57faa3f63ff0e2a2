#include "modules/people/transfer_repository.h"

#include <limits>

#include "modules/people/person_repository.h"
#include "storage/sql_text.h"

namespace tianshan::people {
namespace {

constexpr const char* kColumns =
    "t.id, t.person_id, t.membership_id, t.from_organization_id, t.from_path, t.to_organization_id, t.to_path, "
    "t.branch_id, t.status, t.note, t.reason, t.requested_by, t.decided_by, t.created_at, t.decided_at, "
    "t.initiated_by, t.released_by, t.released_at, p.name";

Transfer ReadTransfer(const storage::Row& r) {
  Transfer t;
  t.id = r.Int("id");
  t.person_id = r.Int("person_id");
  t.membership_id = r.Int("membership_id");
  t.from_organization_id = r.Int("from_organization_id");
  t.from_path = r.Text("from_path");
  t.to_organization_id = r.Int("to_organization_id");
  t.to_path = r.Text("to_path");
  t.branch_id = r.OptInt("branch_id");
  t.status = r.Text("status");
  t.note = r.OptText("note");
  t.reason = r.OptText("reason");
  t.requested_by = r.Int("requested_by");
  t.decided_by = r.OptInt("decided_by");
  t.created_at = r.Int("created_at");
  t.decided_at = r.OptInt("decided_at");
  t.initiated_by = r.OptText("initiated_by");
  t.released_by = r.OptInt("released_by");
  t.released_at = r.OptInt("released_at");
  t.person_name = r.Text("name");
  return t;
}

}  // namespace

std::string_view TransferStage(const Transfer& t) {
  if (!t.pending()) return {};
  return t.released() ? "awaiting_receiver" : "awaiting_sender";
}

Result<int64_t> InsertTransfer(storage::Transaction& tx, const Transfer& t) {
  TS_ASSIGN_OR_RETURN(
      auto rows,
      tx.Query("INSERT INTO people_transfers (person_id, membership_id, from_organization_id, "
               "from_path, to_organization_id, to_path, status, note, requested_by, created_at, "
               "initiated_by, released_by, released_at) "
               "VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?) RETURNING id",
               {t.person_id, t.membership_id, t.from_organization_id, t.from_path, t.to_organization_id, t.to_path,
                t.note, t.requested_by, t.created_at, t.initiated_by, t.released_by, t.released_at}));
  if (rows.empty()) return Status::Internal("error.internal").WithDetail("INSERT RETURNING gave no row");
  return rows[0].Int("id");
}

Result<std::optional<Transfer>> FindTransfer(storage::Transaction& tx, int64_t id, bool for_update) {
  // FOR UPDATE OF t: PostgreSQL refuses FOR UPDATE on the nullable side of a join otherwise.
  std::string lock = for_update && tx.dialect() == storage::Dialect::kPostgres ? " FOR UPDATE OF t" : "";
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne(std::string("SELECT ") + kColumns +
                                                " FROM people_transfers t JOIN people_persons p ON p.id = t.person_id "
                                                "WHERE t.id = ?" +
                                                lock,
                                            {id}));
  if (!row) return std::optional<Transfer>();
  return std::optional<Transfer>(ReadTransfer(*row));
}

Result<bool> HasPendingTransfer(storage::Transaction& tx, int64_t person_id) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT 1 FROM people_transfers WHERE person_id = ? AND "
                                            "status = 'pending'",
                                            {person_id}));
  return row.has_value();
}

Status MarkTransferReleased(storage::Transaction& tx, int64_t id, int64_t released_by, int64_t now) {
  TS_ASSIGN_OR_RETURN(int64_t n, tx.Execute("UPDATE people_transfers SET released_by = ?, released_at = ? "
                                            "WHERE id = ? AND status = 'pending' AND released_at IS NULL",
                                            {released_by, now, id}));
  if (n != 1) return Status::Conflict("people.transfer_not_pending");
  return Status::Ok();
}

Status DecideTransfer(storage::Transaction& tx, int64_t id, std::string_view status, std::optional<int64_t> branch_id,
                      const std::optional<std::string>& reason, int64_t decided_by, int64_t now) {
  TS_ASSIGN_OR_RETURN(int64_t n, tx.Execute("UPDATE people_transfers SET status = ?, branch_id = ?, reason = ?, "
                                            "decided_by = ?, decided_at = ? WHERE id = ? AND status = 'pending'",
                                            {status, branch_id, reason, decided_by, now, id}));
  if (n != 1) return Status::Conflict("people.transfer_not_pending");
  return Status::Ok();
}

Result<std::vector<Transfer>> ListTransfers(storage::Transaction& tx, const TransferQuery& q) {
  const std::string col = q.incoming ? "t.to_path" : "t.from_path";
  // Pending work is served oldest first (it ages); history newest first.
  const bool oldest_first = q.status == "pending";
  std::string sql = std::string("SELECT ") + kColumns + " FROM people_transfers t JOIN people_persons p ON " +
                    "p.id = t.person_id WHERE " + col + " >= ? AND " + col + " < ?" +
                    (q.status == "all" ? " AND ? = 'all'" : " AND t.status = ?") +
                    (oldest_first ? " AND t.id > ? ORDER BY t.id" : " AND t.id < ? ORDER BY t.id DESC") + " LIMIT ?";
  const int64_t after = q.after_id.value_or(oldest_first ? 0 : std::numeric_limits<int64_t>::max());
  TS_ASSIGN_OR_RETURN(auto rows,
                      tx.Query(sql, {q.path, storage::PrefixUpperBound(q.path), q.status, after, q.limit + 1}));
  std::vector<Transfer> out;
  for (const auto& r : rows) out.push_back(ReadTransfer(r));
  return out;
}

}  // namespace tianshan::people
