#include "modules/volunteering/signups/signup_repository.h"

#include "modules/volunteering/repository_support.h"
#include "storage/plan_hint.h"

namespace tianshan::volunteering {
namespace {

constexpr const char* kSignUpColumns =
    "s.id, s.shift_id, s.person_id, s.account_id, s.status, s.waitlist_seq, s.starts_at, s.ends_at, "
    "s.guardian_name, s.guardian_relation, s.created_at, v.name";
constexpr const char* kSignUpFrom =
    " FROM volunteering_signups s JOIN volunteering_volunteers v ON v.person_id = s.person_id";
constexpr const char* kAttendanceColumns =
    "id, signup_id, shift_id, person_id, checked_in_at, checked_out_at, in_method, out_method, ledger_entry_id";

SignUp ToSignUp(const storage::Row& r) {
  SignUp s;
  s.id = r.Int("id");
  s.shift_id = r.Int("shift_id");
  s.person_id = r.Int("person_id");
  s.account_id = r.Int("account_id");
  s.status = r.Text("status");
  s.waitlist_seq = r.OptInt("waitlist_seq");
  s.starts_at = r.Int("starts_at");
  s.ends_at = r.Int("ends_at");
  s.guardian_name = r.OptText("guardian_name");
  s.guardian_relation = r.OptText("guardian_relation");
  s.created_at = r.Int("created_at");
  s.name = r.Text("name");
  return s;
}

Attendance ToAttendance(const storage::Row& r) {
  Attendance a;
  a.id = r.Int("id");
  a.signup_id = r.Int("signup_id");
  a.shift_id = r.Int("shift_id");
  a.person_id = r.Int("person_id");
  a.checked_in_at = r.Int("checked_in_at");
  a.checked_out_at = r.OptInt("checked_out_at");
  a.in_method = r.Text("in_method");
  a.out_method = r.OptText("out_method");
  a.ledger_entry_id = r.OptInt("ledger_entry_id");
  return a;
}

Result<std::vector<SignUp>> SignUps(storage::Transaction& tx, const std::string& where,
                                    std::initializer_list<storage::Param> params) {
  return AllRows(tx.Query(std::string("SELECT ") + kSignUpColumns + kSignUpFrom + where, params), ToSignUp);
}

// The first of the sign-ups `where` selects.
Result<std::optional<SignUp>> FirstSignUp(storage::Transaction& tx, const std::string& where,
                                          std::initializer_list<storage::Param> params) {
  TS_ASSIGN_OR_RETURN(auto rows, SignUps(tx, where, params));
  if (rows.empty()) return std::optional<SignUp>();
  return std::optional<SignUp>(std::move(rows.front()));
}

std::string SelectAttendance(const std::string& where) {
  return std::string("SELECT ") + kAttendanceColumns + " FROM volunteering_attendance " + where;
}

}  // namespace

Status LockVolunteer(storage::Transaction& tx, int64_t person_id, const std::string& name, int64_t now) {
  // No answer needed: on PostgreSQL it goes out with the next statement, which runs after it.
  static const std::string kUpsert =
      std::string(storage::kNoAnswer) +
      "INSERT INTO volunteering_volunteers (person_id, name, total_minutes, created_at, updated_at) "
      "VALUES (?, ?, 0, ?, ?) ON CONFLICT (person_id) DO UPDATE SET name = excluded.name, "
      "updated_at = excluded.updated_at";
  return tx.Execute(kUpsert, {person_id, name, now, now}).status();
}

Result<std::optional<std::string>> VolunteerName(storage::Transaction& tx, int64_t person_id) {
  TS_ASSIGN_OR_RETURN(auto row,
                      tx.QueryOne("SELECT name FROM volunteering_volunteers WHERE person_id = ?", {person_id}));
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(row->Text("name"));
}

Result<int64_t> VolunteerTotal(storage::Transaction& tx, int64_t person_id) {
  TS_ASSIGN_OR_RETURN(
      auto row, tx.QueryOne("SELECT total_minutes FROM volunteering_volunteers WHERE person_id = ?", {person_id}));
  return row ? row->Int("total_minutes") : 0;
}

Result<std::optional<SignUp>> FindSignUp(storage::Transaction& tx, int64_t id, bool lock) {
  return FirstSignUp(tx, " WHERE s.id = ?" + ForUpdate(tx, lock, "s"), {id});
}

Result<std::optional<SignUp>> FindSignUpFor(storage::Transaction& tx, int64_t shift_id, int64_t person_id) {
  return FirstSignUp(tx, " WHERE s.shift_id = ? AND s.person_id = ?", {shift_id, person_id});
}

// The sign-up row as SaveSignUp and SeatAndSaveSignUp write it: the insert's head, and the tail
// that makes a second sign-up of the same person for the shift replace the first (a re-sign-up
// after a cancellation).
#define TS_SIGNUP_INSERT                                                                      \
  "INSERT INTO volunteering_signups (shift_id, person_id, account_id, status, waitlist_seq, " \
  "starts_at, ends_at, guardian_name, guardian_relation, consent_at, created_at, updated_at) "
#define TS_SIGNUP_UPSERT                                                                               \
  " ON CONFLICT (shift_id, person_id) DO UPDATE SET "                                                  \
  "account_id = excluded.account_id, status = excluded.status, waitlist_seq = excluded.waitlist_seq, " \
  "guardian_name = excluded.guardian_name, guardian_relation = excluded.guardian_relation, "           \
  "consent_at = excluded.consent_at, created_at = excluded.created_at, "                               \
  "updated_at = excluded.updated_at"

Result<int64_t> SaveSignUp(storage::Transaction& tx, const SignUp& s, int64_t now) {
  const storage::Param consent_at = s.guardian_name ? storage::Param(now) : storage::Param();
  const storage::Param values[] = {s.shift_id,          s.person_id, s.account_id, s.status,
                                   s.waitlist_seq,      s.starts_at, s.ends_at,    s.guardian_name,
                                   s.guardian_relation, consent_at,  now,          now};
  if (tx.dialect() == storage::Dialect::kPostgres) {
    TS_ASSIGN_OR_RETURN(
        auto rows,
        tx.Query(TS_SIGNUP_INSERT "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" TS_SIGNUP_UPSERT " RETURNING id",
                 values));
    return rows.rows.front().Int("id");
  }
  // SQLite collects RETURNING rows in a temporary table opened on every execution (a tenth of a
  // storm sign-up's CPU); the row's id comes from the (shift, person) index instead, which also
  // finds a re-activated row.
  TS_RETURN_IF_ERROR(
      tx.Execute(TS_SIGNUP_INSERT "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" TS_SIGNUP_UPSERT, values).status());
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT id FROM volunteering_signups WHERE shift_id = ? AND person_id = ?",
                                            {s.shift_id, s.person_id}));
  if (!row) return Status::Internal("error.internal").WithDetail("saved sign-up not found");
  return row->Int("id");
}

