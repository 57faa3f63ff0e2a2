#pragma once
// What the venues routes read from a request (http/edge.h: every field error at once).

#include "http/edge.h"
#include "modules/venues/use_cases.h"

namespace tianshan::venues {

Result<VenueFields> ParseVenue(const http::HttpRequest& req);
Result<RoomInput> ParseRoom(const http::HttpRequest& req);
Result<BookingInput> ParseBooking(const http::HttpRequest& req);
// {"reason": "..."} (optional unless the action needs it), or no body.
Result<std::optional<std::string>> ParseReason(const http::HttpRequest& req);
// {"token": "..."}: a check-in code as scanned (the token, or the code's whole link).
Result<std::string> ParseCheckIn(const http::HttpRequest& req);

}  // namespace tianshan::venues
