#pragma once
// JSON shapes of the volunteering API (see openapi.json). Times are RFC 3339 UTC strings;
// hours are given both as whole minutes and as hours (minutes / 60) for display.

#include <optional>

#include "core/json.h"
#include "modules/volunteering/certificates/certificate_repository.h"
#include "modules/volunteering/hours/hours_repository.h"
#include "modules/volunteering/projects/list_projects.h"
#include "modules/volunteering/signups/list_sign_ups.h"
#include "modules/volunteering/volunteering.h"

namespace tianshan::volunteering {

void WriteTeam(JsonOut& out, const Team& t);
void WriteMember(JsonOut& out, const TeamMember& m);
void WriteProject(JsonOut& out, const Project& p, const std::optional<std::string>& team_name = std::nullopt);
void WriteShift(JsonOut& out, const Shift& s);
// `with_person`: include the volunteer's name and person id (rosters), not for the public.
void WriteSignUp(JsonOut& out, const SignUp& s, std::optional<int64_t> waitlist_position, bool with_person);
void WriteAttendance(JsonOut& out, const std::optional<Attendance>& a);
void WriteEntry(JsonOut& out, const LedgerEntry& e);
void WriteReport(JsonOut& out, const HourReport& r);
// Only what the certificate itself says.
void WriteCertificate(JsonOut& out, const Certificate& c);
void WriteMinutes(JsonOut& out, int64_t minutes);  // "minutes" and "hours" fields

}  // namespace tianshan::volunteering
