#include "modules/cadres/contacts/interaction_repository.h"

#include "modules/cadres/contacts/contact_repository.h"

namespace tianshan::cadres {
namespace {

constexpr const char* kColumns =
    "i.id AS id, i.cadre_id AS cadre_id, i.org_path AS org_path, i.kind AS kind, i.occurred_on AS occurred_on, "
    "i.summary AS summary, i.contact_count AS contact_count, i.created_by AS created_by, i.created_at AS created_at";
constexpr const char* kHelpColumns =
    "id, contact_id, cadre_id, org_path, category, description, status, help_given, raised_by, created_on, "
    "created_at, updated_at, closed_at";

Interaction ReadInteraction(const storage::Row& r) {
  Interaction i;
  i.id = r.Int("id");
  i.cadre_id = r.Int("cadre_id");
  i.org_path = r.Text("org_path");
  i.kind = r.Text("kind");
  i.occurred_on = r.Text("occurred_on");
  i.summary = r.OptText("summary");
  i.contact_count = static_cast<int>(r.Int("contact_count"));
  i.created_by = r.Int("created_by");
  i.created_at = r.Int("created_at");
  return i;
}

HelpRequest ReadHelp(const storage::Row& r) {
  HelpRequest h;
  h.id = r.Int("id");
  h.contact_id = r.Int("contact_id");
  h.cadre_id = r.Int("cadre_id");
  h.org_path = r.Text("org_path");
  h.category = r.Text("category");
  h.description = r.OptText("description");
  h.status = r.Text("status");
  h.help_given = r.OptText("help_given");
  h.raised_by = r.Text("raised_by");
  h.created_on = r.Text("created_on");
  h.created_at = r.Int("created_at");
  h.updated_at = r.Int("updated_at");
  h.closed_at = r.OptInt("closed_at");
  return h;
}

std::vector<HelpRequest> Helps(const storage::Rows& rows) {
  std::vector<HelpRequest> out;
  for (const auto& r : rows) out.push_back(ReadHelp(r));
  return out;
}

}  // namespace

Result<int64_t> InsertInteraction(storage::Transaction& tx, const Interaction& i,
                                  const std::vector<int64_t>& contacts) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query("INSERT INTO cadres_interactions (cadre_id, org_path, kind, occurred_on, "
                                          "summary, contact_count, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, "
                                          "?, ?) RETURNING id",
                                          {i.cadre_id, i.org_path, i.kind, i.occurred_on, i.summary,
                                           static_cast<int64_t>(contacts.size()), i.created_by, i.created_at}));
  if (rows.empty()) return Status::Internal("error.internal").WithDetail("INSERT RETURNING gave no row");
  const int64_t id = rows[0].Int(0);
  for (int64_t contact : contacts) {
    TS_RETURN_IF_ERROR(tx.Execute("INSERT INTO cadres_interaction_contacts (interaction_id, contact_id) VALUES (?, ?)",
                                  {id, contact}));
  }
  return id;
}

Result<std::vector<Interaction>> SelectCadreInteractions(storage::Transaction& tx, int64_t cadre_id,
                                                         std::optional<int64_t> contact_id,
                                                         std::optional<int64_t> before_id, int limit) {
  Result<storage::Rows> rows =
      contact_id ? tx.Query(std::string("SELECT ") + kColumns +
                                " FROM cadres_interaction_contacts l JOIN cadres_interactions i ON i.id = "
                                "l.interaction_id WHERE l.contact_id = ? AND i.cadre_id = ? AND l.interaction_id < ? "
                                "ORDER BY l.interaction_id DESC LIMIT ?",
                            {*contact_id, cadre_id, before_id.value_or(INT64_MAX), limit + 1})
                 : tx.Query(std::string("SELECT ") + kColumns +
                                " FROM cadres_interactions i WHERE i.cadre_id = ? AND i.id < ? ORDER BY i.id DESC "
                                "LIMIT ?",
                            {cadre_id, before_id.value_or(INT64_MAX), limit + 1});
  TS_RETURN_IF_ERROR(rows.status());
  std::vector<Interaction> out;
  for (const auto& r : *rows) out.push_back(ReadInteraction(r));
  return out;
}

