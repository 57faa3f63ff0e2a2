#pragma once
// Who may do what with venues, rooms and bookings: pure decisions, no I/O. Deny by default; a
// grant covers its organization's whole subtree and nothing above or beside it. The table
// (README.md):
//   venues.read     list venues, rooms and bookings of an organization   committee_admin, branch_secretary, cadre
//   covering it venues.manage   create and edit venues and rooms; approve, reject,   committee_admin, branch_secretary
//   covering it
//                   cancel any booking, record a no-show
//   booking.cancel  the booker's own booking, or venues.manage
// Booking a room needs only a session (any account); the public calendar needs none.

#include <string_view>
#include <vector>

#include "auth/actor.h"
#include "kit/permission.h"
#include "modules/venues/venue.h"

namespace tianshan::venues {

bool CanRead(const auth::Actor& actor, std::string_view organization_path);
bool CanManage(const auth::Actor& actor, std::string_view organization_path);

// What the caller may do with one booking now (the answer's `can`).
BookingCan BookingActions(const auth::Actor& actor, const Booking& b, int64_t now);

// The table above as named permissions for the manifest; each entry calls the function above.
std::vector<PermissionDefinition> Permissions();

}  // namespace tianshan::venues