namespace {

// The shift's row before the update, read and locked by the FROM subquery (FOR UPDATE waits for a
// concurrent sign-up and reads the row it committed), decides: a seat while confirmed < capacity,
// else the next waitlist number. The sign-up is inserted from the updated row in the same
// statement, so the row lock is held from here to COMMIT only.
constexpr const char* kSeatAndSavePostgres =
    "WITH shift AS (UPDATE volunteering_shifts v SET "
    "confirmed = v.confirmed + CASE WHEN o.seated THEN 1 ELSE 0 END, "
    "waitlisted = v.waitlisted + CASE WHEN o.seated THEN 0 ELSE 1 END, "
    "waitlist_seq = v.waitlist_seq + CASE WHEN o.seated THEN 0 ELSE 1 END, updated_at = CAST(? AS BIGINT) "
    "FROM (SELECT id, confirmed < capacity AS seated FROM volunteering_shifts "
    "WHERE id = CAST(? AS BIGINT) AND status = 'open' FOR UPDATE) o "
    "WHERE v.id = o.id RETURNING o.seated, v.waitlist_seq, v.waitlisted), "
    "saved AS (" TS_SIGNUP_INSERT
    "SELECT CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT), "
    "CASE WHEN seated THEN 'confirmed' ELSE 'waitlisted' END, CASE WHEN seated THEN NULL ELSE waitlist_seq END, "
    "CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS BIGINT), "
    "CAST(? AS BIGINT), CAST(? AS BIGINT) FROM shift" TS_SIGNUP_UPSERT
    " RETURNING id) "
    "SELECT saved.id, shift.seated, shift.waitlist_seq, shift.waitlisted FROM saved, shift";
#undef TS_SIGNUP_INSERT
#undef TS_SIGNUP_UPSERT

}  // namespace

