#include "modules/cadres/contacts/contact_repository.h"

#include <algorithm>

namespace tianshan::cadres {
namespace {

constexpr const char* kColumns =
    "id, cadre_id, person_id, organization_id, org_path, field, status, origin, invitation_id, consent_version, "
    "consent_at, started_at, ended_at, ended_by, last_online_on, last_activity_on, last_talk_on, created_at, "
    "updated_at";
constexpr const char* kInvitationColumns =
    "id, cadre_id, token, person_id, field, status, accepted_count, created_at, expires_at, decided_at";

Contact ReadContact(const storage::Row& r) {
  Contact c;
  c.id = r.Int("id");
  c.cadre_id = r.Int("cadre_id");
  c.person_id = r.Int("person_id");
  c.organization_id = r.Int("organization_id");
  c.org_path = r.Text("org_path");
  c.field = r.Text("field");
  c.status = r.Text("status");
  c.origin = r.Text("origin");
  c.invitation_id = r.OptInt("invitation_id");
  c.consent_version = r.Text("consent_version");
  c.consent_at = r.Int("consent_at");
  c.started_at = r.OptInt("started_at");
  c.ended_at = r.OptInt("ended_at");
  c.ended_by = r.OptText("ended_by");
  c.last_online_on = r.OptText("last_online_on");
  c.last_activity_on = r.OptText("last_activity_on");
  c.last_talk_on = r.OptText("last_talk_on");
  c.created_at = r.Int("created_at");
  c.updated_at = r.Int("updated_at");
  return c;
}

Invitation ReadInvitation(const storage::Row& r) {
  Invitation i;
  i.id = r.Int("id");
  i.cadre_id = r.Int("cadre_id");
  i.token = r.Text("token");
  i.person_id = r.OptInt("person_id");
  i.field = r.OptText("field");
  i.status = r.Text("status");
  i.accepted_count = static_cast<int>(r.Int("accepted_count"));
  i.created_at = r.Int("created_at");
  i.expires_at = r.Int("expires_at");
  i.decided_at = r.OptInt("decided_at");
  return i;
}

std::vector<Contact> Contacts(const storage::Rows& rows) {
  std::vector<Contact> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(ReadContact(r));
  return out;
}

// The WHERE clause of a cadre's contact list (after "cadre_id = ?").
std::string FilterSql(const ContactFilter& f, std::vector<storage::Param>& params) {
  std::string sql;
  if (f.status == "ended") {
    sql += " AND status IN ('ended', 'declined')";
  } else if (f.status != "all") {
    sql += " AND status = ?";
    params.emplace_back(f.status);
  }
  if (f.field) {
    sql += " AND field = ?";
    params.emplace_back(*f.field);
  }
  if (f.due == "activity") {
    sql += " AND (last_activity_on IS NULL OR last_activity_on < ?)";
    params.emplace_back(f.quarter_start);
  } else if (f.due == "talk") {
    sql += " AND (last_talk_on IS NULL OR last_talk_on < ?)";
    params.emplace_back(f.year_start);
  }
  return sql;
}

}  // namespace

std::string InList(const std::vector<int64_t>& ids, std::vector<storage::Param>& params) {
  size_t slots = 8;
  while (slots < ids.size()) slots *= 2;
  std::string sql = "(";
  for (size_t i = 0; i < slots; ++i) {
    sql += i == 0 ? "?" : ", ?";
    params.emplace_back(ids.empty() ? int64_t{0} : ids[std::min(i, ids.size() - 1)]);
  }
  return sql + ")";
}

Result<std::optional<Contact>> FindContact(storage::Transaction& tx, int64_t id) {
  TS_ASSIGN_OR_RETURN(auto row,
                      tx.QueryOne(std::string("SELECT ") + kColumns + " FROM cadres_contacts WHERE id = ?", {id}));
  if (!row) return std::optional<Contact>();
  return std::optional<Contact>(ReadContact(*row));
}

Result<int64_t> InsertContact(storage::Transaction& tx, const Contact& c) {
  TS_ASSIGN_OR_RETURN(
      auto rows,
      tx.Query("INSERT INTO cadres_contacts (cadre_id, person_id, organization_id, org_path, field, "
               "status, origin, invitation_id, consent_version, consent_at, started_at, created_at, "
               "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
               {c.cadre_id, c.person_id, c.organization_id, c.org_path, c.field, c.status, c.origin, c.invitation_id,
                c.consent_version, c.consent_at, c.started_at, c.created_at, c.updated_at}));
  if (rows.empty()) return Status::Internal("error.internal").WithDetail("INSERT RETURNING gave no row");
  return rows[0].Int(0);
}

Status SaveContactState(storage::Transaction& tx, const Contact& c) {
  return tx
      .Execute(
          "UPDATE cadres_contacts SET status = ?, started_at = ?, ended_at = ?, ended_by = ?, updated_at = ? "
          "WHERE id = ?",
          {c.status, c.started_at, c.ended_at, c.ended_by, c.updated_at, c.id})
      .status();
}

Result<std::optional<Contact>> OpenContactBetween(storage::Transaction& tx, int64_t cadre_id, int64_t person_id) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne(std::string("SELECT ") + kColumns +
                                                " FROM cadres_contacts WHERE cadre_id = ? AND person_id = ? AND "
                                                "status IN ('requested', 'active')",
                                            {cadre_id, person_id}));
  if (!row) return std::optional<Contact>();
  return std::optional<Contact>(ReadContact(*row));
}

