#pragma once
// Shared steps of the venues use cases (inside their transaction).

#include <string>

#include "auth/caller.h"
#include "kit/module.h"
#include "modules/venues/use_cases.h"
#include "storage/database.h"

namespace tianshan::venues {

// The venue when `actor` may read it (venues.read); NotFound otherwise.
Result<Venue> LoadReadableVenue(storage::Transaction& tx, const auth::Actor& actor, int64_t id);
// A booking with its room and venue names and the caller's actions.
Result<BookingView> ViewOf(storage::Transaction& tx, const auth::Actor& actor, Booking b, int64_t now);
// The audit entry's JSON of a booking (who booked is kept as the account id).
std::string BookingAuditJson(const Booking& b);
// The audit entry's JSON of a room (the same fields when it is added, edited or removed).
std::string RoomAuditJson(const Room& r);
// An overlap the database refused (PostgreSQL exclusion constraint, SQLite trigger) as the
// use case's own 409.
Status OverlapAsConflict(Status s);

}  // namespace tianshan::venues
