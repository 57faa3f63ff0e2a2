#include "modules/venues/venue_repository.h"

#include "storage/sql_filter.h"
#include "storage/sql_text.h"

namespace tianshan::venues {
namespace {

constexpr const char* kVenueColumns =
    "id, organization_id, org_path, name, kind, address, latitude, longitude, facilities, contact_name, "
    "contact_phone, requires_approval, opening_hours, exceptions, created_by, created_at, updated_at";
constexpr const char* kRoomColumns = "id, venue_id, name, capacity, equipment, created_at, updated_at, archived_at";
constexpr const char* kBookingColumns =
    "id, room_id, venue_id, organization_id, org_path, account_id, booker_name, starts_at, ends_at, purpose, "
    "attendees, status, reason, decided_by, decided_at, checked_in_at, checked_in_by, created_at, updated_at";

std::optional<double> OptDouble(const storage::Row& r, const char* name) {
  if (r.IsNull(name)) return std::nullopt;
  return r.Double(name);
}

Venue ReadVenue(const storage::Row& r) {
  Venue v;
  v.id = r.Int("id");
  v.organization_id = r.Int("organization_id");
  v.org_path = r.Text("org_path");
  v.f.name = r.Text("name");
  v.f.kind = r.Text("kind");
  v.f.address = r.Text("address");
  v.f.latitude = OptDouble(r, "latitude");
  v.f.longitude = OptDouble(r, "longitude");
  v.f.facilities = ReadStrings(r.Text("facilities"));
  v.f.contact_name = r.OptText("contact_name");
  v.f.contact_phone = r.OptText("contact_phone");
  v.f.requires_approval = r.Bool("requires_approval");
  v.f.hours = ReadHours(r.Text("opening_hours"));
  v.f.exceptions = ReadExceptions(r.Text("exceptions"));
  v.created_by = r.Int("created_by");
  v.created_at = r.Int("created_at");
  v.updated_at = r.Int("updated_at");
  return v;
}

Room ReadRoom(const storage::Row& r) {
  return Room{r.Int("id"),
              r.Int("venue_id"),
              r.Text("name"),
              static_cast<int>(r.Int("capacity")),
              r.OptText("equipment"),
              r.Int("created_at"),
              r.Int("updated_at"),
              r.IsNull("archived_at") ? std::nullopt : std::optional<int64_t>(r.Int("archived_at"))};
}

Booking ReadBooking(const storage::Row& r) {
  Booking b;
  b.id = r.Int("id");
  b.room_id = r.Int("room_id");
  b.venue_id = r.Int("venue_id");
  b.organization_id = r.Int("organization_id");
  b.org_path = r.Text("org_path");
  b.account_id = r.Int("account_id");
  b.booker_name = r.Text("booker_name");
  b.starts_at = r.Int("starts_at");
  b.ends_at = r.Int("ends_at");
  b.purpose = r.Text("purpose");
  b.attendees = static_cast<int>(r.Int("attendees"));
  b.status = r.Text("status");
  b.reason = r.OptText("reason");
  b.decided_by = r.OptInt("decided_by");
  b.decided_at = r.OptInt("decided_at");
  b.checked_in_at = r.OptInt("checked_in_at");
  b.checked_in_by = r.OptInt("checked_in_by");
  b.created_at = r.Int("created_at");
  b.updated_at = r.Int("updated_at");
  return b;
}

struct StoredTexts {
  std::string facilities, hours, exceptions;
};
StoredTexts Texts(const VenueFields& f) {
  JsonOut a, b, c;
  WriteStrings(a, f.facilities);
  WriteHours(b, f.hours);
  WriteExceptions(c, f.exceptions);
  return {a.Take(), b.Take(), c.Take()};
}

}  // namespace

Result<int64_t> InsertVenue(storage::Transaction& tx, const Venue& v) {
  auto t = Texts(v.f);
  TS_ASSIGN_OR_RETURN(
      auto rows, tx.Query("INSERT INTO venues_venues (organization_id, org_path, name, kind, address, latitude, "
                          "longitude, facilities, contact_name, contact_phone, requires_approval, opening_hours, "
                          "exceptions, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                          "?, ?, ?, ?, ?, ?) RETURNING id",
                          {v.organization_id, v.org_path, v.f.name, v.f.kind, v.f.address, v.f.latitude, v.f.longitude,
                           t.facilities, v.f.contact_name, v.f.contact_phone, v.f.requires_approval, t.hours,
                           t.exceptions, v.created_by, v.created_at, v.updated_at}));
  if (rows.empty()) return Status::Internal("error.internal").WithDetail("INSERT RETURNING gave no row");
  return rows[0].Int(0);
}

Status SaveVenue(storage::Transaction& tx, const Venue& v) {
  auto t = Texts(v.f);
  return tx
      .Execute(
          "UPDATE venues_venues SET name = ?, kind = ?, address = ?, latitude = ?, longitude = ?, facilities = ?, "
          "contact_name = ?, contact_phone = ?, requires_approval = ?, opening_hours = ?, exceptions = ?, "
          "updated_at = ? WHERE id = ?",
          {v.f.name, v.f.kind, v.f.address, v.f.latitude, v.f.longitude, t.facilities, v.f.contact_name,
           v.f.contact_phone, v.f.requires_approval, t.hours, t.exceptions, v.updated_at, v.id})
      .status();
}

