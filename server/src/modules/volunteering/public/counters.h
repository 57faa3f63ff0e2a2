#pragma once
// Public contract of the volunteering module: the keys of the organization counters it keeps
// (organizations' maintained counters, see modules/organizations/public/counters.h). Statistics
// read them; `tianshan generate` writes them for its synthetic network.

#include <string_view>

namespace tianshan::volunteering::counter {

inline constexpr std::string_view kHoursMinutes = "volunteer.hours_minutes";  // confirmed minutes credited here
inline constexpr std::string_view kVolunteers = "volunteer.volunteers";       // people with confirmed hours here
inline constexpr std::string_view kProjects = "volunteer.projects";           // projects not archived

}  // namespace tianshan::volunteering::counter
