#include "modules/people/person_repository.h"

#include <array>

namespace tianshan::people {
namespace {

using storage::Row;
using storage::Transaction;

constexpr std::array<const char*, 15> kPersonColumns = {"id",         "name",       "gender",          "birth_date",
                                                        "ethnicity",  "phone",      "identity_number", "education",
                                                        "occupation", "employer",   "organization_id", "org_path",
                                                        "is_member",  "created_at", "updated_at"};
constexpr std::array<const char*, 9> kMembershipColumns = {"id",       "person_id",    "organization_id",
                                                           "org_path", "member_since", "member_number",
                                                           "status",   "started_at",   "ended_at"};
constexpr std::array<const char*, 8> kPositionColumns = {"id",    "person_id",  "organization_id", "org_path",
                                                         "title", "employment", "started_on",      "ended_on"};

// "a.x AS px, a.y AS py, ..." (alias and rename both optional).
template <size_t N>
std::string ColumnList(const std::array<const char*, N>& columns, std::string_view alias, std::string_view as_prefix) {
  std::string out;
  for (const char* c : columns) {
    if (!out.empty()) out += ", ";
    out.append(alias).append(c);
    if (!as_prefix.empty()) out.append(" AS ").append(as_prefix).append(c);
  }
  return out;
}

Membership ReadMembership(const Row& r) {
  Membership m;
  m.id = r.Int("id");
  m.person_id = r.Int("person_id");
  m.organization_id = r.Int("organization_id");
  m.org_path = r.Text("org_path");
  m.member_since = r.Text("member_since");
  m.member_number = r.OptText("member_number");
  m.status = r.Text("status");
  m.started_at = r.Int("started_at");
  m.ended_at = r.OptInt("ended_at");
  return m;
}

Result<int64_t> InsertReturningId(Transaction& tx, std::string_view sql, std::initializer_list<storage::Param> params) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(sql, params));
  if (rows.empty()) return Status::Internal("error.internal").WithDetail("INSERT RETURNING gave no row");
  return rows[0].Int("id");
}

}  // namespace

std::string PersonColumns(std::string_view alias) { return ColumnList(kPersonColumns, alias, {}); }

Person ReadPerson(const Row& r) {
  Person p;
  p.id = r.Int("id");
  PersonFields& f = p.fields;
  f.name = r.Text("name");
  f.gender = r.Text("gender");
  f.birth_date = r.Text("birth_date");
  f.ethnicity = r.OptText("ethnicity");
  f.phone = r.OptText("phone");
  f.identity_number = r.OptText("identity_number");
  f.education = r.OptText("education");
  f.occupation = r.OptText("occupation");
  f.employer = r.OptText("employer");
  p.organization_id = r.Int("organization_id");
  p.org_path = r.Text("org_path");
  p.is_member = r.Bool("is_member");
  p.created_at = r.Int("created_at");
  p.updated_at = r.Int("updated_at");
  return p;
}

std::string PositionColumns(std::string_view alias, std::string_view as_prefix) {
  return ColumnList(kPositionColumns, alias, as_prefix);
}

Position ReadPosition(const Row& r, std::string_view as_prefix) {
  auto name = [&](const char* column) { return std::string(as_prefix) + column; };
  Position p;
  p.id = r.Int(name("id"));
  p.person_id = r.Int(name("person_id"));
  p.organization_id = r.Int(name("organization_id"));
  p.org_path = r.Text(name("org_path"));
  p.title = r.Text(name("title"));
  p.employment = r.Text(name("employment"));
  p.started_on = r.Text(name("started_on"));
  p.ended_on = r.OptText(name("ended_on"));
  return p;
}

std::string_view ForUpdate(const Transaction& tx, bool for_update) {
  return for_update && tx.dialect() == storage::Dialect::kPostgres ? " FOR UPDATE" : "";
}

Result<std::optional<Person>> FindPerson(Transaction& tx, int64_t id, bool for_update) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT " + PersonColumns() + " FROM people_persons WHERE id = ?" +
                                                std::string(ForUpdate(tx, for_update)),
                                            {id}));
  if (!row) return std::optional<Person>();
  return std::optional<Person>(ReadPerson(*row));
}

Result<std::optional<Person>> FindPersonByIdentity(Transaction& tx, const std::string& identity_number) {
  TS_ASSIGN_OR_RETURN(
      auto row,
      tx.QueryOne("SELECT " + PersonColumns() + " FROM people_persons WHERE identity_number = ?", {identity_number}));
  if (!row) return std::optional<Person>();
  return std::optional<Person>(ReadPerson(*row));
}