Result<std::optional<Venue>> FindVenue(storage::Transaction& tx, int64_t id) {
  TS_ASSIGN_OR_RETURN(auto row,
                      tx.QueryOne(std::string("SELECT ") + kVenueColumns + " FROM venues_venues WHERE id = ?", {id}));
  if (!row) return std::optional<Venue>();
  return std::optional<Venue>(ReadVenue(*row));
}

Result<bool> VenueNameTaken(storage::Transaction& tx, int64_t organization_id, const std::string& name,
                            int64_t except_id) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT 1 FROM venues_venues WHERE organization_id = ? AND name = ? AND "
                                            "id <> ?",
                                            {organization_id, name, except_id}));
  return row.has_value();
}

Result<std::vector<Venue>> SelectVenues(storage::Transaction& tx, const std::string& path,
                                        const std::optional<std::string>& q, std::optional<int64_t> after_id,
                                        int limit) {
  const std::string upper = path.empty() ? "\x7f" : storage::PrefixUpperBound(path);
  std::string sql = std::string("SELECT ") + kVenueColumns +
                    " FROM venues_venues WHERE org_path >= ? AND org_path < ? AND id > ?" +
                    (q ? " AND name LIKE ? ESCAPE '\\'" : "") + " ORDER BY id LIMIT ?";
  Result<storage::Rows> rows =
      q ? tx.Query(sql, {path, upper, after_id.value_or(0), storage::ContainsPattern(*q), limit + 1})
        : tx.Query(sql, {path, upper, after_id.value_or(0), limit + 1});
  TS_RETURN_IF_ERROR(rows.status());
  std::vector<Venue> out;
  for (const auto& r : *rows) out.push_back(ReadVenue(r));
  return out;
}

Result<int64_t> InsertRoom(storage::Transaction& tx, const Room& r) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query("INSERT INTO venues_rooms (venue_id, name, capacity, equipment, created_at, "
                                          "updated_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                                          {r.venue_id, r.name, r.capacity, r.equipment, r.created_at, r.updated_at}));
  if (rows.empty()) return Status::Internal("error.internal").WithDetail("INSERT RETURNING gave no row");
  return rows[0].Int(0);
}

Result<std::optional<Room>> FindRoom(storage::Transaction& tx, int64_t id) {
  TS_ASSIGN_OR_RETURN(auto row,
                      tx.QueryOne(std::string("SELECT ") + kRoomColumns + " FROM venues_rooms WHERE id = ?", {id}));
  if (!row) return std::optional<Room>();
  return std::optional<Room>(ReadRoom(*row));
}

Result<bool> RoomNameTaken(storage::Transaction& tx, int64_t venue_id, const std::string& name, int64_t except_id) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT 1 FROM venues_rooms WHERE venue_id = ? AND name = ? AND id <> ? "
                                            "AND archived_at IS NULL",
                                            {venue_id, name, except_id}));
  return row.has_value();
}

Status SaveRoom(storage::Transaction& tx, const Room& r) {
  return tx
      .Execute("UPDATE venues_rooms SET name = ?, capacity = ?, equipment = ?, updated_at = ? WHERE id = ?",
               {r.name, r.capacity, r.equipment, r.updated_at, r.id})
      .status();
}

Result<bool> HoldActiveRoom(storage::Transaction& tx, int64_t id) {
  TS_ASSIGN_OR_RETURN(auto n, tx.Execute("UPDATE venues_rooms SET updated_at = updated_at WHERE id = ? AND "
                                         "archived_at IS NULL",
                                         {id}));
  return n == 1;
}

Result<bool> ArchiveRoom(storage::Transaction& tx, int64_t id, int64_t at) {
  TS_ASSIGN_OR_RETURN(auto n, tx.Execute("UPDATE venues_rooms SET archived_at = ?, updated_at = ? WHERE id = ? AND "
                                         "archived_at IS NULL",
                                         {at, at, id}));
  return n == 1;
}

Result<std::vector<Room>> SelectRooms(storage::Transaction& tx, int64_t venue_id) {
  TS_ASSIGN_OR_RETURN(auto rows,
                      tx.Query(std::string("SELECT ") + kRoomColumns +
                                   " FROM venues_rooms WHERE venue_id = ? AND archived_at IS NULL ORDER BY id",
                               {venue_id}));
  std::vector<Room> out;
  for (const auto& r : rows) out.push_back(ReadRoom(r));
  return out;
}

