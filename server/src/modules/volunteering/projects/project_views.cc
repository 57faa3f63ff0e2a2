#include "modules/volunteering/projects/project_views.h"

#include <map>

#include "modules/volunteering/permissions.h"
#include "modules/volunteering/signups/signup_repository.h"

namespace tianshan::volunteering {

ProjectCan ProjectActions(const Project& project, bool manager) {
  const std::string& status = project.status;
  ProjectCan can;
  can.edit = manager && status != "archived";
  can.publish = manager && status == "draft";
  can.change_status = manager && status != "archived";
  can.add_shift = manager && status != "finished" && status != "archived";
  return can;
}

ShiftCan ShiftActions(const auth::Actor* actor, const ProjectAccess& access, const Shift& shift,
                      const std::optional<SignUp>& mine, int64_t now) {
  const bool open = shift.status == "open";
  const bool before_start = now < shift.starts_at;
  const bool active_sign_up = mine && mine->status != "cancelled";
  ShiftCan can;
  can.sign_up = actor != nullptr && CanVolunteer(*actor) && open && before_start &&
                AcceptsSignUps(access.project.status) && !active_sign_up;
  can.cancel_sign_up = active_sign_up && before_start;
  can.manage_roster = access.manager && shift.status != "cancelled";
  can.cancel = access.manager && open && before_start;
  return can;
}

ProjectView ViewProject(const ProjectAccess& access) {
  return ProjectView{access.project, access.manager, ProjectActions(access.project, access.manager)};
}

Result<std::vector<ShiftView>> ViewShifts(storage::Transaction& tx, const auth::Actor* actor,
                                          const ProjectAccess& access, std::vector<Shift> shifts, int64_t now) {
  std::map<int64_t, SignUp> mine;
  if (actor && actor->person_id && !shifts.empty()) {
    TS_ASSIGN_OR_RETURN(auto own, ListPersonProjectSignUps(tx, *actor->person_id, access.project.id));
    for (auto& s : own) mine.emplace(s.shift_id, std::move(s));
  }
  std::vector<ShiftView> out;
  out.reserve(shifts.size());
  for (auto& shift : shifts) {
    ShiftView view;
    if (auto it = mine.find(shift.id); it != mine.end()) view.mine = it->second;
    if (view.mine && view.mine->status == "waitlisted" && view.mine->waitlist_seq) {
      TS_ASSIGN_OR_RETURN(view.my_waitlist_position, WaitlistPosition(tx, shift.id, *view.mine->waitlist_seq));
    }
    view.can = ShiftActions(actor, access, shift, view.mine, now);
    view.now = now;
    view.shift = std::move(shift);
    out.push_back(std::move(view));
  }
  return out;
}

Result<ShiftView> ViewShift(storage::Transaction& tx, const auth::Actor* actor, const ProjectAccess& access,
                            Shift shift, int64_t now) {
  std::vector<Shift> one;
  one.push_back(std::move(shift));
  TS_ASSIGN_OR_RETURN(auto views, ViewShifts(tx, actor, access, std::move(one), now));
  return std::move(views.front());
}

}  // namespace tianshan::volunteering
