#pragma once
// The use cases of the venues module. Each runs in one transaction: load → validate →
// authorize → change → audit. A venue of an organization outside every grant is 404 to its
// managing routes (ids reveal nothing); a readable one where the role may not act is 403.
// Venues, their rooms and their calendars are public (no session): the calendar says busy or
// free, never who booked.
//
//   CreateVenue / UpdateVenue   venues.manage on the organization; 409 on a taken name.
//   CreateRoom                  venues.manage on the venue's organization.
//   UpdateRoom / RemoveRoom     venues.manage; removing archives (see below).
//   BookRoom                    any account: inside opening hours (422 starts_at), in the future,
//                               at most kMaxBookingDays ahead, attendees within the room's
//                               capacity; 409 "venues.overlap" when an approved booking holds the
//                               room then. Approved at once unless the venue requires approval
//                               (then pending, counted in venues.bookings_pending).
//   DecideBooking               approve / reject (reason required) / cancel / no_show, each only
//                               from the states that allow it (409 otherwise); approving checks
//                               the overlap again, and the database refuses any overlap that
//                               races past the check.
//   IssueBookingCode            the booker only (others 404, or 403 when they may read it): an
//                               approved booking not checked in and not ended; its QR code holds
//                               a signed token (volunteering/public/checkin_token.h) valid until
//                               the booking's end.
//   CheckInBooking              venues.manage on the venue: 422 token when forged, expired or of
//                               another venue; 409 when checked in already (a reused code), not
//                               approved, or not the booking's China date. One conditional update,
//                               so two scans of one code check in once.
//   RecordNoShows               the job venues.no_shows: approved bookings not checked in by their
//                               end become no_show, counted in venues.no_shows (as a manager's).

#include <optional>
#include <string>
#include <vector>

#include "auth/caller.h"
#include "kit/module.h"
#include "modules/publishing/public/files.h"
#include "modules/venues/venue.h"

namespace tianshan::venues {

struct VenueView {
  Venue venue;
  std::vector<Room> rooms;
  bool can_manage = false;
  std::vector<publishing::StoredFile> photos;  // read with one venue, not in lists
};
struct VenuePage {
  std::vector<VenueView> items;
  std::optional<int64_t> next_cursor;
};

// Photos (venue_photos.cc): images only, sniffed from the bytes (422 `body`), at most
// kMaxPhotos (409 venues.too_many_photos), added and removed by venues.manage; public to read.
inline constexpr std::string_view kPhotoOwner = "venues.venue";
inline constexpr size_t kMaxPhotos = 12;
inline constexpr size_t kMaxPhotoBytes = 5 * 1024 * 1024;
Result<publishing::StoredFile> AddVenuePhoto(const AppContext& ctx, const auth::Caller& caller, int64_t venue_id,
                                             const std::string& file_name, const std::string& content);
Status RemoveVenuePhoto(const AppContext& ctx, const auth::Caller& caller, int64_t venue_id, const std::string& key);
Result<std::pair<publishing::StoredFile, std::string>> VenuePhoto(const AppContext& ctx, int64_t venue_id,
                                                                  const std::string& key);

Result<VenueView> CreateVenue(const AppContext& ctx, const auth::Caller& caller, int64_t organization_id,
                              const VenueFields& input);
Result<VenueView> UpdateVenue(const AppContext& ctx, const auth::Caller& caller, int64_t id, const VenueFields& input);
// One venue with its rooms; `actor` null for the public (can_manage false).
Result<VenueView> GetVenue(const AppContext& ctx, const auth::Actor* actor, int64_t id);
// The venues of an organization's subtree (venues.read).
Result<VenuePage> ListVenues(const AppContext& ctx, const auth::Actor& actor, int64_t organization_id,
                             const std::optional<std::string>& q, std::optional<int64_t> after_id, int limit);
// Every venue, for the public (no rooms).
Result<VenuePage> ListPublicVenues(const AppContext& ctx, const std::optional<std::string>& q,
                                   std::optional<int64_t> after_id, int limit);

struct RoomInput {
  std::string name;
  int capacity = 1;
  std::optional<std::string> equipment;
};
Result<Room> CreateRoom(const AppContext& ctx, const auth::Caller& caller, int64_t venue_id, const RoomInput& input);
// edit_room.cc. venues.manage on the room's venue; a removed room is 404. Renaming to another
// room's name is 422 `name`; a capacity below the attendees of an upcoming (pending or approved,
// not ended) booking is 422 `capacity` naming that number.
Result<Room> UpdateRoom(const AppContext& ctx, const auth::Caller& caller, int64_t room_id, const RoomInput& input);
// Removes a room by archiving it: it leaves the venue and its calendar and takes no new
// bookings (409 venues.room_archived), while its past bookings keep their room. A room with
// upcoming pending or approved bookings is not removed: 409 venues.room_has_bookings naming how
// many and which (the manager cancels or moves them first; people are not silently dropped).
Status RemoveRoom(const AppContext& ctx, const auth::Caller& caller, int64_t room_id);

// Busy times of a venue's rooms over `days` days from `from` (China dates), with the opening
// windows of each day: nothing about who booked.
struct CalendarDay {
  std::string date;
  std::vector<Window> windows;
};
struct BusySlot {
  int64_t room_id = 0;
  int64_t starts_at = 0, ends_at = 0;
};
struct Calendar {
  VenueView venue;
  std::vector<CalendarDay> days;
  std::vector<BusySlot> busy;
};
Result<Calendar> GetCalendar(const AppContext& ctx, int64_t venue_id, const std::string& from, int days);

struct BookingInput {
  int64_t starts_at = 0, ends_at = 0;
  std::string purpose;
  int attendees = 1;
};
struct BookingView {
  Booking booking;
  std::string room_name, venue_name;
  BookingCan can;
};
struct BookingPage {
  std::vector<BookingView> items;
  std::optional<int64_t> next_cursor;
};
Result<BookingView> BookRoom(const AppContext& ctx, const auth::Caller& caller, int64_t room_id,
                             const BookingInput& input);

enum class BookingAction { kApprove, kReject, kCancel, kNoShow };
Result<BookingView> DecideBooking(const AppContext& ctx, const auth::Caller& caller, int64_t booking_id,
                                  BookingAction action, const std::optional<std::string>& reason);
struct BookingCode {
  std::string token, url, svg;
  int64_t expires_at = 0;
};
Result<BookingCode> IssueBookingCode(const AppContext& ctx, const auth::Actor& actor, int64_t booking_id,
                                     const std::string& base_url);
Result<BookingView> CheckInBooking(const AppContext& ctx, const auth::Caller& caller, int64_t venue_id,
                                   const std::string& token);
// Returns how many bookings became no-shows.
Result<int> RecordNoShows(const AppContext& ctx);
Result<BookingView> GetBooking(const AppContext& ctx, const auth::Actor& actor, int64_t id);
// The bookings of an organization's subtree (venues.read), newest first, optionally of one status.
Result<BookingPage> ListBookings(const AppContext& ctx, const auth::Actor& actor, int64_t organization_id,
                                 const std::optional<std::string>& status, std::optional<int64_t> before_id, int limit);
// The caller's own bookings, newest first.
Result<BookingPage> ListMyBookings(const AppContext& ctx, const auth::Actor& actor, std::optional<int64_t> before_id,
                                   int limit);

}  // namespace tianshan::venues
