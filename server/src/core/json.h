#pragma once
// JSON in and out, on RapidJSON.
//
// ParseJsonObject validates UTF-8 and shape; ObjectReader reads typed fields, collects every
// field error (not just the first), and reports unknown fields, so a handler can answer one
// complete 422. JsonOut writes compact JSON into a string buffer.

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace tianshan {

// Parses a request body that must be a JSON object. Invalid UTF-8, malformed JSON and
// non-object roots are kBadRequest with a field error on "body".
Result<rapidjson::Document> ParseJsonObject(std::string_view body);

class ObjectReader {
 public:
  // `prefix` is prepended to field names in errors ("items[3].").
  explicit ObjectReader(const rapidjson::Value& object, std::string prefix = {});

  // Each getter marks the field as known. Missing optional fields give nullopt; a wrong type or
  // a missing required field records an error and gives nullopt.
  std::optional<std::string> String(const char* name, bool required, size_t max_chars = 200, size_t min_chars = 0);
  std::optional<int64_t> Int(const char* name, bool required, int64_t min = INT64_MIN, int64_t max = INT64_MAX);
  std::optional<bool> Bool(const char* name, bool required);
  // Enum-like string restricted to `allowed`.
  std::optional<std::string> OneOf(const char* name, bool required, const std::vector<std::string>& allowed);
  // Optional text where "" means "not given": nullopt when absent, null or empty.
  std::optional<std::string> Text(const char* name, size_t max_chars = 200);
  // For PATCH: nullopt when absent (leave unchanged), {nullopt} when null or "" (clear it),
  // {text} otherwise.
  std::optional<std::optional<std::string>> NullableText(const char* name, size_t max_chars = 200);
  // For PATCH: nullopt when absent, {nullopt} when null, {id} for a positive integer.
  std::optional<std::optional<int64_t>> NullableId(const char* name);
  // A calendar date "YYYY-MM-DD" (core/calendar.h), the one date check of every body.
  std::optional<std::string> Date(const char* name, bool required);
  // An array of positive ids, at most `max_items`; each bad element is named ("ids[2]").
  std::optional<std::vector<int64_t>> IdArray(const char* name, bool required, size_t max_items = 500);
  const rapidjson::Value* Raw(const char* name);
  bool Has(const char* name) const;

  void AddError(std::string field, std::string message, std::string param = {});
  // Ok when no field error was recorded, no unknown field is present and no key is repeated
  // (a repeated key is refused rather than silently taking one of its values).
  Status Finish();

 private:
  const rapidjson::Value& object_;
  std::string prefix_;
  std::set<std::string, std::less<>> known_;
  std::vector<FieldError> errors_;
};

// Counts Unicode code points of valid UTF-8.
size_t Utf8Length(std::string_view s);
bool IsValidUtf8(std::string_view s);

class JsonOut {
 public:
  JsonOut() : writer_(buffer_) {}
  rapidjson::Writer<rapidjson::StringBuffer>& w() { return writer_; }

  JsonOut& StartObject() {
    writer_.StartObject();
    return *this;
  }
  JsonOut& EndObject() {
    writer_.EndObject();
    return *this;
  }
  JsonOut& StartArray() {
    writer_.StartArray();
    return *this;
  }
  JsonOut& EndArray() {
    writer_.EndArray();
    return *this;
  }
  JsonOut& Key(std::string_view k) {
    writer_.Key(k.data(), static_cast<rapidjson::SizeType>(k.size()));
    return *this;
  }
  JsonOut& String(std::string_view v) {
    writer_.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
    return *this;
  }
  JsonOut& Int(int64_t v) {
    writer_.Int64(v);
    return *this;
  }
  JsonOut& Double(double v) {
    writer_.Double(v);
    return *this;
  }
  JsonOut& Bool(bool v) {
    writer_.Bool(v);
    return *this;
  }
  JsonOut& Null() {
    writer_.Null();
    return *this;
  }

  JsonOut& Field(std::string_view k, std::string_view v) { return Key(k).String(v); }
  JsonOut& Field(std::string_view k, const char* v) { return Key(k).String(v); }
  JsonOut& Field(std::string_view k, const std::string& v) { return Key(k).String(v); }
  JsonOut& Field(std::string_view k, int64_t v) { return Key(k).Int(v); }
  JsonOut& Field(std::string_view k, int v) { return Key(k).Int(v); }
  JsonOut& Field(std::string_view k, double v) { return Key(k).Double(v); }
  JsonOut& Field(std::string_view k, bool v) { return Key(k).Bool(v); }
  JsonOut& Field(std::string_view k, const std::optional<std::string>& v) {
    Key(k);
    return v ? String(*v) : Null();
  }
  JsonOut& Field(std::string_view k, const std::optional<int64_t>& v) {
    Key(k);
    return v ? Int(*v) : Null();
  }

  std::string Take() { return std::string(buffer_.GetString(), buffer_.GetSize()); }

 private:
  rapidjson::StringBuffer buffer_;
  rapidjson::Writer<rapidjson::StringBuffer> writer_;
};

}  // namespace tianshan
