#pragma once
// SQL for volunteers, sign-ups, idempotency keys and attendance (bound parameters only;
// caller's transaction).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "modules/volunteering/projects/project_repository.h"
#include "modules/volunteering/volunteering.h"
#include "storage/database.h"

namespace tianshan::volunteering {

// Creates or refreshes the person's volunteer row and, on PostgreSQL, locks it until the
// transaction ends, so that one person's sign-ups (overlap checks) serialize.
Status LockVolunteer(storage::Transaction& tx, int64_t person_id, const std::string& name, int64_t now);
Result<std::optional<std::string>> VolunteerName(storage::Transaction& tx, int64_t person_id);
Result<int64_t> VolunteerTotal(storage::Transaction& tx, int64_t person_id);

Result<std::optional<SignUp>> FindSignUp(storage::Transaction& tx, int64_t id, bool lock = false);
Result<std::optional<SignUp>> FindSignUpFor(storage::Transaction& tx, int64_t shift_id, int64_t person_id);
// Inserts, or re-activates the person's cancelled sign-up for the shift; returns its id.
Result<int64_t> SaveSignUp(storage::Transaction& tx, const SignUp& s, int64_t now);
// Takes a seat on the open shift `s.shift_id` if one is free, else the next place on its waitlist,
// and saves `s` (SaveSignUp) with the status that gave: sets s.id, s.status and s.waitlist_seq.
// Returns the waitlist place when waitlisted; Conflict volunteer.shift_cancelled when the shift
// is not open (nothing changed). One statement on PostgreSQL (the shift row is locked for as short a time as its
// transaction allows); on SQLite, whose writer is alone, FindOpenSeats, then TakeSeat or
// AppendToWaitlist, then SaveSignUp (none with RETURNING).
Result<std::optional<WaitlistPlace>> SeatAndSaveSignUp(storage::Transaction& tx, SignUp& s, int64_t now);
Status SetSignUpStatus(storage::Transaction& tx, int64_t id, const std::string& status,
                       std::optional<int64_t> waitlist_seq, int64_t now);
// The earliest waitlisted sign-up of the shift (lowest sequence number).
Result<std::optional<SignUp>> FirstWaitlisted(storage::Transaction& tx, int64_t shift_id);
// What a new sign-up of the person for the shift must know, in one statement: their sign-up for
// that shift (any status), and their active (confirmed or waitlisted) sign-ups for other shifts
// overlapping [starts_at, ends_at), earliest first.
struct SignUpsAround {
  std::optional<SignUp> existing;
  std::vector<SignUp> overlapping;
};
Result<SignUpsAround> FindSignUpsAround(storage::Transaction& tx, int64_t person_id, int64_t shift_id,
                                        int64_t starts_at, int64_t ends_at);
// Every non-cancelled sign-up of the shift: confirmed first, then the waitlist in order.
Result<std::vector<SignUp>> ListShiftSignUps(storage::Transaction& tx, int64_t shift_id, bool include_cancelled);
Status CancelAllSignUps(storage::Transaction& tx, int64_t shift_id, int64_t now);
// The person's sign-ups, newest shift first, before `before_id` (0: from the start).
Result<std::vector<SignUp>> ListPersonSignUps(storage::Transaction& tx, int64_t person_id, int64_t before_id,
                                              int limit);
// The person's sign-ups (any status) for the shifts of one project.
Result<std::vector<SignUp>> ListPersonProjectSignUps(storage::Transaction& tx, int64_t person_id, int64_t project_id);
// 1-based position on the waitlist.
Result<int64_t> WaitlistPosition(storage::Transaction& tx, int64_t shift_id, int64_t waitlist_seq);

struct IdempotencyRecord {
  std::string operation;
  int64_t result_id = 0;
};
// Claims `key` for the account: nullopt when newly claimed (the caller does the work and
// calls CompleteIdempotency in the same transaction), else the stored record. On PostgreSQL
// a concurrent claim of the same key waits for the first transaction to end.
Result<std::optional<IdempotencyRecord>> ClaimIdempotency(storage::Transaction& tx, int64_t account_id,
                                                          const std::string& key, const std::string& operation,
                                                          int64_t now);
Status CompleteIdempotency(storage::Transaction& tx, int64_t account_id, const std::string& key, int64_t result_id);

Result<std::optional<Attendance>> FindAttendance(storage::Transaction& tx, int64_t signup_id, bool lock = false);
// Inserts a check-in unless one exists; true when inserted.
Result<bool> InsertCheckIn(storage::Transaction& tx, const SignUp& s, int64_t at, const std::string& method,
                           int64_t now);
Status SetCheckOut(storage::Transaction& tx, int64_t attendance_id, int64_t at, const std::string& method, int64_t now);
Status SetAttendanceTimes(storage::Transaction& tx, int64_t attendance_id, int64_t in, std::optional<int64_t> out,
                          int64_t now);
Status SetAttendanceLedger(storage::Transaction& tx, int64_t attendance_id, int64_t entry_id, int64_t now);
Result<std::vector<Attendance>> ListShiftAttendance(storage::Transaction& tx, int64_t shift_id);

}  // namespace tianshan::volunteering
