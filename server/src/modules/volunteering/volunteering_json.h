#pragma once
// JSON shapes of the volunteering API (see openapi.json). Times are RFC 3339 UTC strings;
// hours are given both as whole minutes and as hours (minutes / 60) for display.

#include <functional>
#include <optional>
#include <string>

#include "core/json.h"
#include "modules/volunteering/certificates/certificate_repository.h"
#include "modules/volunteering/hours/hours_repository.h"
#include "modules/volunteering/projects/list_projects.h"
#include "modules/volunteering/projects/project_views.h"
#include "modules/volunteering/signups/list_sign_ups.h"
#include "modules/volunteering/teams/team_views.h"
#include "modules/volunteering/volunteering.h"

namespace tianshan::volunteering {

void WriteTeam(JsonOut& out, const Team& t);
// The team with "my_membership" ({id, role, status} of the caller's, or null) and "can"
// (team_views.h).
void WriteTeamView(JsonOut& out, const TeamView& v);
void WriteMember(JsonOut& out, const TeamMember& m);
void WriteProject(JsonOut& out, const Project& p);
// The project with "can" (project_views.h).
void WriteProjectView(JsonOut& out, const ProjectView& v);
// With "state" and "ended" as of `now` (ShiftState).
void WriteShift(JsonOut& out, const Shift& s, int64_t now);
// The shift with "my_sign_up" ({id, status, waitlist_position} of the caller's sign-up, or null)
// and "can" (project_views.h).
void WriteShiftView(JsonOut& out, const ShiftView& v);
// `with_person`: include the volunteer's name and person id (rosters), not for the public.
void WriteSignUp(JsonOut& out, const SignUp& s, std::optional<int64_t> waitlist_position, bool with_person);
void WriteAttendance(JsonOut& out, const std::optional<Attendance>& a);
void WriteEntry(JsonOut& out, const LedgerEntry& e);
void WriteReport(JsonOut& out, const HourReport& r);
// Only what the certificate itself says.
void WriteCertificate(JsonOut& out, const Certificate& c);
void WriteMinutes(JsonOut& out, int64_t minutes);  // "minutes" and "hours" fields

// The text `write` produces (audit entries use the API's own shapes where they hold no
// personal data).
std::string JsonText(const std::function<void(JsonOut&)>& write);

}  // namespace tianshan::volunteering