Result<int64_t> InsertBooking(storage::Transaction& tx, const Booking& b) {
  TS_ASSIGN_OR_RETURN(auto rows,
                      tx.Query("INSERT INTO venues_bookings (room_id, venue_id, organization_id, org_path, account_id, "
                               "booker_name, starts_at, ends_at, purpose, attendees, status, reason, decided_by, "
                               "decided_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                               "?, ?) RETURNING id",
                               {b.room_id, b.venue_id, b.organization_id, b.org_path, b.account_id, b.booker_name,
                                b.starts_at, b.ends_at, b.purpose, b.attendees, b.status, b.reason, b.decided_by,
                                b.decided_at, b.created_at, b.updated_at}));
  if (rows.empty()) return Status::Internal("error.internal").WithDetail("INSERT RETURNING gave no row");
  return rows[0].Int(0);
}

Result<std::optional<Booking>> FindBooking(storage::Transaction& tx, int64_t id) {
  TS_ASSIGN_OR_RETURN(
      auto row, tx.QueryOne(std::string("SELECT ") + kBookingColumns + " FROM venues_bookings WHERE id = ?", {id}));
  if (!row) return std::optional<Booking>();
  return std::optional<Booking>(ReadBooking(*row));
}

Result<bool> ChangeBookingStatus(storage::Transaction& tx, const Booking& b, const std::string& from) {
  TS_ASSIGN_OR_RETURN(int64_t n,
                      tx.Execute("UPDATE venues_bookings SET status = ?, reason = ?, decided_by = ?, "
                                 "decided_at = ?, updated_at = ? WHERE id = ? AND status = ? AND (? <> 'no_show' OR "
                                 "checked_in_at IS NULL)",
                                 {b.status, b.reason, b.decided_by, b.decided_at, b.updated_at, b.id, from, b.status}));
  return n == 1;
}

Result<bool> MarkCheckedIn(storage::Transaction& tx, int64_t id, int64_t by, int64_t at) {
  TS_ASSIGN_OR_RETURN(int64_t n, tx.Execute("UPDATE venues_bookings SET checked_in_at = ?, checked_in_by = ?, "
                                            "updated_at = ? WHERE id = ? AND status = 'approved' AND "
                                            "checked_in_at IS NULL",
                                            {at, by, at, id}));
  return n == 1;
}

Result<std::vector<Booking>> SelectUnattended(storage::Transaction& tx, int64_t ended_by, int limit) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(std::string("SELECT ") + kBookingColumns +
                                              " FROM venues_bookings WHERE status = 'approved' AND checked_in_at IS "
                                              "NULL AND ends_at <= ? ORDER BY ends_at, id LIMIT ?",
                                          {ended_by, limit}));
  std::vector<Booking> out;
  for (const auto& r : rows) out.push_back(ReadBooking(r));
  return out;
}

Result<std::optional<Booking>> HoldingBooking(storage::Transaction& tx, int64_t room_id, int64_t starts_at,
                                              int64_t ends_at, int64_t except_id) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne(std::string("SELECT ") + kBookingColumns +
                                                " FROM venues_bookings WHERE room_id = ? AND status IN ('approved', "
                                                "'no_show') AND starts_at < ? AND ends_at > ? AND id <> ? "
                                                "ORDER BY starts_at LIMIT 1",
                                            {room_id, ends_at, starts_at, except_id}));
  if (!row) return std::optional<Booking>();
  return std::optional<Booking>(ReadBooking(*row));
}

Result<std::vector<Booking>> UpcomingRoomBookings(storage::Transaction& tx, int64_t room_id, int64_t now) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(std::string("SELECT ") + kBookingColumns +
                                              " FROM venues_bookings WHERE room_id = ? AND status IN ('pending', "
                                              "'approved') AND ends_at > ? ORDER BY starts_at, id",
                                          {room_id, now}));
  std::vector<Booking> out;
  for (const auto& r : rows) out.push_back(ReadBooking(r));
  return out;
}

Result<std::vector<Booking>> HeldDuring(storage::Transaction& tx, int64_t venue_id, int64_t from, int64_t to) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(std::string("SELECT ") + kBookingColumns +
                                              " FROM venues_bookings WHERE venue_id = ? AND status IN ('approved', "
                                              "'no_show') AND starts_at < ? AND ends_at > ? ORDER BY starts_at, id",
                                          {venue_id, to, from}));
  std::vector<Booking> out;
  for (const auto& r : rows) out.push_back(ReadBooking(r));
  return out;
}

Result<std::vector<Booking>> SelectBookings(storage::Transaction& tx, const BookingFilter& f,
                                            std::optional<int64_t> after_id, int limit) {
  storage::SqlFilter where("id < ?", {after_id.value_or(INT64_MAX)});
  where.Subtree("org_path", f.path);
  where.Equals("venue_id", f.venue_id);
  where.Equals("account_id", f.account_id);
  where.Equals("status", f.status);
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(std::string("SELECT ") + kBookingColumns + " FROM venues_bookings WHERE " +
                                              where.sql() + " ORDER BY id DESC LIMIT ?",
                                          where.With(limit + 1)));
  std::vector<Booking> out;
  for (const auto& r : rows) out.push_back(ReadBooking(r));
  return out;
}

}  // namespace tianshan::venues
