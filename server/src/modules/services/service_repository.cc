#include "modules/services/service_repository.h"

#include <cassert>
#include <set>

#include "storage/sql_filter.h"
#include "storage/sql_text.h"

namespace tianshan::services {
namespace {

// "?, ?, ?" for the distinct `ids` (at most 500, so that a statement stays small), each appended
// to `params`.
std::string IdPlaceholders(const std::vector<int64_t>& ids, std::vector<storage::Param>& params) {
  assert(ids.size() <= 500);
  std::set<int64_t> distinct(ids.begin(), ids.end());
  std::string in;
  for (int64_t id : distinct) {
    in += in.empty() ? "?" : ", ?";
    params.emplace_back(id);
  }
  return in;
}

constexpr const char* kServiceColumns =
    "id, organization_id, org_path, name, category, description, min_age, max_age, area_path, delivery, kind, "
    "questions, response_days, created_by, created_at, updated_at";
constexpr const char* kSessionColumns =
    "id, service_id, name, starts_on, ends_on, capacity, enrolled, waitlisted, present_days, marked_days";
// The waitlist position counts the session's waitlisted enrollments up to this one, so it
// closes up when someone ahead withdraws or is promoted.
constexpr const char* kEnrollmentColumns =
    "e.id AS id, e.session_id AS session_id, e.service_id AS service_id, e.account_id AS account_id, "
    "e.participant_name AS participant_name, e.participant_birth_date AS participant_birth_date, "
    "e.guardian_consent AS guardian_consent, e.status AS status, e.created_at AS created_at, CASE WHEN e.status = "
    "'waitlisted' THEN (SELECT COUNT(*) FROM services_enrollments w WHERE w.session_id = e.session_id AND w.status = "
    "'waitlisted' AND w.waitlist_seq <= e.waitlist_seq) END AS waitlist_position, e.waitlist_seq AS waitlist_seq, "
    "s.name AS service_name, s.org_path AS org_path, ss.name AS session_name, ss.ends_on AS session_ends_on, "
    "s.organization_id AS organization_id";
constexpr const char* kEnrollmentFrom =
    " FROM services_enrollments e JOIN services_sessions ss ON ss.id = e.session_id JOIN services_services s ON s.id "
    "= e.service_id";
constexpr const char* kApplicationColumns =
    "id, service_id, organization_id, org_path, account_id, applicant_name, answers, status, reason, created_at, "
    "updated_at, rating, rating_comment, rated_at";

std::optional<int> OptInt32(const storage::Row& r, const char* name) {
  auto v = r.OptInt(name);
  if (!v) return std::nullopt;
  return static_cast<int>(*v);
}

Service ReadService(const storage::Row& r) {
  Service s;
  s.id = r.Int("id");
  s.organization_id = r.Int("organization_id");
  s.org_path = r.Text("org_path");
  s.f.name = r.Text("name");
  s.f.category = r.Text("category");
  s.f.description = r.Text("description");
  s.f.min_age = OptInt32(r, "min_age");
  s.f.max_age = OptInt32(r, "max_age");
  s.area_path = r.OptText("area_path");
  s.f.delivery = r.Text("delivery");
  s.f.kind = r.Text("kind");
  s.f.questions = ReadQuestions(r.Text("questions"));
  s.f.response_days = static_cast<int>(r.Int("response_days"));
  s.created_by = r.Int("created_by");
  s.created_at = r.Int("created_at");
  s.updated_at = r.Int("updated_at");
  return s;
}

Session ReadSession(const storage::Row& r) {
  return Session{r.Int("id"),
                 r.Int("service_id"),
                 r.Text("name"),
                 r.Text("starts_on"),
                 r.Text("ends_on"),
                 static_cast<int>(r.Int("capacity")),
                 static_cast<int>(r.Int("enrolled")),
                 static_cast<int>(r.Int("waitlisted")),
                 static_cast<int>(r.Int("present_days")),
                 static_cast<int>(r.Int("marked_days"))};
}

Enrollment ReadEnrollment(const storage::Row& r) {
  Enrollment e;
  e.id = r.Int("id");
  e.session_id = r.Int("session_id");
  e.service_id = r.Int("service_id");
  e.account_id = r.Int("account_id");
  e.participant_name = r.Text("participant_name");
  e.participant_birth_date = r.Text("participant_birth_date");
  e.guardian_consent = r.Bool("guardian_consent");
  e.status = r.Text("status");
  e.waitlist_seq = r.OptInt("waitlist_seq");
  e.waitlist_position = r.OptInt("waitlist_position");
  e.service_name = r.Text("service_name");
  e.session_name = r.Text("session_name");
  e.org_path = r.Text("org_path");
  e.session_ends_on = r.Text("session_ends_on");
  e.organization_id = r.Int("organization_id");
  e.created_at = r.Int("created_at");
  return e;
}

Application ReadApplication(const storage::Row& r) {
  Application a;
  a.id = r.Int("id");
  a.service_id = r.Int("service_id");
  a.organization_id = r.Int("organization_id");
  a.org_path = r.Text("org_path");
  a.account_id = r.Int("account_id");
  a.applicant_name = r.Text("applicant_name");
  a.answers = ReadAnswers(r.Text("answers"));
  a.status = r.Text("status");
  a.reason = r.OptText("reason");
  a.created_at = r.Int("created_at");
  a.updated_at = r.Int("updated_at");
  a.rating = OptInt32(r, "rating");
  a.rating_comment = r.OptText("rating_comment");
  a.rated_at = r.OptInt("rated_at");
  return a;
}

}  // namespace

Result<int64_t> InsertService(storage::Transaction& tx, const Service& s) {
  JsonOut questions;
  WriteQuestions(questions, s.f.questions);
  TS_ASSIGN_OR_RETURN(
      auto rows, tx.Query("INSERT INTO services_services (organization_id, org_path, name, category, description, "
                          "min_age, max_age, area_path, delivery, kind, questions, response_days, created_by, "
                          "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                          {s.organization_id, s.org_path, s.f.name, s.f.category, s.f.description, s.f.min_age,
                           s.f.max_age, s.area_path, s.f.delivery, s.f.kind, questions.Take(), s.f.response_days,
                           s.created_by, s.created_at, s.updated_at}));
  if (rows.empty()) return Status::Internal("error.internal").WithDetail("INSERT RETURNING gave no row");
  return rows[0].Int(0);
}

