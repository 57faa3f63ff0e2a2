#pragma once
// The answers of the volunteering routes, written by the JSON writers of volunteering_json.h:
// one object, {"items": [...]}, or a keyset page {"items": [...], "next_cursor": "..." | null}.

#include <cstdint>
#include <optional>
#include <vector>

#include "core/json.h"
#include "http/edge.h"

namespace tianshan::volunteering {

template <typename T>
http::HttpResponse One(const T& value, void (*write)(JsonOut&, const T&), int status = 200) {
  JsonOut out;
  write(out, value);
  return http::Json(out, status);
}

template <typename T>
void WriteItems(JsonOut& out, const std::vector<T>& items, void (*write)(JsonOut&, const T&)) {
  out.Key("items").StartArray();
  for (const auto& item : items) write(out, item);
  out.EndArray();
}

template <typename T>
http::HttpResponse Items(const std::vector<T>& items, void (*write)(JsonOut&, const T&), int status = 200) {
  JsonOut out;
  out.StartObject();
  WriteItems(out, items, write);
  out.EndObject();
  return http::Json(out, status);
}

// `next_id`: the id the next page starts after (its cursor), or none on the last page.
template <typename T>
http::HttpResponse Page(const std::vector<T>& items, void (*write)(JsonOut&, const T&),
                        const std::optional<int64_t>& next_id) {
  JsonOut out;
  out.StartObject();
  WriteItems(out, items, write);
  out.Field("next_cursor", http::IdCursorText(next_id)).EndObject();
  return http::Json(out);
}

}  // namespace tianshan::volunteering
