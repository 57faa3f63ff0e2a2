#include "modules/venues/venue.h"

#include <rapidjson/document.h>

#include <algorithm>
#include <cstdio>

#include "core/calendar.h"
#include "core/china_time.h"

namespace tianshan::venues {
namespace {

rapidjson::Document Parse(std::string_view json) {
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  return doc;
}

std::optional<int> ClockField(const rapidjson::Value& v, const char* name) {
  if (!v.HasMember(name) || !v[name].IsString()) return std::nullopt;
  return ParseClock(std::string_view(v[name].GetString(), v[name].GetStringLength()));
}

}  // namespace

std::optional<int> ParseClock(std::string_view t) {
  if (t.size() != 5 || t[2] != ':' || !AllDigits(t.substr(0, 2)) || !AllDigits(t.substr(3, 2))) return std::nullopt;
  int h = (t[0] - '0') * 10 + (t[1] - '0'), m = (t[3] - '0') * 10 + (t[4] - '0');
  if (m > 59 || h > 24 || (h == 24 && m != 0)) return std::nullopt;
  return h * 60 + m;
}

std::string FormatClock(int minutes) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
  return buf;
}

void CollectVenueErrors(const VenueFields& f, std::vector<FieldError>& errors) {
  if (f.latitude.has_value() != f.longitude.has_value()) {
    errors.push_back({f.latitude ? "longitude" : "latitude", "venues.coordinates_pair", ""});
  }
  if (f.latitude && (*f.latitude < -90 || *f.latitude > 90)) errors.push_back({"latitude", "field.out_of_range", ""});
  if (f.longitude && (*f.longitude < -180 || *f.longitude > 180)) {
    errors.push_back({"longitude", "field.out_of_range", ""});
  }
  for (size_t i = 0; i < f.hours.size(); ++i) {
    const auto& w = f.hours[i];
    if (w.closes <= w.opens)
      errors.push_back({"opening_hours[" + std::to_string(i) + "].closes", "venues.closes_before_opens", ""});
  }
  for (size_t i = 0; i < f.exceptions.size(); ++i) {
    const auto& e = f.exceptions[i];
    const std::string at = "exceptions[" + std::to_string(i) + "]";
    if (e.opens.has_value() != e.closes.has_value()) {
      errors.push_back({at + (e.opens ? ".closes" : ".opens"), "venues.hours_pair", ""});
    } else if (e.opens && *e.closes <= *e.opens) {
      errors.push_back({at + ".closes", "venues.closes_before_opens", ""});
    }
    for (size_t j = 0; j < i; ++j) {
      if (f.exceptions[j].date == e.date) errors.push_back({at + ".date", "venues.date_repeated", e.date});
    }
  }
}

std::vector<Window> WindowsOn(const VenueFields& f, std::string_view date) {
  std::vector<Window> out;
  const int day = ChinaWeekday(date);
  for (const auto& e : f.exceptions) {
    if (e.date != date) continue;
    if (e.opens && e.closes) out.push_back({day, *e.opens, *e.closes});
    return out;
  }
  for (const auto& w : f.hours) {
    if (w.day == day) out.push_back(w);
  }
  return out;
}

bool WithinOpeningHours(const VenueFields& f, int64_t starts_at, int64_t ends_at) {
  const std::string date = ChinaDate(starts_at);
  const int64_t midnight = ChinaMidnight(date);
  const int64_t from = (starts_at - midnight) / kMinuteMillis;
  const int64_t to = (ends_at - midnight + kMinuteMillis - 1) / kMinuteMillis;  // may be 1440 at midnight
  const auto windows = WindowsOn(f, date);
  return std::any_of(windows.begin(), windows.end(),
                     [&](const Window& w) { return w.opens <= from && to <= w.closes; });
}

void WriteHours(JsonOut& out, const std::vector<Window>& hours) {
  out.StartArray();
  for (const auto& w : hours) {
    out.StartObject()
        .Field("day", w.day)
        .Field("opens", FormatClock(w.opens))
        .Field("closes", FormatClock(w.closes))
        .EndObject();
  }
  out.EndArray();
}

void WriteExceptions(JsonOut& out, const std::vector<HoursException>& exceptions) {
  out.StartArray();
  for (const auto& e : exceptions) {
    out.StartObject().Field("date", e.date);
    out.Field("opens", e.opens ? std::optional<std::string>(FormatClock(*e.opens)) : std::nullopt);
    out.Field("closes", e.closes ? std::optional<std::string>(FormatClock(*e.closes)) : std::nullopt);
    out.Field("note", e.note).EndObject();
  }
  out.EndArray();
}

void WriteStrings(JsonOut& out, const std::vector<std::string>& items) {
  out.StartArray();
  for (const auto& s : items) out.String(s);
  out.EndArray();
}

std::vector<Window> ReadHours(std::string_view json) {
  std::vector<Window> out;
  auto doc = Parse(json);
  if (!doc.IsArray()) return out;
  for (const auto& v : doc.GetArray()) {
    if (!v.IsObject() || !v.HasMember("day") || !v["day"].IsInt()) continue;
    auto opens = ClockField(v, "opens"), closes = ClockField(v, "closes");
    if (opens && closes) out.push_back({v["day"].GetInt(), *opens, *closes});
  }
  return out;
}

std::vector<HoursException> ReadExceptions(std::string_view json) {
  std::vector<HoursException> out;
  auto doc = Parse(json);
  if (!doc.IsArray()) return out;
  for (const auto& v : doc.GetArray()) {
    if (!v.IsObject() || !v.HasMember("date") || !v["date"].IsString()) continue;
    HoursException e;
    e.date = v["date"].GetString();
    e.opens = ClockField(v, "opens");
    e.closes = ClockField(v, "closes");
    if (v.HasMember("note") && v["note"].IsString()) e.note = v["note"].GetString();
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<std::string> ReadStrings(std::string_view json) {
  std::vector<std::string> out;
  auto doc = Parse(json);
  if (!doc.IsArray()) return out;
  for (const auto& v : doc.GetArray()) {
    if (v.IsString()) out.emplace_back(v.GetString(), v.GetStringLength());
  }
  return out;
}

}  // namespace tianshan::venues