Result<std::vector<Contact>> SelectCadreContacts(storage::Transaction& tx, int64_t cadre_id, const ContactFilter& f,
                                                 std::optional<int64_t> after_id, int limit) {
  std::vector<storage::Param> params{cadre_id};
  std::string sql = std::string("SELECT ") + kColumns + " FROM cadres_contacts WHERE cadre_id = ?" +
                    FilterSql(f, params) + " AND id > ? ORDER BY id LIMIT ?";
  params.emplace_back(after_id.value_or(0));
  params.emplace_back(limit + 1);
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(sql, std::span<const storage::Param>(params)));
  return Contacts(rows);
}

Result<std::vector<Contact>> SelectAllCadreContacts(storage::Transaction& tx, int64_t cadre_id,
                                                    const ContactFilter& f) {
  std::vector<storage::Param> params{cadre_id};
  std::string sql = std::string("SELECT ") + kColumns + " FROM cadres_contacts WHERE cadre_id = ?" +
                    FilterSql(f, params) + " ORDER BY id";
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(sql, std::span<const storage::Param>(params)));
  return Contacts(rows);
}

Result<std::vector<Contact>> SelectPersonContacts(storage::Transaction& tx, int64_t person_id) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(std::string("SELECT ") + kColumns +
                                              " FROM cadres_contacts WHERE person_id = ? ORDER BY id DESC",
                                          {person_id}));
  return Contacts(rows);
}

Result<std::vector<Contact>> SelectContactsByIds(storage::Transaction& tx, const std::vector<int64_t>& ids) {
  if (ids.empty()) return std::vector<Contact>();
  std::vector<storage::Param> params;
  std::string sql =
      std::string("SELECT ") + kColumns + " FROM cadres_contacts WHERE id IN " + InList(ids, params) + " ORDER BY id";
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(sql, std::span<const storage::Param>(params)));
  return Contacts(rows);
}

Status TouchLastDate(storage::Transaction& tx, int64_t contact_id, const std::string& kind, const std::string& date,
                     int64_t now) {
  const char* column = kind == "activity" ? "last_activity_on" : kind == "talk" ? "last_talk_on" : "last_online_on";
  return tx
      .Execute(std::string("UPDATE cadres_contacts SET ") + column + " = ?, updated_at = ? WHERE id = ? AND (" +
                   column + " IS NULL OR " + column + " < ?)",
               {date, now, contact_id, date})
      .status();
}

Result<std::optional<Invitation>> FindInvitation(storage::Transaction& tx, int64_t id) {
  TS_ASSIGN_OR_RETURN(
      auto row,
      tx.QueryOne(std::string("SELECT ") + kInvitationColumns + " FROM cadres_invitations WHERE id = ?", {id}));
  if (!row) return std::optional<Invitation>();
  return std::optional<Invitation>(ReadInvitation(*row));
}

Result<std::optional<Invitation>> FindInvitationByToken(storage::Transaction& tx, const std::string& token) {
  TS_ASSIGN_OR_RETURN(
      auto row,
      tx.QueryOne(std::string("SELECT ") + kInvitationColumns + " FROM cadres_invitations WHERE token = ?", {token}));
  if (!row) return std::optional<Invitation>();
  return std::optional<Invitation>(ReadInvitation(*row));
}

Result<int64_t> InsertInvitation(storage::Transaction& tx, const Invitation& i) {
  TS_ASSIGN_OR_RETURN(auto rows,
                      tx.Query("INSERT INTO cadres_invitations (cadre_id, token, person_id, field, status, "
                               "created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                               {i.cadre_id, i.token, i.person_id, i.field, i.status, i.created_at, i.expires_at}));
  if (rows.empty()) return Status::Internal("error.internal").WithDetail("INSERT RETURNING gave no row");
  return rows[0].Int(0);
}

Status SaveInvitationState(storage::Transaction& tx, const Invitation& i) {
  return tx
      .Execute("UPDATE cadres_invitations SET status = ?, accepted_count = ?, decided_at = ? WHERE id = ?",
               {i.status, i.accepted_count, i.decided_at, i.id})
      .status();
}

Result<std::vector<Invitation>> SelectOpenInvitations(storage::Transaction& tx, int64_t cadre_id, int64_t now) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(std::string("SELECT ") + kInvitationColumns +
                                              " FROM cadres_invitations WHERE cadre_id = ? AND status = 'open' AND "
                                              "expires_at > ? ORDER BY id DESC LIMIT 100",
                                          {cadre_id, now}));
  std::vector<Invitation> out;
  for (const auto& r : rows) out.push_back(ReadInvitation(r));
  return out;
}

}  // namespace tianshan::cadres