Result<int64_t> InsertPerson(Transaction& tx, const Person& p) {
  const PersonFields& f = p.fields;
  return InsertReturningId(
      tx,
      "INSERT INTO people_persons (name, gender, birth_date, ethnicity, phone, identity_number, education, "
      "occupation, employer, organization_id, org_path, is_member, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {f.name, f.gender, f.birth_date, f.ethnicity, f.phone, f.identity_number, f.education, f.occupation, f.employer,
       p.organization_id, p.org_path, p.is_member ? 1 : 0, p.created_at, p.updated_at});
}

Status UpdatePersonFields(Transaction& tx, int64_t id, const PersonFields& f, int64_t now) {
  return tx
      .Execute(
          "UPDATE people_persons SET name = ?, gender = ?, birth_date = ?, ethnicity = ?, phone = ?, "
          "identity_number = ?, education = ?, occupation = ?, employer = ?, updated_at = ? WHERE id = ?",
          {f.name, f.gender, f.birth_date, f.ethnicity, f.phone, f.identity_number, f.education, f.occupation,
           f.employer, now, id})
      .status();
}

Status SetAttachment(Transaction& tx, int64_t id, int64_t organization_id, const std::string& path, bool is_member,
                     int64_t now) {
  return tx
      .Execute(
          "UPDATE people_persons SET organization_id = ?, org_path = ?, is_member = ?, updated_at = ? "
          "WHERE id = ?",
          {organization_id, path, is_member ? 1 : 0, now, id})
      .status();
}

Result<std::optional<Membership>> FindActiveMembership(Transaction& tx, int64_t person_id) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT " + ColumnList(kMembershipColumns, {}, {}) +
                                                " FROM people_memberships WHERE person_id = ? AND status = 'active'",
                                            {person_id}));
  if (!row) return std::optional<Membership>();
  return std::optional<Membership>(ReadMembership(*row));
}

Result<int64_t> InsertMembership(Transaction& tx, const Membership& m) {
  return InsertReturningId(tx,
                           "INSERT INTO people_memberships (person_id, organization_id, org_path, member_since, "
                           "member_number, status, started_at) VALUES (?, ?, ?, ?, ?, 'active', ?) RETURNING id",
                           {m.person_id, m.organization_id, m.org_path, m.member_since, m.member_number, m.started_at});
}

Status EndMembership(Transaction& tx, int64_t id, std::string_view status, int64_t now) {
  TS_ASSIGN_OR_RETURN(int64_t n, tx.Execute("UPDATE people_memberships SET status = ?, ended_at = ? "
                                            "WHERE id = ? AND status = 'active'",
                                            {status, now, id}));
  if (n != 1) return Status::Conflict("people.membership_not_active");
  return Status::Ok();
}

Result<std::vector<Position>> ListPositions(Transaction& tx, int64_t person_id) {
  TS_ASSIGN_OR_RETURN(
      auto rows,
      tx.Query("SELECT " + PositionColumns() + " FROM people_positions WHERE person_id = ? ORDER BY id", {person_id}));
  std::vector<Position> out;
  for (const auto& r : rows) out.push_back(ReadPosition(r));
  return out;
}

Result<std::optional<Position>> FindPosition(Transaction& tx, int64_t id, bool for_update) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT " + PositionColumns() + " FROM people_positions WHERE id = ?" +
                                                std::string(ForUpdate(tx, for_update)),
                                            {id}));
  if (!row) return std::optional<Position>();
  return std::optional<Position>(ReadPosition(*row));
}

Result<bool> HasOpenPosition(Transaction& tx, int64_t person_id, int64_t organization_id) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT 1 FROM people_positions WHERE person_id = ? AND "
                                            "organization_id = ? AND ended_on IS NULL",
                                            {person_id, organization_id}));
  return row.has_value();
}

Result<int64_t> InsertPosition(Transaction& tx, const Position& p, int64_t now) {
  return InsertReturningId(tx,
                           "INSERT INTO people_positions (person_id, organization_id, org_path, title, employment, "
                           "started_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                           {p.person_id, p.organization_id, p.org_path, p.title, p.employment, p.started_on, now, now});
}

Status ClosePosition(Transaction& tx, int64_t id, const std::string& ended_on, int64_t now) {
  TS_ASSIGN_OR_RETURN(int64_t n, tx.Execute("UPDATE people_positions SET ended_on = ?, updated_at = ? "
                                            "WHERE id = ? AND ended_on IS NULL",
                                            {ended_on, now, id}));
  if (n != 1) return Status::Conflict("people.position_already_ended");
  return Status::Ok();
}

Result<std::vector<std::string>> ReadablePaths(Transaction& tx, const Person& p) {
  std::vector<std::string> out{p.org_path};
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT org_path FROM people_positions WHERE person_id = ? AND "
                                          "ended_on IS NULL",
                                          {p.id}));
  for (const auto& r : rows) out.push_back(r.Text("org_path"));
  return out;
}

}  // namespace tianshan::people