Status UpdateQuestions(storage::Transaction& tx, const Service& s) {
  JsonOut questions;
  WriteQuestions(questions, s.f.questions);
  return tx
      .Execute("UPDATE services_services SET questions = ?, updated_at = ? WHERE id = ?",
               {questions.Take(), s.updated_at, s.id})
      .status();
}

Result<std::optional<Service>> FindService(storage::Transaction& tx, int64_t id) {
  TS_ASSIGN_OR_RETURN(
      auto row, tx.QueryOne(std::string("SELECT ") + kServiceColumns + " FROM services_services WHERE id = ?", {id}));
  if (!row) return std::optional<Service>();
  return std::optional<Service>(ReadService(*row));
}

Result<std::map<int64_t, Service>> ServicesOf(storage::Transaction& tx, const std::vector<int64_t>& ids) {
  std::map<int64_t, Service> out;
  if (ids.empty()) return out;
  std::vector<storage::Param> params;
  const std::string in = IdPlaceholders(ids, params);
  TS_ASSIGN_OR_RETURN(
      auto rows,
      tx.Query(std::string("SELECT ") + kServiceColumns + " FROM services_services WHERE id IN (" + in + ")", params));
  for (const auto& r : rows) {
    Service service = ReadService(r);
    out.emplace(service.id, std::move(service));
  }
  return out;
}

