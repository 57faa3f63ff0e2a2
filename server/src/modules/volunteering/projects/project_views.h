#pragma once
// A project or a shift as one caller sees it: the row, and `can`, the actions this caller may
// take on it now (decided here, from permissions.h and the object's state, so the web shows
// exactly these buttons and never re-derives a rule).
//
//   project  edit            manage it (permissions.h) and it is not archived
//            publish         manage it and it is a draft (draft → recruiting)
//            change_status   manage it and it is not archived (the next status is the use case's)
//            add_shift       manage it and it is neither finished nor archived
//   shift    sign_up         an account with a person, the shift open and not started, the project
//                            recruiting or running, no active sign-up of the caller for it (age,
//                            consent, seats and overlaps are answered by the sign-up itself)
//            cancel_sign_up  the caller has an active sign-up for it and it has not started
//            manage_roster   manage the project and the shift is not cancelled (roster, check-in
//                            code, attendance, confirming hours)
//            cancel          manage the project, the shift open and not started

#include <optional>
#include <string>
#include <vector>

#include "modules/volunteering/use_case_support.h"

namespace tianshan::volunteering {

struct ProjectCan {
  bool edit = false;
  bool publish = false;
  bool change_status = false;
  bool add_shift = false;
};

struct ShiftCan {
  bool sign_up = false;
  bool cancel_sign_up = false;
  bool manage_roster = false;
  bool cancel = false;
};

struct ProjectView {
  Project project;
  bool manager = false;
  ProjectCan can;
};

struct ShiftView {
  Shift shift;
  int64_t now = 0;             // the time `can` and the shift's state were decided at
  std::optional<SignUp> mine;  // the caller's sign-up for the shift (any status), if any
  std::optional<int64_t> my_waitlist_position;
  ShiftCan can;
};

ProjectCan ProjectActions(const Project& project, bool manager);
ShiftCan ShiftActions(const auth::Actor* actor, const ProjectAccess& access, const Shift& shift,
                      const std::optional<SignUp>& mine, int64_t now);

// The project with `can`.
ProjectView ViewProject(const ProjectAccess& access);
// The shifts of `access`'s project with the caller's sign-ups (`actor` nullptr: the public).
Result<std::vector<ShiftView>> ViewShifts(storage::Transaction& tx, const auth::Actor* actor,
                                          const ProjectAccess& access, std::vector<Shift> shifts, int64_t now);
Result<ShiftView> ViewShift(storage::Transaction& tx, const auth::Actor* actor, const ProjectAccess& access,
                            Shift shift, int64_t now);

}  // namespace tianshan::volunteering
