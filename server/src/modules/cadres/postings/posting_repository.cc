#include "modules/cadres/postings/posting_repository.h"

#include <cstdint>

#include "storage/sql_text.h"

namespace tianshan::cadres {
namespace {

constexpr const char* kColumns =
    "id, cadre_id, organization_id, org_path, host_organization_id, host_path, starts_on, ends_on, tasks, status, "
    "report, reported_at, confirmed_by, confirmed_at, cancel_reason, cancelled_by, cancelled_at, created_by, "
    "created_at, "
    "updated_at";

Posting ReadPosting(const storage::Row& r) {
  Posting p;
  p.id = r.Int("id");
  p.cadre_id = r.Int("cadre_id");
  p.organization_id = r.Int("organization_id");
  p.org_path = r.Text("org_path");
  p.host_organization_id = r.Int("host_organization_id");
  p.host_path = r.Text("host_path");
  p.starts_on = r.Text("starts_on");
  p.ends_on = r.Text("ends_on");
  p.tasks = r.Text("tasks");
  p.status = r.Text("status");
  p.report = r.OptText("report");
  p.reported_at = r.OptInt("reported_at");
  p.confirmed_by = r.OptInt("confirmed_by");
  p.confirmed_at = r.OptInt("confirmed_at");
  p.cancel_reason = r.OptText("cancel_reason");
  p.cancelled_by = r.OptInt("cancelled_by");
  p.cancelled_at = r.OptInt("cancelled_at");
  p.created_by = r.Int("created_by");
  p.created_at = r.Int("created_at");
  p.updated_at = r.Int("updated_at");
  return p;
}

std::vector<Posting> ReadPostings(const storage::Rows& rows) {
  std::vector<Posting> out;
  for (const auto& r : rows) out.push_back(ReadPosting(r));
  return out;
}

void Add(PostingFigures& f, const Period& period, const std::string& starts_on, const std::string& ends_on,
         bool reported) {
  const int days = static_cast<int>(period.DaysInYear(starts_on, ends_on));
  if (days > 0) {
    f.postings += 1;
    f.posted = 1;
    f.days += days;
  }
  if (period.Unreported(ends_on, reported)) f.unreported += 1;
}

}  // namespace

Result<int64_t> InsertPosting(storage::Transaction& tx, const Posting& p) {
  TS_ASSIGN_OR_RETURN(
      auto rows, tx.Query("INSERT INTO cadres_postings (cadre_id, organization_id, org_path, "
                          "host_organization_id, host_path, starts_on, ends_on, tasks, status, "
                          "created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                          "?, ?) RETURNING id",
                          {p.cadre_id, p.organization_id, p.org_path, p.host_organization_id, p.host_path, p.starts_on,
                           p.ends_on, p.tasks, p.status, p.created_by, p.created_at, p.updated_at}));
  if (rows.empty()) return Status::Internal("error.internal").WithDetail("INSERT RETURNING gave no row");
  return rows[0].Int("id");
}

Result<std::optional<Posting>> FindPosting(storage::Transaction& tx, int64_t id) {
  TS_ASSIGN_OR_RETURN(auto row,
                      tx.QueryOne(std::string("SELECT ") + kColumns + " FROM cadres_postings WHERE id = ?", {id}));
  if (!row) return std::optional<Posting>();
  return std::optional<Posting>(ReadPosting(*row));
}

Result<std::optional<Posting>> OverlappingPosting(storage::Transaction& tx, int64_t cadre_id,
                                                  const std::string& starts_on, const std::string& ends_on) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne(std::string("SELECT ") + kColumns +
                                                " FROM cadres_postings WHERE cadre_id = ? AND status = 'planned' "
                                                "AND starts_on <= ? AND ends_on >= ? ORDER BY starts_on LIMIT 1",
                                            {cadre_id, ends_on, starts_on}));
  if (!row) return std::optional<Posting>();
  return std::optional<Posting>(ReadPosting(*row));
}

Result<std::vector<Posting>> SelectPostingsOfCadre(storage::Transaction& tx, int64_t cadre_id) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(std::string("SELECT ") + kColumns +
                                              " FROM cadres_postings WHERE cadre_id = ? ORDER BY starts_on DESC, id "
                                              "DESC",
                                          {cadre_id}));
  return ReadPostings(rows);
}

Result<std::vector<Posting>> SelectPostingsInSubtree(storage::Transaction& tx, const std::string& path,
                                                     const std::string& from, const std::string& to,
                                                     std::optional<int64_t> after_id, int limit) {
  TS_ASSIGN_OR_RETURN(auto rows,
                      tx.Query(std::string("SELECT ") + kColumns +
                                   " FROM cadres_postings WHERE org_path >= ? AND org_path < ? AND "
                                   "starts_on <= ? AND ends_on >= ? AND id > ? ORDER BY id LIMIT ?",
                               {path, storage::PrefixUpperBound(path), to, from, after_id.value_or(0), limit + 1}));
  return ReadPostings(rows);
}

Result<std::vector<Posting>> SelectPostingsHostedIn(storage::Transaction& tx, const std::string& path,
                                                    std::optional<int64_t> after_id, int limit) {
  TS_ASSIGN_OR_RETURN(auto rows,
                      tx.Query(std::string("SELECT ") + kColumns +
                                   " FROM cadres_postings WHERE host_path >= ? AND host_path < ? AND id < ? "
                                   "ORDER BY id DESC LIMIT ?",
                               {path, storage::PrefixUpperBound(path), after_id.value_or(INT64_MAX), limit + 1}));
  return ReadPostings(rows);
}

