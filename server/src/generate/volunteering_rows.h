#pragma once
// Internal to generate/: the volunteering part of a generated network. A team (with one public
// project of three past shifts) at every local committee and at every fourth grass-roots
// organization; the first people of the organization's first branch volunteer on each shift:
// sign-up, attendance, a confirmed ledger session, and every maintained aggregate (volunteer
// totals, organization/person totals, person and team months, volunteer.* counters).
// Plus the "storm" project at the root: recruiting, one shift of capacity 1,000 far after the
// epoch, for the sign-up benchmark.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "generate/generation.h"

namespace tianshan::generate {

inline constexpr int kShiftsPerProject = 3;
inline constexpr int kVolunteersPerShift = 6;
inline constexpr int kStormCapacity = 1'000;

class VolunteeringRows {
 public:
  // Writes the teams, projects and shifts (before any person: sign-ups point at shifts).
  [[nodiscard]] Status WritePlan(Generation& g);
  // Called for every branch in id order, after its people were added: the activity of the
  // teams whose first branch it is. `names` holds the names of its first people.
  void WriteActivity(Generation& g, int64_t branch, int64_t first_person, const std::vector<std::string>& names);
  int64_t storm_shift_id() const { return storm_shift_id_; }

 private:
  struct PlannedShift {
    int64_t id = 0;
    int64_t starts_at = 0;
    int64_t ends_at = 0;
  };
  struct PlannedTeam {
    int64_t organization_id = 0;
    int64_t team_id = 0;
    int64_t project_id = 0;
    std::string path;
    std::array<PlannedShift, kShiftsPerProject> shifts;
  };

  std::vector<PlannedTeam> teams_;
  size_t next_team_ = 0;
  int64_t storm_shift_id_ = 0;
  int64_t member_id_ = 0, signup_id_ = 0, attendance_id_ = 0, ledger_id_ = 0;
};

}  // namespace tianshan::generate