Result<bool> ServiceNameTaken(storage::Transaction& tx, int64_t organization_id, const std::string& name) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT 1 FROM services_services WHERE organization_id = ? AND name = ?",
                                            {organization_id, name}));
  return row.has_value();
}

Result<std::vector<Service>> SelectServices(storage::Transaction& tx, const CatalogFilter& f,
                                            std::optional<int64_t> after_id, int limit) {
  // Without an area the page walks the primary key (id > ? ORDER BY id LIMIT): a range over the
  // whole path index would read and sort every service for each page.
  const std::string upper = f.path.empty() ? "" : storage::PrefixUpperBound(f.path);
  std::string sql = std::string("SELECT ") + kServiceColumns + " FROM services_services WHERE id > ?";
  std::vector<storage::Param> params{after_id.value_or(0)};
  if (!f.path.empty()) {
    sql += " AND org_path >= ? AND org_path < ?";
    params.emplace_back(f.path);
    params.emplace_back(upper);
  }
  std::string pattern;
  if (f.category) {
    sql += " AND category = ?";
    params.emplace_back(*f.category);
  }
  if (f.q) {
    pattern = storage::ContainsPattern(*f.q);
    sql += " AND name LIKE ? ESCAPE '\\'";
    params.emplace_back(pattern);
  }
  sql += " ORDER BY id LIMIT ?";
  params.emplace_back(limit + 1);
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(sql, std::span<const storage::Param>(params)));
  std::vector<Service> out;
  for (const auto& r : rows) out.push_back(ReadService(r));
  return out;
}

Result<int64_t> InsertSession(storage::Transaction& tx, const Session& s, int64_t now) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query("INSERT INTO services_sessions (service_id, name, starts_on, ends_on, "
                                          "capacity, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                                          {s.service_id, s.name, s.starts_on, s.ends_on, s.capacity, now}));
  if (rows.empty()) return Status::Internal("error.internal").WithDetail("INSERT RETURNING gave no row");
  return rows[0].Int(0);
}

Result<std::optional<Session>> FindSession(storage::Transaction& tx, int64_t id) {
  TS_ASSIGN_OR_RETURN(
      auto row, tx.QueryOne(std::string("SELECT ") + kSessionColumns + " FROM services_sessions WHERE id = ?", {id}));
  if (!row) return std::optional<Session>();
  return std::optional<Session>(ReadSession(*row));
}

Result<std::vector<Session>> SelectSessions(storage::Transaction& tx, int64_t service_id) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(std::string("SELECT ") + kSessionColumns +
                                              " FROM services_sessions WHERE service_id = ? ORDER BY id",
                                          {service_id}));
  std::vector<Session> out;
  for (const auto& r : rows) out.push_back(ReadSession(r));
  return out;
}

Result<bool> TakePlace(storage::Transaction& tx, int64_t session_id) {
  TS_ASSIGN_OR_RETURN(int64_t n, tx.Execute("UPDATE services_sessions SET enrolled = enrolled + 1 WHERE id = ? AND "
                                            "enrolled < capacity",
                                            {session_id}));
  return n == 1;
}

Result<int64_t> JoinWaitlist(storage::Transaction& tx, int64_t session_id) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("UPDATE services_sessions SET waitlisted = waitlisted + 1, waitlist_seq = "
                                            "waitlist_seq + 1 WHERE id = ? RETURNING waitlist_seq",
                                            {session_id}));
  if (!row) return Status::NotFound("services.session_not_found");
  return row->Int("waitlist_seq");
}

Result<bool> AlreadyEnrolled(storage::Transaction& tx, int64_t session_id, int64_t account_id,
                             const std::string& participant_name) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT 1 FROM services_enrollments WHERE session_id = ? AND account_id = "
                                            "? AND participant_name = ?",
                                            {session_id, account_id, participant_name}));
  return row.has_value();
}