Result<std::vector<ContactInteraction>> SelectContactInteractions(storage::Transaction& tx,
                                                                  const std::vector<int64_t>& contact_ids,
                                                                  std::optional<int64_t> before_id, int limit) {
  if (contact_ids.empty()) return std::vector<ContactInteraction>();
  std::vector<storage::Param> params;
  std::string sql = std::string("SELECT ") + kColumns +
                    ", l.contact_id AS contact_id FROM cadres_interaction_contacts l JOIN cadres_interactions i ON "
                    "i.id = l.interaction_id WHERE l.contact_id IN " +
                    InList(contact_ids, params) + " AND l.interaction_id < ? ORDER BY l.interaction_id DESC LIMIT ?";
  params.emplace_back(before_id.value_or(INT64_MAX));
  params.emplace_back(limit + 1);
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(sql, std::span<const storage::Param>(params)));
  std::vector<ContactInteraction> out;
  for (const auto& r : rows) out.push_back({ReadInteraction(r), r.Int("contact_id")});
  return out;
}

Result<int64_t> InsertHelpRequest(storage::Transaction& tx, const HelpRequest& h) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query("INSERT INTO cadres_help_requests (contact_id, cadre_id, org_path, category, "
                                          "description, status, help_given, raised_by, created_on, created_at, "
                                          "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                                          {h.contact_id, h.cadre_id, h.org_path, h.category, h.description, h.status,
                                           h.help_given, h.raised_by, h.created_on, h.created_at, h.updated_at}));
  if (rows.empty()) return Status::Internal("error.internal").WithDetail("INSERT RETURNING gave no row");
  return rows[0].Int(0);
}

Result<std::optional<HelpRequest>> FindHelpRequest(storage::Transaction& tx, int64_t id) {
  TS_ASSIGN_OR_RETURN(
      auto row, tx.QueryOne(std::string("SELECT ") + kHelpColumns + " FROM cadres_help_requests WHERE id = ?", {id}));
  if (!row) return std::optional<HelpRequest>();
  return std::optional<HelpRequest>(ReadHelp(*row));
}

Status SaveHelpRequest(storage::Transaction& tx, const HelpRequest& h) {
  return tx
      .Execute("UPDATE cadres_help_requests SET status = ?, help_given = ?, updated_at = ?, closed_at = ? WHERE id = ?",
               {h.status, h.help_given, h.updated_at, h.closed_at, h.id})
      .status();
}

Result<std::vector<HelpRequest>> SelectCadreHelp(storage::Transaction& tx, int64_t cadre_id, bool open_only,
                                                 std::optional<int64_t> before_id, int limit) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(std::string("SELECT ") + kHelpColumns +
                                              " FROM cadres_help_requests WHERE cadre_id = ? AND id < ? AND (? = 0 OR "
                                              "status IN ('open', 'in_progress')) ORDER BY id DESC LIMIT ?",
                                          {cadre_id, before_id.value_or(INT64_MAX), open_only ? 1 : 0, limit + 1}));
  return Helps(rows);
}

Result<std::vector<HelpRequest>> SelectContactsHelp(storage::Transaction& tx, const std::vector<int64_t>& contact_ids) {
  if (contact_ids.empty()) return std::vector<HelpRequest>();
  std::vector<storage::Param> params;
  std::string sql = std::string("SELECT ") + kHelpColumns + " FROM cadres_help_requests WHERE contact_id IN " +
                    InList(contact_ids, params) + " ORDER BY id DESC";
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(sql, std::span<const storage::Param>(params)));
  return Helps(rows);
}

}  // namespace tianshan::cadres