Result<std::optional<WaitlistPlace>> SeatAndSaveSignUp(storage::Transaction& tx, SignUp& s, int64_t now) {
  const bool postgres = tx.dialect() == storage::Dialect::kPostgres;
  std::optional<WaitlistPlace> place;
  if (postgres) {
    TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne(kSeatAndSavePostgres,
                                              {now, s.shift_id, s.shift_id, s.person_id, s.account_id, s.starts_at,
                                               s.ends_at, s.guardian_name, s.guardian_relation,
                                               s.guardian_name ? storage::Param(now) : storage::Param(), now, now}));
    if (!row) return Status::Conflict("volunteer.shift_cancelled");
    s.id = row->Int("id");
    if (row->Int("seated") == 0) place = WaitlistPlace{row->Int("waitlist_seq"), row->Int("waitlisted")};
  } else {
    // SQLite's writer is alone and this transaction holds its lock: the counters read here are
    // the ones the UPDATE changes, and its WHERE re-checks them anyway (a miss retries the whole
    // transaction). A full shift (most of a storm) goes straight to its waitlist.
    TS_ASSIGN_OR_RETURN(auto seats, FindOpenSeats(tx, s.shift_id));
    if (!seats) return Status::Conflict("volunteer.shift_cancelled");
    if (seats->free) {
      TS_ASSIGN_OR_RETURN(bool seated, TakeSeat(tx, s.shift_id, now));
      if (!seated) return Status::Retry("the shift's seats changed under its writer");
    } else {
      TS_ASSIGN_OR_RETURN(place, AppendToWaitlist(tx, s.shift_id, *seats, now));
      if (!place) return Status::Retry("the shift's waitlist changed under its writer");
    }
  }
  s.status = place ? "waitlisted" : "confirmed";
  s.waitlist_seq = place ? std::optional<int64_t>(place->seq) : std::nullopt;
  if (!postgres) {
    TS_ASSIGN_OR_RETURN(s.id, SaveSignUp(tx, s, now));
  }
  return place;
}

Status SetSignUpStatus(storage::Transaction& tx, int64_t id, const std::string& status,
                       std::optional<int64_t> waitlist_seq, int64_t now) {
  return tx
      .Execute("UPDATE volunteering_signups SET status = ?, waitlist_seq = ?, updated_at = ? WHERE id = ?",
               {status, waitlist_seq, now, id})
      .status();
}

Result<std::optional<SignUp>> FirstWaitlisted(storage::Transaction& tx, int64_t shift_id) {
  return FirstSignUp(tx, " WHERE s.shift_id = ? AND s.status = 'waitlisted' ORDER BY s.waitlist_seq LIMIT 1",
                     {shift_id});
}

Result<SignUpsAround> FindSignUpsAround(storage::Transaction& tx, int64_t person_id, int64_t shift_id,
                                        int64_t starts_at, int64_t ends_at) {
  TS_ASSIGN_OR_RETURN(auto rows, SignUps(tx,
                                         " WHERE s.person_id = ? AND (s.shift_id = ? OR (s.status IN ('confirmed', "
                                         "'waitlisted') AND s.starts_at < ? AND s.ends_at > ?)) ORDER BY s.starts_at",
                                         {person_id, shift_id, ends_at, starts_at}));
  SignUpsAround out;
  for (auto& s : rows) {
    if (s.shift_id == shift_id) {
      out.existing = std::move(s);
    } else {
      out.overlapping.push_back(std::move(s));
    }
  }
  return out;
}

Result<std::vector<SignUp>> ListShiftSignUps(storage::Transaction& tx, int64_t shift_id, bool include_cancelled) {
  return SignUps(tx,
                 std::string(" WHERE s.shift_id = ?") + (include_cancelled ? "" : " AND s.status <> 'cancelled'") +
                     " ORDER BY CASE s.status WHEN 'confirmed' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END, "
                     "s.waitlist_seq, s.id",
                 {shift_id});
}

Status CancelAllSignUps(storage::Transaction& tx, int64_t shift_id, int64_t now) {
  return tx
      .Execute(
          "UPDATE volunteering_signups SET status = 'cancelled', waitlist_seq = NULL, updated_at = ? "
          "WHERE shift_id = ? AND status <> 'cancelled'",
          {now, shift_id})
      .status();
}

Result<std::vector<SignUp>> ListPersonSignUps(storage::Transaction& tx, int64_t person_id, int64_t before_id,
                                              int limit) {
  return SignUps(tx, " WHERE s.person_id = ? AND (? = 0 OR s.id < ?) ORDER BY s.id DESC LIMIT ?",
                 {person_id, before_id, before_id, limit});
}