Result<int64_t> InsertEnrollment(storage::Transaction& tx, const Enrollment& e) {
  TS_ASSIGN_OR_RETURN(
      auto rows, tx.Query("INSERT INTO services_enrollments (session_id, service_id, account_id, participant_name, "
                          "participant_birth_date, guardian_consent, status, waitlist_seq, created_at) VALUES (?, "
                          "?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                          {e.session_id, e.service_id, e.account_id, e.participant_name, e.participant_birth_date,
                           e.guardian_consent, e.status, e.waitlist_seq, e.created_at}));
  if (rows.empty()) return Status::Internal("error.internal").WithDetail("INSERT RETURNING gave no row");
  return rows[0].Int(0);
}

Result<std::optional<Enrollment>> FindEnrollment(storage::Transaction& tx, int64_t id) {
  TS_ASSIGN_OR_RETURN(
      auto row, tx.QueryOne(std::string("SELECT ") + kEnrollmentColumns + kEnrollmentFrom + " WHERE e.id = ?", {id}));
  if (!row) return std::optional<Enrollment>();
  return std::optional<Enrollment>(ReadEnrollment(*row));
}

Status LockSession(storage::Transaction& tx, int64_t session_id) {
  return tx.Execute("UPDATE services_sessions SET waitlist_seq = waitlist_seq WHERE id = ?", {session_id}).status();
}

Result<bool> ChangeEnrollmentStatus(storage::Transaction& tx, int64_t id, const std::string& from,
                                    const std::string& to, std::optional<int64_t> withdrawn_at) {
  TS_ASSIGN_OR_RETURN(int64_t n,
                      tx.Execute("UPDATE services_enrollments SET status = ?, withdrawn_at = ? WHERE id = ? AND "
                                 "status = ?",
                                 {to, withdrawn_at, id, from}));
  return n == 1;
}

Result<std::optional<int64_t>> FirstWaitlisted(storage::Transaction& tx, int64_t session_id) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT id FROM services_enrollments WHERE session_id = ? AND status = "
                                            "'waitlisted' ORDER BY waitlist_seq LIMIT 1",
                                            {session_id}));
  if (!row) return std::optional<int64_t>();
  return std::optional<int64_t>(row->Int("id"));
}

Status AdjustSession(storage::Transaction& tx, int64_t session_id, int enrolled, int waitlisted) {
  return tx
      .Execute("UPDATE services_sessions SET enrolled = enrolled + ?, waitlisted = waitlisted + ? WHERE id = ?",
               {enrolled, waitlisted, session_id})
      .status();
}

Status InsertMark(storage::Transaction& tx, int64_t session_id, const std::string& day, const AttendanceMark& mark,
                  int64_t marked_by, int64_t now) {
  return tx
      .Execute(
          "INSERT INTO services_attendance (session_id, day, enrollment_id, present, marked_by, marked_at) "
          "VALUES (?, ?, ?, ?, ?, ?)",
          {session_id, day, mark.enrollment_id, int64_t{mark.present ? 1 : 0}, marked_by, now})
      .status();
}

Status AdjustAttendance(storage::Transaction& tx, int64_t session_id, int64_t present, int64_t marked) {
  return tx
      .Execute(
          "UPDATE services_sessions SET present_days = present_days + ?, marked_days = marked_days + ? WHERE "
          "id = ?",
          {present, marked, session_id})
      .status();
}

Result<std::vector<Enrollment>> SelectEnrollments(storage::Transaction& tx, std::optional<int64_t> session_id,
                                                  std::optional<int64_t> account_id) {
  storage::SqlFilter where("1 = 1", {});
  where.Equals("e.session_id", session_id);
  where.Equals("e.account_id", account_id);
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(std::string("SELECT ") + kEnrollmentColumns + kEnrollmentFrom + " WHERE " +
                                              where.sql() + " ORDER BY e.id LIMIT ?",
                                          where.With(1000)));
  std::vector<Enrollment> out;
  for (const auto& r : rows) out.push_back(ReadEnrollment(r));
  return out;
}

