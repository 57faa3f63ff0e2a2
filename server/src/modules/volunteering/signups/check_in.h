#pragma once
// Use cases of check-in and check-out on site.
//
// IssueCheckInCode (the leader's screen): 404/403 unless the caller manages the shift; a
// cancelled shift is a 409 → a token for this shift and direction valid kTokenLifetimeMillis,
// the URL the phone opens (<base_url>/volunteer/scan?shift=..&direction=..&token=..) and that
// URL as an SVG QR code. Issuing writes nothing (tokens are stateless).
//
// CheckInByToken (the volunteer's phone): the token must verify for this shift and direction
// (422 on "token": forged, other shift, wrong direction, expired) → the caller's confirmed
// sign-up for the shift (409 volunteer.not_signed_up) → check-in: records the time unless
// already checked in (then answers the existing record); check-out: needs a check-in (409
// volunteer.not_checked_in) and answers an existing check-out as is. Audit; one transaction.
//
// RecordAttendance (the leader, by hand or to fix times): sets check-in and/or check-out
// times of a confirmed sign-up with a reason; a check-out without any check-in or before it is
// a 422; a session whose hours are already confirmed is a 409 (correct the ledger instead).
// Audit with before and after.

#include "modules/volunteering/signups/checkin_token.h"
#include "modules/volunteering/use_case_support.h"

namespace tianshan::volunteering {

struct CheckInCode {
  std::string token;
  int64_t expires_at = 0;
  std::string url;
  std::string svg;
};
Result<CheckInCode> IssueCheckInCode(const AppContext& ctx, const auth::Actor& actor, int64_t shift_id,
                                     Direction direction, const std::string& base_url);

struct AttendanceResult {
  Attendance attendance;
  bool changed = true;  // false when an earlier identical check-in/out was answered
};
Result<AttendanceResult> CheckInByToken(const AppContext& ctx, const Caller& caller, int64_t shift_id,
                                        Direction direction, const std::string& token);

struct AttendanceFix {
  std::optional<int64_t> checked_in_at;
  std::optional<int64_t> checked_out_at;
  std::string reason;
};
Result<AttendanceResult> RecordAttendance(const AppContext& ctx, const Caller& caller, int64_t sign_up_id,
                                          const AttendanceFix& fix);

}  // namespace tianshan::volunteering
