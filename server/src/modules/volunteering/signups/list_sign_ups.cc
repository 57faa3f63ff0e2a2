#include "modules/volunteering/signups/list_sign_ups.h"

#include <map>

#include "modules/volunteering/projects/project_repository.h"
#include "modules/volunteering/signups/signup_repository.h"

namespace tianshan::volunteering {

Result<MySignUpPage> ListMySignUps(const AppContext& ctx, const auth::Actor& actor, int64_t before_id, int limit) {
  if (!actor.person_id) return Status::Forbidden("volunteer.needs_person");
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<MySignUpPage> {
    MySignUpPage page;
    page.now = ctx.clock.NowMillis();
    TS_ASSIGN_OR_RETURN(auto rows, ListPersonSignUps(tx, *actor.person_id, before_id, limit + 1));
    if (static_cast<int>(rows.size()) > limit) {
      rows.pop_back();
      page.next_cursor = rows.back().id;
    }
    for (auto& s : rows) {
      MySignUp m;
      TS_ASSIGN_OR_RETURN(auto shift, FindShift(tx, s.shift_id));
      if (!shift) return Status::Internal("error.internal").WithDetail("sign-up without shift");
      TS_ASSIGN_OR_RETURN(auto project, FindProject(tx, shift->project_id));
      if (!project) return Status::Internal("error.internal").WithDetail("shift without project");
      m.shift = *shift;
      m.project_id = project->id;
      m.project_title = project->fields.title;
      if (s.status == "waitlisted" && s.waitlist_seq) {
        TS_ASSIGN_OR_RETURN(m.waitlist_position, WaitlistPosition(tx, s.shift_id, *s.waitlist_seq));
      }
      TS_ASSIGN_OR_RETURN(m.attendance, FindAttendance(tx, s.id));
      m.sign_up = std::move(s);
      page.items.push_back(std::move(m));
    }
    return page;
  });
}

Result<Roster> GetRoster(const AppContext& ctx, const auth::Actor& actor, int64_t shift_id) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<Roster> {
    TS_ASSIGN_OR_RETURN(auto access, LoadManagedShift(tx, ctx, actor, shift_id));
    Roster roster;
    TS_ASSIGN_OR_RETURN(roster.shift, ViewShift(tx, &actor, access.project, access.shift, ctx.clock.NowMillis()));
    roster.project = access.project.project;
    TS_ASSIGN_OR_RETURN(auto signups, ListShiftSignUps(tx, shift_id, false));
    TS_ASSIGN_OR_RETURN(auto attendance, ListShiftAttendance(tx, shift_id));
    std::map<int64_t, Attendance> by_signup;
    for (auto& a : attendance) by_signup.emplace(a.signup_id, std::move(a));
    int64_t position = 0;
    for (auto& s : signups) {
      RosterLine line;
      if (s.status == "waitlisted") line.waitlist_position = ++position;
      if (auto it = by_signup.find(s.id); it != by_signup.end()) line.attendance = it->second;
      line.sign_up = std::move(s);
      roster.lines.push_back(std::move(line));
    }
    return roster;
  });
}

}  // namespace tianshan::volunteering
