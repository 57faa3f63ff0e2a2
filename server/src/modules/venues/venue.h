#pragma once
// Venues, rooms and bookings, and their invariants. No I/O.
//
// Opening hours are weekly windows (day 1 Monday … 7 Sunday, minutes since midnight China
// time, closes after opens); an exception replaces a date's weekly windows: closed all day
// (no window) or one window of special hours. A booking lies inside one window of its China
// date.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "core/result.h"

namespace tianshan::venues {

inline constexpr size_t kMaxName = 100;
inline constexpr size_t kMaxAddress = 200;
inline constexpr size_t kMaxText = 500;
inline constexpr size_t kMaxFacilities = 20;
inline constexpr size_t kMaxWindows = 28;
inline constexpr size_t kMaxExceptions = 100;
inline constexpr int kMaxCapacity = 10000;
inline constexpr int kMaxBookingDays = 180;  // how far ahead a room may be booked
// Bookings waiting for a manager, per organization (self and rolled up).
inline constexpr std::string_view kPendingBookingsCounter = "venues.bookings_pending";
// Approved bookings nobody checked in to, per organization (self and rolled up).
inline constexpr std::string_view kNoShowsCounter = "venues.no_shows";
// The scope of booking check-in tokens (volunteering/public/checkin_token.h).
inline constexpr std::string_view kCheckInScope = "venues.booking";

inline const std::vector<std::string>& Kinds() {
  static const std::vector<std::string> k = {"youth_space",       "youth_home",        "service_station",
                                             "incubation_centre", "enterprise_centre", "other"};
  return k;
}
inline const std::vector<std::string>& BookingStatuses() {
  static const std::vector<std::string> s = {"pending", "approved", "rejected", "cancelled", "no_show"};
  return s;
}

struct Window {
  int day = 1;  // 1..7
  int opens = 0;
  int closes = 0;  // minutes since midnight, > opens
};
struct HoursException {
  std::string date;                  // "YYYY-MM-DD"
  std::optional<int> opens, closes;  // both absent: closed all day
  std::optional<std::string> note;
};

struct VenueFields {
  std::string name;
  std::string kind;
  std::string address;
  std::optional<double> latitude, longitude;
  std::vector<std::string> facilities;
  std::optional<std::string> contact_name, contact_phone;
  bool requires_approval = false;
  std::vector<Window> hours;
  std::vector<HoursException> exceptions;
};

struct Venue {
  int64_t id = 0;
  int64_t organization_id = 0;
  std::string org_path;
  VenueFields f;
  int64_t created_by = 0;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

struct Room {
  int64_t id = 0;
  int64_t venue_id = 0;
  std::string name;
  int capacity = 0;
  std::optional<std::string> equipment;
  int64_t created_at = 0;
  int64_t updated_at = 0;
  std::optional<int64_t> archived_at;  // removed: no new bookings, history kept
};

struct Booking {
  int64_t id = 0;
  int64_t room_id = 0;
  int64_t venue_id = 0;
  int64_t organization_id = 0;
  std::string org_path;
  int64_t account_id = 0;
  std::string booker_name;
  int64_t starts_at = 0;
  int64_t ends_at = 0;
  std::string purpose;
  int attendees = 1;
  std::string status;
  std::optional<std::string> reason;
  std::optional<int64_t> decided_by, decided_at;
  std::optional<int64_t> checked_in_at, checked_in_by;
  int64_t created_at = 0;
  int64_t updated_at = 0;
  // An approved or no-show booking holds its room.
  bool holds_room() const { return status == "approved" || status == "no_show"; }
};

// What a caller may do with one booking now (its answer's `can`; permissions.h decides).
struct BookingCan {
  bool approve = false, reject = false, cancel = false, no_show = false;
  bool show_code = false;  // the booker's check-in QR code
};

// "HH:MM" (00:00..24:00) as minutes since midnight; nullopt when malformed.
std::optional<int> ParseClock(std::string_view text);
std::string FormatClock(int minutes);

// Every field error of the venue's fields (names as the request body names them).
void CollectVenueErrors(const VenueFields& f, std::vector<FieldError>& errors);

// The windows open on a China date: the exception's when there is one, else the weekday's.
std::vector<Window> WindowsOn(const VenueFields& f, std::string_view date);
// True when [starts_at, ends_at) lies inside one opening window of its China date.
bool WithinOpeningHours(const VenueFields& f, int64_t starts_at, int64_t ends_at);

// Hours, exceptions and facilities as the JSON texts stored on the venue row and answered.
void WriteHours(JsonOut& out, const std::vector<Window>& hours);
void WriteExceptions(JsonOut& out, const std::vector<HoursException>& exceptions);
void WriteStrings(JsonOut& out, const std::vector<std::string>& items);
// Reads what the writers above wrote (stored rows; malformed text reads as empty).
std::vector<Window> ReadHours(std::string_view json);
std::vector<HoursException> ReadExceptions(std::string_view json);
std::vector<std::string> ReadStrings(std::string_view json);

}  // namespace tianshan::venues