Result<int64_t> InsertApplication(storage::Transaction& tx, const Application& a) {
  JsonOut answers;
  WriteAnswers(answers, a.answers);
  TS_ASSIGN_OR_RETURN(
      auto rows, tx.Query("INSERT INTO services_applications (service_id, organization_id, org_path, account_id, "
                          "applicant_name, answers, status, reason, created_at, updated_at) VALUES (?, ?, ?, ?, ?, "
                          "?, ?, ?, ?, ?) RETURNING id",
                          {a.service_id, a.organization_id, a.org_path, a.account_id, a.applicant_name, answers.Take(),
                           a.status, a.reason, a.created_at, a.updated_at}));
  if (rows.empty()) return Status::Internal("error.internal").WithDetail("INSERT RETURNING gave no row");
  return rows[0].Int(0);
}

Result<std::optional<Application>> FindApplication(storage::Transaction& tx, int64_t id) {
  TS_ASSIGN_OR_RETURN(
      auto row,
      tx.QueryOne(std::string("SELECT ") + kApplicationColumns + " FROM services_applications WHERE id = ?", {id}));
  if (!row) return std::optional<Application>();
  return std::optional<Application>(ReadApplication(*row));
}

Result<bool> ChangeApplicationStatus(storage::Transaction& tx, const Application& a, const std::string& from) {
  TS_ASSIGN_OR_RETURN(int64_t n, tx.Execute("UPDATE services_applications SET status = ?, reason = ?, updated_at = ? "
                                            "WHERE id = ? AND status = ?",
                                            {a.status, a.reason, a.updated_at, a.id, from}));
  return n == 1;
}

Status InsertStep(storage::Transaction& tx, int64_t application_id, const Step& s) {
  return tx
      .Execute(
          "INSERT INTO services_application_steps (application_id, status, account_id, note, at) VALUES (?, ?, "
          "?, ?, ?)",
          {application_id, s.status, s.account_id, s.note, s.at})
      .status();
}

Result<std::map<int64_t, std::vector<Step>>> StepsOf(storage::Transaction& tx, const std::vector<int64_t>& ids) {
  std::map<int64_t, std::vector<Step>> out;
  if (ids.empty()) return out;
  std::vector<storage::Param> params;
  const std::string in = IdPlaceholders(ids, params);
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT application_id, status, account_id, note, at FROM "
                                          "services_application_steps WHERE application_id IN (" +
                                              in + ") ORDER BY application_id, id",
                                          params));
  for (const auto& r : rows) {
    out[r.Int("application_id")].push_back({r.Text("status"), r.Int("account_id"), r.OptText("note"), r.Int("at")});
  }
  return out;
}

Result<std::vector<Application>> SelectApplications(storage::Transaction& tx, const ApplicationFilter& f,
                                                    std::optional<int64_t> before_id, int limit) {
  storage::SqlFilter where("id < ?", {before_id.value_or(INT64_MAX)});
  where.Subtree("org_path", f.path);
  where.Equals("account_id", f.account_id);
  where.Equals("status", f.status);
  TS_ASSIGN_OR_RETURN(auto rows,
                      tx.Query(std::string("SELECT ") + kApplicationColumns + " FROM services_applications WHERE " +
                                   where.sql() + " ORDER BY id DESC LIMIT ?",
                               where.With(limit + 1)));
  std::vector<Application> out;
  for (const auto& r : rows) out.push_back(ReadApplication(r));
  return out;
}

Result<std::map<int64_t, int64_t>> OverdueByOrganization(storage::Transaction& tx, int64_t now) {
  TS_ASSIGN_OR_RETURN(
      auto rows, tx.Query("SELECT a.organization_id AS organization_id, COUNT(*) AS value FROM "
                          "services_applications a JOIN services_services s ON s.id = a.service_id "
                          "WHERE a.status = 'submitted' AND a.created_at + s.response_days * CAST(86400000 AS BIGINT) "
                          "< ? GROUP BY a.organization_id",
                          {now}));
  std::map<int64_t, int64_t> out;
  for (const auto& r : rows) out[r.Int("organization_id")] = r.Int("value");
  return out;
}

