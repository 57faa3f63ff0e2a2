#include "modules/volunteering/certificates/certificate_repository.h"

#include <rapidjson/document.h>

#include "core/json.h"
#include "modules/volunteering/repository_support.h"

namespace tianshan::volunteering {
namespace {

constexpr const char* kCertificateColumns =
    "id, code, person_id, name, total_minutes, projects_json, issued_at, organization_id, organization_name";

// projects_json: [{"title": "...", "minutes": 90}, ...]
std::vector<std::pair<std::string, int64_t>> ParseProjects(const std::string& json) {
  std::vector<std::pair<std::string, int64_t>> out;
  rapidjson::Document doc;
  doc.Parse(json.c_str(), json.size());
  if (doc.HasParseError() || !doc.IsArray()) return out;
  for (const auto& p : doc.GetArray()) {
    if (p.IsObject() && p.HasMember("title") && p["title"].IsString() && p.HasMember("minutes") &&
        p["minutes"].IsInt64()) {
      out.emplace_back(p["title"].GetString(), p["minutes"].GetInt64());
    }
  }
  return out;
}

Certificate ToCertificate(const storage::Row& r) {
  Certificate c;
  c.id = r.Int("id");
  c.code = r.Text("code");
  c.person_id = r.Int("person_id");
  c.name = r.Text("name");
  c.total_minutes = r.Int("total_minutes");
  c.projects = ParseProjects(r.Text("projects_json"));
  c.issued_at = r.Int("issued_at");
  c.organization_id = r.OptInt("organization_id");
  c.organization_name = r.OptText("organization_name");
  return c;
}

std::pair<std::string, int64_t> ToProjectMinutes(const storage::Row& r) { return {r.Text("title"), r.Int("total")}; }

}  // namespace

Result<std::vector<std::pair<std::string, int64_t>>> PersonProjectMinutes(storage::Transaction& tx, int64_t person_id) {
  return AllRows(tx.Query("SELECT p.title, SUM(l.minutes) AS total FROM volunteering_ledger l "
                          "JOIN volunteering_projects p ON p.id = l.project_id WHERE l.person_id = ? "
                          "GROUP BY l.project_id, p.title HAVING SUM(l.minutes) > 0 "
                          "ORDER BY total DESC, l.project_id",
                          {person_id}),
                 ToProjectMinutes);
}

Result<int64_t> InsertCertificate(storage::Transaction& tx, const Certificate& c) {
  JsonOut projects;
  projects.StartArray();
  for (const auto& [title, minutes] : c.projects) {
    projects.StartObject().Field("title", title).Field("minutes", minutes).EndObject();
  }
  projects.EndArray();
  TS_ASSIGN_OR_RETURN(auto row,
                      tx.QueryOne("INSERT INTO volunteering_certificates (code, person_id, name, total_minutes, "
                                  "projects_json, issued_at, organization_id, organization_name) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                                  {c.code, c.person_id, c.name, c.total_minutes, projects.Take(), c.issued_at,
                                   c.organization_id, c.organization_name}));
  return row->Int(0);
}

Result<std::optional<Certificate>> FindCertificateByCode(storage::Transaction& tx, const std::string& code) {
  return OneRow(
      tx.QueryOne(std::string("SELECT ") + kCertificateColumns + " FROM volunteering_certificates WHERE code = ?",
                  {code}),
      ToCertificate);
}

Result<std::optional<Certificate>> FindCertificate(storage::Transaction& tx, int64_t id) {
  return OneRow(
      tx.QueryOne(std::string("SELECT ") + kCertificateColumns + " FROM volunteering_certificates WHERE id = ?", {id}),
      ToCertificate);
}

Result<std::vector<Certificate>> ListCertificates(storage::Transaction& tx, int64_t person_id) {
  return AllRows(tx.Query(std::string("SELECT ") + kCertificateColumns +
                              " FROM volunteering_certificates WHERE person_id = ? ORDER BY id DESC",
                          {person_id}),
                 ToCertificate);
}

}  // namespace tianshan::volunteering
