#pragma once
// Read use cases for sign-ups: the caller's own shifts ("my shifts") and a shift's roster with
// live check-in status for those who manage it (the leader's screen polls it).

#include <vector>

#include "modules/volunteering/projects/project_views.h"
#include "modules/volunteering/use_case_support.h"

namespace tianshan::volunteering {

struct MySignUp {
  SignUp sign_up;
  Shift shift;
  std::string project_title;
  int64_t project_id = 0;
  std::optional<int64_t> waitlist_position;
  std::optional<Attendance> attendance;
};
struct MySignUpPage {
  std::vector<MySignUp> items;
  int64_t now = 0;  // the time the shifts' states are answered at
  std::optional<int64_t> next_cursor;
};
// 403 when the account has no person.
Result<MySignUpPage> ListMySignUps(const AppContext& ctx, const auth::Actor& actor, int64_t before_id, int limit);

struct RosterLine {
  SignUp sign_up;
  std::optional<int64_t> waitlist_position;
  std::optional<Attendance> attendance;
};
struct Roster {
  ShiftView shift;
  Project project;
  std::vector<RosterLine> lines;  // confirmed first, then the waitlist in order
};
// 404 unless visible, 403 unless the caller manages the project.
Result<Roster> GetRoster(const AppContext& ctx, const auth::Actor& actor, int64_t shift_id);

}  // namespace tianshan::volunteering