Result<std::vector<SignUp>> ListPersonProjectSignUps(storage::Transaction& tx, int64_t person_id, int64_t project_id) {
  return SignUps(tx,
                 " WHERE s.person_id = ? AND s.shift_id IN (SELECT id FROM volunteering_shifts WHERE project_id = ?) "
                 "ORDER BY s.id",
                 {person_id, project_id});
}

Result<int64_t> WaitlistPosition(storage::Transaction& tx, int64_t shift_id, int64_t waitlist_seq) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT COUNT(*) FROM volunteering_signups WHERE shift_id = ? AND "
                                            "status = 'waitlisted' AND waitlist_seq <= ?",
                                            {shift_id, waitlist_seq}));
  return row ? row->Int(0) : 0;
}

Result<std::optional<IdempotencyRecord>> ClaimIdempotency(storage::Transaction& tx, int64_t account_id,
                                                          const std::string& key, const std::string& operation,
                                                          int64_t now) {
  TS_ASSIGN_OR_RETURN(int64_t inserted,
                      tx.Execute("INSERT INTO volunteering_idempotency (account_id, idem_key, operation, created_at) "
                                 "VALUES (?, ?, ?, ?) ON CONFLICT (account_id, idem_key) DO NOTHING",
                                 {account_id, key, operation, now}));
  if (inserted == 1) return std::optional<IdempotencyRecord>();
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT operation, response_body FROM volunteering_idempotency WHERE "
                                            "account_id = ? AND idem_key = ?",
                                            {account_id, key}));
  if (!row) return Status::Retry("idempotency key vanished");
  IdempotencyRecord rec{row->Text("operation"), 0};
  std::string body = row->Text("response_body");
  if (!body.empty()) rec.result_id = std::stoll(body);
  return std::optional<IdempotencyRecord>(rec);
}

Status CompleteIdempotency(storage::Transaction& tx, int64_t account_id, const std::string& key, int64_t result_id) {
  // The row was claimed in this transaction (ClaimIdempotency): nothing to learn from the answer.
  static const std::string kUpdate = std::string(storage::kNoAnswer) +
                                     "UPDATE volunteering_idempotency SET response_status = 201, response_body = ? "
                                     "WHERE account_id = ? AND idem_key = ?";
  return tx.Execute(kUpdate, {std::to_string(result_id), account_id, key}).status();
}

Result<std::optional<Attendance>> FindAttendance(storage::Transaction& tx, int64_t signup_id, bool lock) {
  return OneRow(tx.QueryOne(SelectAttendance("WHERE signup_id = ?" + ForUpdate(tx, lock)), {signup_id}), ToAttendance);
}

Result<bool> InsertCheckIn(storage::Transaction& tx, const SignUp& s, int64_t at, const std::string& method,
                           int64_t now) {
  TS_ASSIGN_OR_RETURN(int64_t n,
                      tx.Execute("INSERT INTO volunteering_attendance (signup_id, shift_id, person_id, checked_in_at, "
                                 "in_method, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                                 "ON CONFLICT (signup_id) DO NOTHING",
                                 {s.id, s.shift_id, s.person_id, at, method, now, now}));
  return n == 1;
}

Status SetCheckOut(storage::Transaction& tx, int64_t attendance_id, int64_t at, const std::string& method,
                   int64_t now) {
  return tx
      .Execute("UPDATE volunteering_attendance SET checked_out_at = ?, out_method = ?, updated_at = ? WHERE id = ?",
               {at, method, now, attendance_id})
      .status();
}

Status SetAttendanceTimes(storage::Transaction& tx, int64_t attendance_id, int64_t in, std::optional<int64_t> out,
                          int64_t now) {
  return tx
      .Execute(
          "UPDATE volunteering_attendance SET checked_in_at = ?, checked_out_at = ?, updated_at = ?, "
          "out_method = ? WHERE id = ?",
          {in, out, now, out ? storage::Param("leader") : storage::Param(), attendance_id})
      .status();
}

Status SetAttendanceLedger(storage::Transaction& tx, int64_t attendance_id, int64_t entry_id, int64_t now) {
  return tx
      .Execute("UPDATE volunteering_attendance SET ledger_entry_id = ?, updated_at = ? WHERE id = ?",
               {entry_id, now, attendance_id})
      .status();
}

Result<std::vector<Attendance>> ListShiftAttendance(storage::Transaction& tx, int64_t shift_id) {
  return AllRows(tx.Query(SelectAttendance("WHERE shift_id = ? ORDER BY id"), {shift_id}), ToAttendance);
}

}  // namespace tianshan::volunteering