Result<int64_t> InsertMessage(storage::Transaction& tx, const Message& m) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query("INSERT INTO services_application_messages (application_id, account_id, "
                                          "author_name, side, body, at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                                          {m.application_id, m.account_id, m.author_name, m.side, m.body, m.at}));
  if (rows.empty()) return Status::Internal("error.internal").WithDetail("INSERT RETURNING gave no row");
  return rows[0].Int(0);
}

Result<std::map<int64_t, std::vector<Message>>> MessagesOf(storage::Transaction& tx, const std::vector<int64_t>& ids) {
  std::map<int64_t, std::vector<Message>> out;
  if (ids.empty()) return out;
  std::vector<storage::Param> params;
  const std::string in = IdPlaceholders(ids, params);
  params.emplace_back(static_cast<int64_t>(kMaxMessagesShown));
  // The oldest kMaxMessagesShown of each application (a window over the page's applications).
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT id, application_id, account_id, author_name, side, body, at FROM "
                                          "(SELECT m.*, ROW_NUMBER() OVER (PARTITION BY application_id ORDER BY id) "
                                          "AS n FROM services_application_messages m WHERE application_id IN (" +
                                              in + ")) numbered WHERE n <= ? ORDER BY application_id, id",
                                          params));
  for (const auto& r : rows) {
    out[r.Int("application_id")].push_back({r.Int("id"), r.Int("application_id"), r.Int("account_id"),
                                            r.Text("author_name"), r.Text("side"), r.Text("body"), r.Int("at")});
  }
  return out;
}

Result<bool> RecordRating(storage::Transaction& tx, const Application& a) {
  TS_ASSIGN_OR_RETURN(int64_t n, tx.Execute("UPDATE services_applications SET rating = ?, rating_comment = ?, "
                                            "rated_at = ? WHERE id = ? AND status = 'completed' AND rating IS NULL",
                                            {a.rating, a.rating_comment, a.rated_at, a.id}));
  if (n != 1) return false;
  // The column name comes from the checked score (1–5), never from input text.
  const std::string column = "rating_" + std::to_string(*a.rating);
  TS_RETURN_IF_ERROR(
      tx.Execute("UPDATE services_services SET " + column + " = " + column + " + 1 WHERE id = ?", {a.service_id})
          .status());
  return true;
}

Satisfaction ReadSatisfaction(const storage::Row& r) {
  Satisfaction s;
  for (int k = 1; k <= 5; ++k) s.distribution[k - 1] = r.Int(("rating_" + std::to_string(k)).c_str());
  return s;
}

Result<Satisfaction> ServiceSatisfaction(storage::Transaction& tx, int64_t service_id) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT rating_1, rating_2, rating_3, rating_4, rating_5 FROM "
                                            "services_services WHERE id = ?",
                                            {service_id}));
  if (!row) return Status::NotFound("services.not_found");
  return ReadSatisfaction(*row);
}

Result<std::vector<std::pair<Service, Satisfaction>>> RatedServices(storage::Transaction& tx, const std::string& path,
                                                                    int limit) {
  storage::SqlFilter where("(rating_1 + rating_2 + rating_3 + rating_4 + rating_5 > 0 OR applications_count > 0)", {});
  where.Subtree("org_path", path);
  TS_ASSIGN_OR_RETURN(auto rows,
                      tx.Query(std::string("SELECT ") + kServiceColumns +
                                   ", rating_1, rating_2, rating_3, rating_4, rating_5 FROM services_services WHERE " +
                                   where.sql() + " ORDER BY id LIMIT ?",
                               where.With(limit)));
  std::vector<std::pair<Service, Satisfaction>> out;
  for (const auto& r : rows) out.emplace_back(ReadService(r), ReadSatisfaction(r));
  return out;
}

}  // namespace tianshan::services
