#include "modules/cadres/cadre_repository.h"

#include <map>

#include "modules/organizations/public/organization.h"
#include "storage/sql_text.h"

namespace tianshan::cadres {
namespace {

constexpr const char* kColumns =
    "id, person_id, organization_id, org_path, contact_target, active_contacts, fields_covered, activity_due, "
    "talk_due, help_open, help_overdue, oldest_help_on, posting_days, service_minutes, created_at, updated_at";

std::optional<Cadre> OneCadre(const std::optional<storage::Row>& row) {
  if (!row) return std::nullopt;
  return ReadCadre(*row);
}

}  // namespace

Cadre ReadCadre(const storage::Row& r) {
  Cadre c;
  c.id = r.Int("id");
  c.person_id = r.Int("person_id");
  c.organization_id = r.Int("organization_id");
  c.org_path = r.Text("org_path");
  c.contact_target = static_cast<int>(r.Int("contact_target"));
  c.active_contacts = static_cast<int>(r.Int("active_contacts"));
  c.fields_covered = static_cast<int>(r.Int("fields_covered"));
  c.activity_due = static_cast<int>(r.Int("activity_due"));
  c.talk_due = static_cast<int>(r.Int("talk_due"));
  c.help_open = static_cast<int>(r.Int("help_open"));
  c.help_overdue = static_cast<int>(r.Int("help_overdue"));
  c.oldest_help_on = r.OptText("oldest_help_on");
  c.posting_days = static_cast<int>(r.Int("posting_days"));
  c.service_minutes = static_cast<int>(r.Int("service_minutes"));
  c.created_at = r.Int("created_at");
  c.updated_at = r.Int("updated_at");
  return c;
}

Result<std::optional<Cadre>> FindCadre(storage::Transaction& tx, int64_t id) {
  TS_ASSIGN_OR_RETURN(auto row,
                      tx.QueryOne(std::string("SELECT ") + kColumns + " FROM cadres_cadres WHERE id = ?", {id}));
  return OneCadre(row);
}

Result<std::optional<Cadre>> FindCadreByPerson(storage::Transaction& tx, int64_t person_id) {
  TS_ASSIGN_OR_RETURN(
      auto row,
      tx.QueryOne(std::string("SELECT ") + kColumns + " FROM cadres_cadres WHERE person_id = ?", {person_id}));
  return OneCadre(row);
}

Result<int64_t> InsertCadre(storage::Transaction& tx, const Cadre& c) {
  TS_ASSIGN_OR_RETURN(
      auto rows, tx.Query("INSERT INTO cadres_cadres (person_id, organization_id, org_path, "
                          "contact_target, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
                          "RETURNING id",
                          {c.person_id, c.organization_id, c.org_path, c.contact_target, c.created_at, c.updated_at}));
  if (rows.empty()) return Status::Internal("error.internal").WithDetail("INSERT RETURNING gave no row");
  return rows[0].Int(0);
}

Result<Cadre> LockCadre(storage::Transaction& tx, int64_t id, int64_t now) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(std::string("UPDATE cadres_cadres SET updated_at = ? WHERE id = ? "
                                                      "RETURNING ") +
                                              kColumns,
                                          {now, id}));
  if (rows.empty()) return Status::NotFound("cadres.not_found");
  return ReadCadre(rows[0]);
}

Result<std::vector<Cadre>> LockCadresInSubtree(storage::Transaction& tx, const std::string& path, int64_t now) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(std::string("UPDATE cadres_cadres SET updated_at = ? WHERE org_path >= ? "
                                                      "AND org_path < ? RETURNING ") +
                                              kColumns,
                                          {now, path, storage::PrefixUpperBound(path)}));
  std::vector<Cadre> out;
  for (const auto& r : rows) out.push_back(ReadCadre(r));
  return out;
}

