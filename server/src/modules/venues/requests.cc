#include "modules/venues/requests.h"

#include "core/china_time.h"
#include "modules/organizations/public/organization.h"

namespace tianshan::venues {
namespace {

std::optional<int> ReadClock(ObjectReader& r, const char* name, bool required) {
  auto text = r.String(name, required, 5);
  if (!text) return std::nullopt;
  auto m = ParseClock(*text);
  if (!m) r.AddError(name, "venues.bad_clock");
  return m;
}

std::optional<int64_t> ReadTime(ObjectReader& r, const char* name) {
  auto text = r.String(name, true, 40);
  if (!text) return std::nullopt;
  auto t = ParseTime(*text);
  if (!t) r.AddError(name, "venues.bad_time");
  return t;
}

// An array field of objects, each read by `each(reader, index)`; errors carry "name[i].field".
template <typename F>
void ReadObjects(ObjectReader& body, const char* name, size_t max_items, F each) {
  const rapidjson::Value* raw = body.Raw(name);
  if (!raw || raw->IsNull()) return;
  if (!raw->IsArray()) return body.AddError(name, "field.must_be_array");
  if (raw->Size() > max_items) return body.AddError(name, "field.too_many", std::to_string(max_items));
  for (rapidjson::SizeType i = 0; i < raw->Size(); ++i) {
    const std::string prefix = std::string(name) + "[" + std::to_string(i) + "].";
    if (!(*raw)[i].IsObject()) {
      body.AddError(prefix.substr(0, prefix.size() - 1), "field.must_be_object");
      continue;
    }
    ObjectReader item((*raw)[i], prefix);
    each(item);
    Status s = item.Finish();
    for (const auto& e : s.field_errors()) body.AddError(e.field, e.message, e.param);
  }
}

std::optional<double> ReadNumber(ObjectReader& r, const char* name) {
  const rapidjson::Value* raw = r.Raw(name);
  if (!raw || raw->IsNull()) return std::nullopt;
  if (!raw->IsNumber()) {
    r.AddError(name, "venues.must_be_number");
    return std::nullopt;
  }
  return raw->GetDouble();
}

}  // namespace

Result<VenueFields> ParseVenue(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  VenueFields f;
  f.name = r.String("name", true, kMaxName, 1).value_or("");
  f.kind = r.OneOf("kind", true, Kinds()).value_or("");
  f.address = r.String("address", true, kMaxAddress, 1).value_or("");
  f.latitude = ReadNumber(r, "latitude");
  f.longitude = ReadNumber(r, "longitude");
  f.contact_name = r.Text("contact_name", organizations::kMaxContactName);
  f.contact_phone = r.Text("contact_phone", 20);
  if (f.contact_phone && !organizations::IsValidPhone(*f.contact_phone))
    r.AddError("contact_phone", "venues.bad_phone");
  f.requires_approval = r.Bool("requires_approval", false).value_or(false);
  if (const rapidjson::Value* raw = r.Raw("facilities"); raw && !raw->IsNull()) {
    if (!raw->IsArray() || raw->Size() > kMaxFacilities) {
      r.AddError("facilities", "field.must_be_array");
    } else {
      for (rapidjson::SizeType i = 0; i < raw->Size(); ++i) {
        const auto& v = (*raw)[i];
        if (!v.IsString() || v.GetStringLength() == 0 || Utf8Length(v.GetString()) > 50) {
          r.AddError("facilities[" + std::to_string(i) + "]", "field.must_be_string");
        } else {
          f.facilities.emplace_back(v.GetString(), v.GetStringLength());
        }
      }
    }
  }
  ReadObjects(r, "opening_hours", kMaxWindows, [&](ObjectReader& item) {
    Window w;
    w.day = static_cast<int>(item.Int("day", true, 1, 7).value_or(1));
    w.opens = ReadClock(item, "opens", true).value_or(0);
    w.closes = ReadClock(item, "closes", true).value_or(0);
    f.hours.push_back(w);
  });
  ReadObjects(r, "exceptions", kMaxExceptions, [&](ObjectReader& item) {
    HoursException e;
    e.date = item.Date("date", true).value_or("");
    e.opens = ReadClock(item, "opens", false);
    e.closes = ReadClock(item, "closes", false);
    e.note = item.Text("note", 100);
    f.exceptions.push_back(std::move(e));
  });
  TS_RETURN_IF_ERROR(r.Finish());
  return f;
}

Result<RoomInput> ParseRoom(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  RoomInput in;
  in.name = r.String("name", true, kMaxName, 1).value_or("");
  in.capacity = static_cast<int>(r.Int("capacity", true, 1, kMaxCapacity).value_or(1));
  in.equipment = r.Text("equipment", kMaxText);
  TS_RETURN_IF_ERROR(r.Finish());
  return in;
}

Result<BookingInput> ParseBooking(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  BookingInput in;
  in.starts_at = ReadTime(r, "starts_at").value_or(0);
  in.ends_at = ReadTime(r, "ends_at").value_or(0);
  in.purpose = r.String("purpose", true, kMaxText, 1).value_or("");
  in.attendees = static_cast<int>(r.Int("attendees", true, 1, kMaxCapacity).value_or(1));
  TS_RETURN_IF_ERROR(r.Finish());
  return in;
}

Result<std::optional<std::string>> ParseReason(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req, true));
  ObjectReader r(doc);
  auto reason = r.Text("reason", kMaxText);
  TS_RETURN_IF_ERROR(r.Finish());
  return reason;
}

Result<std::string> ParseCheckIn(const http::HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  auto token = r.String("token", true, kMaxText, 1);
  TS_RETURN_IF_ERROR(r.Finish());
  // A scanner that types the code's link: the token is its last parameter.
  const auto at = token->rfind("token=");
  return at == std::string::npos ? *token : token->substr(at + 6);
}

}  // namespace tianshan::venues