Result<std::vector<UnreportedOfCadre>> SelectUnreportedByCadre(storage::Transaction& tx, const std::string& today) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT c.person_id, COUNT(*) AS n FROM cadres_postings p JOIN cadres_cadres "
                                          "c ON c.id = p.cadre_id WHERE p.status = 'planned' AND p.report IS NULL "
                                          "AND p.ends_on < ? GROUP BY c.person_id ORDER BY c.person_id",
                                          {today}));
  std::vector<UnreportedOfCadre> out;
  for (const auto& r : rows) out.push_back({r.Int("person_id"), static_cast<int>(r.Int("n"))});
  return out;
}

Status SavePostingCancellation(storage::Transaction& tx, const Posting& p) {
  TS_ASSIGN_OR_RETURN(int64_t changed,
                      tx.Execute("UPDATE cadres_postings SET status = 'cancelled', cancel_reason = ?, "
                                 "cancelled_by = ?, cancelled_at = ?, updated_at = ? WHERE id = ? AND "
                                 "status = 'planned' AND confirmed_at IS NULL",
                                 {p.cancel_reason, p.cancelled_by, p.cancelled_at, p.updated_at, p.id}));
  if (changed != 1) return Status::Conflict("cadres.posting_closed");
  return Status::Ok();
}

Status SavePostingReport(storage::Transaction& tx, const Posting& p) {
  return tx
      .Execute("UPDATE cadres_postings SET report = ?, reported_at = ?, updated_at = ? WHERE id = ?",
               {p.report, p.reported_at, p.updated_at, p.id})
      .status();
}

Status SavePostingConfirmation(storage::Transaction& tx, const Posting& p) {
  TS_ASSIGN_OR_RETURN(int64_t changed, tx.Execute("UPDATE cadres_postings SET confirmed_by = ?, confirmed_at = ?, "
                                                  "updated_at = ? WHERE id = ? AND confirmed_at IS NULL",
                                                  {p.confirmed_by, p.confirmed_at, p.updated_at, p.id}));
  if (changed == 0) return Status::Conflict("cadres.posting_closed");
  return Status::Ok();
}

Result<int64_t> InsertPostingLog(storage::Transaction& tx, const PostingLog& log) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query("INSERT INTO cadres_posting_logs (posting_id, worked_on, minutes, what, "
                                          "created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
                                          {log.posting_id, log.worked_on, log.minutes, log.what, log.created_at}));
  if (rows.empty()) return Status::Internal("error.internal").WithDetail("INSERT RETURNING gave no row");
  return rows[0].Int("id");
}

Result<std::vector<PostingLog>> SelectPostingLogs(storage::Transaction& tx, int64_t posting_id) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT id, posting_id, worked_on, minutes, what, created_at FROM "
                                          "cadres_posting_logs WHERE posting_id = ? ORDER BY worked_on DESC, id DESC",
                                          {posting_id}));
  std::vector<PostingLog> out;
  for (const auto& r : rows) {
    out.push_back({r.Int("id"), r.Int("posting_id"), r.Text("worked_on"), static_cast<int>(r.Int("minutes")),
                   r.Text("what"), r.Int("created_at")});
  }
  return out;
}

Result<std::map<int64_t, PostingTotals>> PostingTotalsOf(storage::Transaction& tx, const std::vector<int64_t>& ids) {
  std::map<int64_t, PostingTotals> out;
  if (ids.empty()) return out;
  std::string sql =
      "SELECT posting_id, COUNT(*) AS entries, SUM(minutes) AS minutes FROM cadres_posting_logs WHERE posting_id "
      "IN (";
  std::vector<storage::Param> params;
  for (size_t i = 0; i < ids.size(); ++i) {
    sql += i == 0 ? "?" : ", ?";
    params.emplace_back(ids[i]);
  }
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(sql + ") GROUP BY posting_id", std::span<const storage::Param>(params)));
  for (const auto& r : rows) {
    out[r.Int("posting_id")] = {static_cast<int>(r.Int("entries")), static_cast<int>(r.Int("minutes"))};
  }
  return out;
}

Result<PostingFigures> PostingFiguresOf(storage::Transaction& tx, int64_t cadre_id, const Period& period) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT starts_on, ends_on, report FROM cadres_postings WHERE cadre_id = ? "
                                          "AND status = 'planned'",
                                          {cadre_id}));
  PostingFigures f;
  for (const auto& r : rows) Add(f, period, r.Text("starts_on"), r.Text("ends_on"), !r.IsNull("report"));
  return f;
}

Result<std::map<int64_t, PostingFigures>> AllPostingFigures(storage::Transaction& tx, const Period& period) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT cadre_id, starts_on, ends_on, report FROM cadres_postings WHERE "
                                          "status = 'planned'"));
  std::map<int64_t, PostingFigures> out;
  for (const auto& r : rows) {
    Add(out[r.Int("cadre_id")], period, r.Text("starts_on"), r.Text("ends_on"), !r.IsNull("report"));
  }
  return out;
}

}  // namespace tianshan::cadres