Result<std::vector<Cadre>> SelectCadresInSubtree(storage::Transaction& tx, const std::string& path,
                                                 std::optional<int64_t> after_id, int limit,
                                                 const std::optional<std::string>& quota) {
  std::string filter;
  if (quota == "at") filter = " AND active_contacts >= contact_target";
  if (quota == "below") filter = " AND active_contacts < contact_target";
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(std::string("SELECT ") + kColumns +
                                              " FROM cadres_cadres WHERE org_path >= ? AND org_path < ? AND id > ?" +
                                              filter + " ORDER BY id LIMIT ?",
                                          {path, storage::PrefixUpperBound(path), after_id.value_or(0), limit + 1}));
  std::vector<Cadre> out;
  for (const auto& r : rows) out.push_back(ReadCadre(r));
  return out;
}

Result<Period> LoadPeriod(storage::Transaction& tx, const std::string& today, bool create) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT as_of FROM cadres_period WHERE id = 1"));
  if (row) return PeriodOf(row->Text("as_of"));
  if (create) {
    TS_RETURN_IF_ERROR(
        tx.Execute("INSERT INTO cadres_period (id, as_of, updated_at) VALUES (1, ?, 0) "
                   "ON CONFLICT (id) DO NOTHING",
                   {today}));
    TS_ASSIGN_OR_RETURN(auto stored, tx.QueryOne("SELECT as_of FROM cadres_period WHERE id = 1"));
    if (stored) return PeriodOf(stored->Text("as_of"));
  }
  return PeriodOf(today);
}

Status SavePeriod(storage::Transaction& tx, const std::string& as_of, int64_t now) {
  return tx
      .Execute(
          "INSERT INTO cadres_period (id, as_of, updated_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET "
          "as_of = excluded.as_of, updated_at = excluded.updated_at",
          {as_of, now})
      .status();
}

Result<Targets> EffectiveTargets(storage::Transaction& tx, const std::string& path) {
  Targets t;
  // Nearest first: walk the path from the organization up to the root.
  std::vector<int64_t> ids = organizations::PathIds(path);
  if (ids.empty()) return t;
  std::string sql =
      "SELECT organization_id, contact_target, posting_months FROM cadres_settings WHERE "
      "organization_id IN (";
  std::vector<storage::Param> params;
  for (size_t i = 0; i < ids.size(); ++i) {
    sql += i == 0 ? "?" : ", ?";
    params.emplace_back(ids[i]);
  }
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(sql + ")", std::span<const storage::Param>(params)));
  std::map<int64_t, const storage::Row*> by_org;
  for (const auto& r : rows) by_org[r.Int("organization_id")] = &r;
  bool contacts_set = false, months_set = false;
  for (auto it = ids.rbegin(); it != ids.rend(); ++it) {
    auto found = by_org.find(*it);
    if (found == by_org.end()) continue;
    const storage::Row& r = *found->second;
    if (!contacts_set && !r.IsNull("contact_target")) {
      t.contacts = static_cast<int>(r.Int("contact_target"));
      t.contacts_from = *it;
      contacts_set = true;
    }
    if (!months_set && !r.IsNull("posting_months")) {
      t.posting_months = static_cast<int>(r.Int("posting_months"));
      t.posting_months_from = *it;
      months_set = true;
    }
  }
  return t;
}

Result<TargetSetting> ReadSetting(storage::Transaction& tx, int64_t organization_id) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT contact_target, posting_months FROM cadres_settings WHERE "
                                            "organization_id = ?",
                                            {organization_id}));
  TargetSetting s;
  if (row) {
    if (auto v = row->OptInt("contact_target")) s.contact_target = static_cast<int>(*v);
    if (auto v = row->OptInt("posting_months")) s.posting_months = static_cast<int>(*v);
  }
  return s;
}

Status SaveSetting(storage::Transaction& tx, int64_t organization_id, const std::string& path, const TargetSetting& s,
                   int64_t account_id, int64_t now) {
  return tx
      .Execute(
          "INSERT INTO cadres_settings (organization_id, org_path, contact_target, posting_months, updated_by, "
          "updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (organization_id) DO UPDATE SET org_path = "
          "excluded.org_path, contact_target = excluded.contact_target, posting_months = "
          "excluded.posting_months, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
          {organization_id, path, s.contact_target, s.posting_months, account_id, now})
      .status();
}

}  // namespace tianshan::cadres
